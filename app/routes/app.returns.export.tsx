import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { isIsoDate } from "~/domain/calendar";
import { returnsCsv } from "~/features/returns/index.server";
import { authenticate } from "~/shopify.server";

// Every returned line of a date range as CSV (the Returns page's Export).

const rangeSchema = z
  .object({
    from: z.string().refine(isIsoDate, "from: use a date like 2026-12-01"),
    to: z.string().refine(isIsoDate, "to: use a date like 2026-12-31"),
  })
  .refine((r) => r.from <= r.to, { message: "from: must not be after to", path: ["from"] })
  .refine((r) => Date.parse(r.to) - Date.parse(r.from) <= 366 * 86_400_000, {
    message: "to: at most a year at a time",
    path: ["to"],
  });

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const params = new URL(request.url).searchParams;
  const parsed = rangeSchema.safeParse({ from: params.get("from"), to: params.get("to") });
  if (!parsed.success)
    return new Response(parsed.error.issues.map((i) => i.message).join("; "), { status: 400 });
  const csv = await returnsCsv(session.shop, parsed.data);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="returns-${parsed.data.from}-to-${parsed.data.to}.csv"`,
      "Cache-Control": "no-store",
    },
  });
};

import { z } from "zod";
import { isIsoDate } from "~/domain/calendar";

// The date range an export asks for (?from=YYYY-MM-DD&to=YYYY-MM-DD, inclusive, UTC): one schema
// for every report so each refuses the same bad input with the same words.

export interface DateRange {
  from: string;
  to: string;
}

export const dateRangeSchema = z
  .object({
    from: z.string().refine(isIsoDate, "from: use a date like 2026-12-01"),
    to: z.string().refine(isIsoDate, "to: use a date like 2026-12-31"),
  })
  .refine((r) => r.from <= r.to, { message: "from: must not be after to", path: ["from"] })
  .refine((r) => Date.parse(r.to) - Date.parse(r.from) <= 366 * 86_400_000, {
    message: "to: at most a year at a time",
    path: ["to"],
  });

/** The range's bounds as instants, for a `gte` / `lte` query. */
export function rangeBounds(range: DateRange) {
  return {
    gte: new Date(`${range.from}T00:00:00.000Z`),
    lte: new Date(`${range.to}T23:59:59.999Z`),
  };
}

/** A CSV answer for a range read off the request, or a 400 naming the bad field. */
export async function csvResponse(
  request: Request,
  name: string,
  build: (range: DateRange) => Promise<string>,
) {
  const params = new URL(request.url).searchParams;
  const parsed = dateRangeSchema.safeParse({ from: params.get("from"), to: params.get("to") });
  if (!parsed.success)
    return new Response(parsed.error.issues.map((i) => i.message).join("; "), { status: 400 });
  const { from, to } = parsed.data;
  return new Response(await build(parsed.data), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}-${from}-to-${to}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}

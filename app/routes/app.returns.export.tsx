import type { LoaderFunctionArgs } from "@remix-run/node";
import { returnsCsv } from "~/features/returns/index.server";
import { csvResponse } from "~/platform/date-range";
import { authenticate } from "~/shopify.server";

// Every returned line of a date range as CSV (the Returns page's Export).

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  return csvResponse(request, "returns", (range) => returnsCsv(session.shop, range));
};

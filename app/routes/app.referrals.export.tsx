import type { LoaderFunctionArgs } from "@remix-run/node";
import { referralsCsv } from "~/features/referrals/index.server";
import { csvResponse } from "~/platform/date-range";
import { authenticate } from "~/shopify.server";

// Every referral (friend's order) of a date range with its reward's money as CSV (the Referrals
// page's Export).

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  return csvResponse(request, "referrals", (range) => referralsCsv(session.shop, range));
};

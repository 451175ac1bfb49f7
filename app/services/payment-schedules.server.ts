import { PAYMENT_SCHEDULE_ORDER_QUERY } from "~/graphql/payment-schedules";
import { unauthenticated } from "~/shopify.server";
import { adminRequest } from "~/platform/admin/client.server";

/** The order a payment schedule belongs to (null for draft orders or unknown schedules). */
export async function orderForPaymentSchedule(
  shop: string,
  scheduleGid: string,
): Promise<string | null> {
  const { admin } = await unauthenticated.admin(shop);
  const data = await adminRequest(admin.graphql, PAYMENT_SCHEDULE_ORDER_QUERY, { id: scheduleGid });
  const node = data.node;
  return (node && "paymentTerms" in node ? node.paymentTerms?.order?.id : null) ?? null;
}

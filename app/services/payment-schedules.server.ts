import { PAYMENT_SCHEDULE_ORDER_QUERY } from "~/graphql/payment-schedules";
import { adminRequest, type AdminGraphql } from "~/platform/admin/client.server";

/** The order a payment schedule belongs to (null for draft orders or unknown schedules). */
export async function orderForPaymentSchedule(
  graphql: AdminGraphql,
  scheduleGid: string,
): Promise<string | null> {
  const data = await adminRequest(graphql, PAYMENT_SCHEDULE_ORDER_QUERY, { id: scheduleGid });
  const node = data.node;
  return (node && "paymentTerms" in node ? node.paymentTerms?.order?.id : null) ?? null;
}

import prisma from "~/db.server";
import { offlineAdmin } from "~/shopify.server";
import { orderForPaymentSchedule } from "~/services/payment-schedules.server";
import { recordOrderEvent } from "~/services/orders.server";
import type { WebhookHandler } from "~/platform/webhooks/types";

const paymentScheduleDue: WebhookHandler = async ({
  shop,
  payload,
  deliveryId,
  triggeredAt,
  log,
}) => {
  const scheduleGid = payload.admin_graphql_api_id;
  if (typeof scheduleGid !== "string") {
    log.warn("payment schedule payload without id ignored");
    return;
  }
  const orderGid = await orderForPaymentSchedule(await offlineAdmin(shop), scheduleGid);
  if (!orderGid) {
    log.info({ scheduleGid }, "payment schedule is not on an order (draft order?): nothing to do");
    return;
  }
  await recordOrderEvent({
    shop,
    orderGid,
    kind: "payment_schedule.due",
    subjectGid: scheduleGid,
    occurredAt: triggeredAt,
    deliveryId,
    data: {
      dueAt: payload.due_at ?? null,
      balanceDue: payload.balance_due ?? null,
      currency: payload.currency ?? null,
    },
  });
};

const paymentMethodRevoked: WebhookHandler = async ({ shop, payload, triggeredAt, log }) => {
  const paymentMethodGid = payload.admin_graphql_api_id;
  if (typeof paymentMethodGid !== "string") {
    log.warn("revoked payment method without id ignored");
    return;
  }
  const customerGid =
    typeof payload.admin_graphql_api_customer_id === "string"
      ? payload.admin_graphql_api_customer_id
      : null;
  await prisma.revokedPaymentMethod.upsert({
    where: { shop_paymentMethodGid: { shop, paymentMethodGid } },
    create: { shop, paymentMethodGid, customerGid, revokedAt: triggeredAt },
    update: {},
  });
};

export const paymentHandlers = {
  "payment_schedules/due": paymentScheduleDue,
  "customer_payment_methods/revoke": paymentMethodRevoked,
} satisfies Record<string, WebhookHandler>;

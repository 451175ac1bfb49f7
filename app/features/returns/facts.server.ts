import prisma from "~/db.server";
import { withBusyRetry } from "~/platform/sqlite-busy.server";
import type { OrderFacts, RefundedFact, ReturnFact } from "~/domain/order-facts";
import { enqueue } from "~/platform/jobs/queue.server";
import { addReturnEvent, advanceReturnSoon, recordReturnFact } from "./case.server";
import { RETURNS_SNAPSHOT_JOB } from "./intake.server";
import { scheduleKeptCheck } from "./kept-purchases.server";

// Returns facts, as Shopify's webhooks report them: the lines' shipments and deliveries (the
// window's clock), and each step of a Shopify Return (a request from Shopify's customer
// accounts opens a case; the others move the case that mirrors it). Written once each; the
// return's job then acts on them.

export const RETURNS_INTAKE_JOB = "returns.intake";

async function orderOf(shop: string, orderGid: string) {
  return prisma.returnOrder.findUnique({ where: { shop_orderGid: { shop, orderGid } } });
}

async function fulfilled(fact: {
  shop: string;
  orderGid: string;
  fulfillmentGid: string;
  lineItemGids: string[];
}) {
  const order = await orderOf(fact.shop, fact.orderGid);
  if (!order) return;
  await prisma.returnOrderLine.updateMany({
    where: { orderId: order.id, lineItemGid: { in: fact.lineItemGids } },
    data: { fulfillmentGid: fact.fulfillmentGid },
  });
}

/** The carrier's delivery starts each line's window; the earliest scan counts. */
async function delivered(fact: {
  shop: string;
  orderGid: string;
  fulfillmentGid: string;
  at: Date;
}) {
  const order = await orderOf(fact.shop, fact.orderGid);
  if (!order) return;
  const { count } = await prisma.returnOrderLine.updateMany({
    where: {
      orderId: order.id,
      fulfillmentGid: fact.fulfillmentGid,
      OR: [{ deliveredAt: null }, { deliveredAt: { gt: fact.at } }],
    },
    data: { deliveredAt: fact.at },
  });
  if (count > 0) await scheduleKeptCheck(fact.shop, order, fact.fulfillmentGid, fact.at);
  // The lines of that fulfillment are not known yet (its webhook came late): read the order.
  if (
    count === 0 &&
    !(await prisma.returnOrderLine.count({
      where: { orderId: order.id, fulfillmentGid: fact.fulfillmentGid },
    }))
  )
    await enqueue({
      type: RETURNS_SNAPSHOT_JOB,
      shop: fact.shop,
      payload: { orderGid: fact.orderGid },
      idempotencyKey: `returns:snapshot:${fact.orderGid}:delivered:${fact.fulfillmentGid}`,
    });
}

const STEP_FACTS: Partial<Record<ReturnFact["step"], (at: Date) => Record<string, unknown>>> = {
  approved: (at) => ({ shopifyStatus: "OPEN", approvedAt: at }),
  declined: (at) => ({ shopifyStatus: "DECLINED", declinedAt: at }),
  processed: (at) => ({ processedAt: at }),
  closed: (at) => ({ shopifyStatus: "CLOSED", closedAt: at }),
  cancelled: (at) => ({ shopifyStatus: "CANCELED", cancelledAt: at }),
};

async function returned(fact: ReturnFact) {
  const c = await prisma.returnCase.findUnique({
    where: { shop_returnGid: { shop: fact.shop, returnGid: fact.returnGid } },
  });
  if (!c) {
    // A return asked for in Shopify's customer accounts: the same rules decide it. Its lines and
    // reasons are read from the Return itself, by a job.
    if (fact.step === "requested")
      await enqueue({
        type: RETURNS_INTAKE_JOB,
        shop: fact.shop,
        payload: { returnGid: fact.returnGid, orderGid: fact.orderGid },
        idempotencyKey: `returns:intake:${fact.returnGid}`,
      });
    return;
  }
  const event = {
    kind: `shopify.${fact.step}`,
    message: `Shopify: return ${fact.step}`,
    dedupeKey: `shopify:${fact.key}`,
    occurredAt: fact.at,
  };
  // Processed by the app (its movements are recorded): the webhook may beat the answer to the
  // app's own returnProcess, so it is only news; the job reconciles the effect and marks each
  // movement paid. Processed in Shopify's admin instead: Shopify moved the money, nothing is owed.
  if (
    fact.step === "processed" &&
    (await prisma.returnMoney.count({ where: { caseId: c.id } })) > 0
  ) {
    await withBusyRetry(() =>
      prisma.$transaction(async (tx) => {
        await addReturnEvent(tx, c, event);
        await advanceReturnSoon(c, event.dedupeKey, tx);
      }),
    );
    return;
  }
  const facts = STEP_FACTS[fact.step]?.(fact.at);
  if (!facts) return;
  // Each step once: a field already set stays as first reported.
  const field = Object.keys(facts).find((k) => k !== "shopifyStatus") as string;
  await recordReturnFact(c, facts, event, { [field]: null });
}

/**
 * A refund the merchant made in Shopify for lines on an open return, not through it: Shopify
 * refunds a line once, so the return's own refund would now fail or be wrong. The case says so
 * on its timeline and page before anyone processes it.
 */
async function refunded(fact: RefundedFact) {
  const order = await orderOf(fact.shop, fact.orderGid);
  if (!order || fact.lineItems.length === 0) return;
  const gids = fact.lineItems.map((l) => l.lineItemGid);
  const cases = await prisma.returnCase.findMany({
    where: {
      shop: fact.shop,
      orderId: order.id,
      processedAt: null,
      closedAt: null,
      declinedAt: null,
      cancelledAt: null,
      expiredAt: null,
      lines: { some: { lineItemGid: { in: gids } } },
    },
    include: { order: { include: { lines: true } } },
  });
  for (const c of cases) {
    // Refunded through this very return: returns/process reports that step.
    if (fact.returnGid && fact.returnGid === c.returnGid) continue;
    const titles = c.order.lines
      .filter((l) => gids.includes(l.lineItemGid))
      .map((l) => `${l.title}${l.variantTitle ? ` — ${l.variantTitle}` : ""}`)
      .join(", ");
    await withBusyRetry(() =>
      prisma.$transaction(async (tx) => {
        await addReturnEvent(tx, c, {
          kind: "shopify.refund_outside",
          message: `Refunded in Shopify outside this return: ${titles}. Check the order before this return is processed (Shopify refunds a line once).`,
          dedupeKey: `refund-outside:${fact.refundGid}`,
          occurredAt: fact.at,
          data: { refundGid: fact.refundGid, lineItems: fact.lineItems },
        });
        await advanceReturnSoon(c, `refund-outside:${fact.refundGid}`, tx);
      }),
    );
  }
}

/** The order facts returns subscribe to (app/policies.server.ts). */
export const returnsOrderFacts = {
  fulfilled,
  delivered,
  returned,
  refunded,
} satisfies Omit<OrderFacts, "orderCreated" | "orderCancelled">;

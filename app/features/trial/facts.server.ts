import prisma from "~/db.server";
import type { OrderLinePayload } from "~/domain/orders";
import type { OrderFacts, ReturnFact } from "~/domain/order-facts";
import { now } from "~/platform/clock.server";
import { withBusyRetry } from "~/platform/sqlite-busy.server";
import { addTrialEvent, advanceTrialSoon, trialLineData } from "./case.server";
import type { TrialChoice } from "./domain/settlement";

// Trial facts, as webhooks and people report them. Each fact is written once (duplicates and
// out-of-order deliveries change nothing twice) and then the trial job is asked to act on it.

async function findTrial(shop: string, orderGid: string) {
  return prisma.trial.findUnique({ where: { shop_orderGid: { shop, orderGid } } });
}

/** The first shipment starts the transit; later ones do not move it. */
export async function recordTrialFulfilment(shop: string, orderGid: string, at: Date, key: string) {
  const trial = await findTrial(shop, orderGid);
  if (!trial) return;
  await prisma.trial.updateMany({
    where: { id: trial.id, OR: [{ fulfilledAt: null }, { fulfilledAt: { gt: at } }] },
    data: { fulfilledAt: at },
  });
  await addTrialEvent(prisma, trial.id, shop, {
    kind: "shipment",
    message: "Trial box shipped",
    dedupeKey: `fulfilled:${key}`,
    occurredAt: at,
  });
  await advanceTrialSoon(trial, `fulfilled:${key}`);
}

/** A delivery scan starts the clock. The earliest scan counts; when we heard of it matters too. */
export async function recordTrialDelivery(
  shop: string,
  orderGid: string,
  at: Date,
  key: string,
  reportedAt: Date = now(),
) {
  const trial = await findTrial(shop, orderGid);
  if (!trial) return;
  await prisma.trial.updateMany({
    where: { id: trial.id, OR: [{ deliveredAt: null }, { deliveredAt: { gt: at } }] },
    data: { deliveredAt: at, deliveryReportedAt: reportedAt },
  });
  await prisma.trial.updateMany({
    where: { id: trial.id, fulfilledAt: null },
    data: { fulfilledAt: at },
  });
  await addTrialEvent(prisma, trial.id, shop, {
    kind: "delivery",
    message: "Carrier reported the trial box delivered: the trial clock starts",
    dedupeKey: `delivered:${key}`,
    occurredAt: at,
  });
  await advanceTrialSoon(trial, `delivered:${key}`);
}

export type ReturnStage = "started" | "received" | "withdrawn";

interface ExchangeLinePayload {
  line_item?: OrderLinePayload | null;
}

/**
 * The trial's one free exchange: the merchant creates it in Shopify as a return with exchange
 * items. The replacement pairs join the trial as pairs on trial (charged at the end unless sent
 * back); the pairs they replace are marked exchanged and, like any return, are not charged once
 * they are back.
 */
export async function recordTrialExchange(
  shop: string,
  orderGid: string,
  input: { returnGid: string; replacedLineGids: string[]; exchangeLines: unknown[]; at: Date },
) {
  const trial = await prisma.trial.findUnique({ where: { shop_orderGid: { shop, orderGid } } });
  if (!trial) return;
  const currency = trial.currencyCode;
  const lines = (input.exchangeLines as ExchangeLinePayload[])
    .map((e) => e.line_item)
    .filter((l): l is OrderLinePayload => Boolean(l?.admin_graphql_api_id));
  if (lines.length === 0) return;
  await withBusyRetry(() =>
    prisma.$transaction(async (tx) => {
      for (const l of lines) {
        const data = trialLineData(l, currency);
        await tx.trialLine.upsert({
          where: { trialId_lineItemGid: { trialId: trial.id, lineItemGid: data.lineItemGid } },
          create: { trialId: trial.id, ...data },
          update: {},
        });
      }
      await tx.trialLine.updateMany({
        where: { trialId: trial.id, lineItemGid: { in: input.replacedLineGids } },
        data: { exchanged: true, choice: "return" },
      });
      await addTrialEvent(tx, trial.id, shop, {
        kind: "exchange",
        message: `Exchange: ${lines.map((l) => `${l.title ?? "pair"} ${l.variant_title ?? ""}`.trim()).join(", ")} sent for trial`,
        dedupeKey: `exchange:${input.returnGid}`,
        occurredAt: input.at,
      });
      // The request the shopper made is answered.
      if (trial.attentionReason?.startsWith("Exchange requested"))
        await tx.trial.update({ where: { id: trial.id }, data: { attentionReason: null } });
      await advanceTrialSoon(trial, `exchange:${input.returnGid}`, tx);
    }),
  );
}

/** Returns of trial lines: started pauses the charge for those lines, received ends it. */
export async function recordTrialReturn(
  shop: string,
  orderGid: string,
  input: { returnGid: string; lineItemGids: string[]; stage: ReturnStage; at: Date; key: string },
) {
  const trial = await prisma.trial.findUnique({
    where: { shop_orderGid: { shop, orderGid } },
    include: { lines: true },
  });
  if (!trial) return;
  const lines = trial.lines.filter((l) => input.lineItemGids.includes(l.lineItemGid));
  if (lines.length === 0) return;
  const ids = lines.map((l) => l.id);
  await withBusyRetry(() =>
    prisma.$transaction(async (tx) => {
      if (input.stage === "started") {
        await tx.trialLine.updateMany({
          where: { id: { in: ids }, returnStartedAt: null },
          data: { returnStartedAt: input.at, returnGid: input.returnGid },
        });
      } else if (input.stage === "received") {
        await tx.trialLine.updateMany({
          where: { id: { in: ids }, returnStartedAt: null },
          data: { returnStartedAt: input.at, returnGid: input.returnGid },
        });
        await tx.trialLine.updateMany({
          where: { id: { in: ids }, returnReceivedAt: null },
          data: { returnReceivedAt: input.at },
        });
      } else {
        await tx.trialLine.updateMany({
          where: { id: { in: ids }, returnGid: input.returnGid, returnReceivedAt: null },
          data: { returnStartedAt: null, returnGid: null },
        });
      }
      const titles = lines.map((l) => `${l.title} ${l.variantTitle ?? ""}`.trim()).join(", ");
      await addTrialEvent(tx, trial.id, shop, {
        kind: `return.${input.stage}`,
        message: `Return ${input.stage}: ${titles}`,
        dedupeKey: `return:${input.stage}:${input.key}`,
        occurredAt: input.at,
        data: { returnGid: input.returnGid },
      });
      await advanceTrialSoon(trial, `return:${input.stage}:${input.key}`, tx);
    }),
  );
}

export async function recordTrialCancelled(shop: string, orderGid: string, at: Date) {
  const trial = await findTrial(shop, orderGid);
  if (!trial) return;
  await prisma.trial.updateMany({
    where: { id: trial.id, cancelledAt: null },
    data: { cancelledAt: at },
  });
  await addTrialEvent(prisma, trial.id, shop, {
    kind: "order.cancelled",
    message: "Order cancelled",
    dedupeKey: "cancelled",
    occurredAt: at,
  });
  await advanceTrialSoon(trial, "cancelled");
}

/** The shopper's keep/return choices (keep/return page) or the merchant's on their behalf. */
export async function setTrialChoices(
  shop: string,
  trialId: string,
  choices: { lineItemGid: string; choice: TrialChoice }[],
  by: "shopper" | "merchant",
) {
  const trial = await prisma.trial.findFirst({ where: { id: trialId, shop } });
  if (!trial) return null;
  await withBusyRetry(() =>
    prisma.$transaction(async (tx) => {
      for (const c of choices)
        await tx.trialLine.updateMany({
          where: { trialId, lineItemGid: c.lineItemGid },
          data: { choice: c.choice },
        });
      await addTrialEvent(tx, trialId, shop, {
        kind: "choice",
        message: `${by === "shopper" ? "Shopper" : "Merchant"} chose: ${choices.map((c) => c.choice).join(", ")}`,
        dedupeKey: `choice:${now().toISOString()}`,
        occurredAt: now(),
        data: choices,
      });
    }),
  );
  return trial;
}

const RETURN_STAGE: Record<ReturnFact["step"], ReturnStage | null> = {
  requested: "started",
  approved: "started",
  declined: "withdrawn",
  processed: "received",
  closed: null,
  // A cancelled return was never sent: the pairs are not on their way back.
  cancelled: "withdrawn",
  reopened: null,
};

/** The order facts the trial subscribes to (app/policies.server.ts). */
export const trialFacts = {
  orderCancelled: ({ shop, orderGid, at }) => recordTrialCancelled(shop, orderGid, at),
  fulfilled: ({ shop, orderGid, fulfillmentGid, at }) =>
    recordTrialFulfilment(shop, orderGid, at, fulfillmentGid),
  delivered: ({ shop, orderGid, fulfillmentGid, at, reportedAt }) =>
    recordTrialDelivery(shop, orderGid, at, fulfillmentGid, reportedAt),
  returned: async (fact) => {
    const stage = RETURN_STAGE[fact.step];
    if (!stage) return;
    if (stage === "started" && fact.exchangeLines.length > 0)
      await recordTrialExchange(fact.shop, fact.orderGid, {
        returnGid: fact.returnGid,
        replacedLineGids: fact.lineItemGids,
        exchangeLines: fact.exchangeLines,
        at: fact.at,
      });
    await recordTrialReturn(fact.shop, fact.orderGid, {
      returnGid: fact.returnGid,
      lineItemGids: fact.lineItemGids,
      stage,
      at: fact.at,
      key: fact.key,
    });
  },
} satisfies Required<Omit<OrderFacts, "orderCreated" | "orderPaid" | "refunded">>;

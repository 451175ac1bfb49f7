import type { Prisma, Trial, TrialLine } from "@prisma/client";
import prisma from "~/db.server";
import {
  lineSellingPlanGid,
  type OrderLinePayload,
  type OrderPayload,
} from "~/services/orders.server";
import { parseMoneyInput } from "~/domain/money";
import type { TrialSnapshot, TrialTerms } from "./domain/next-action";
import type { TrialChoice } from "./domain/settlement";
import { enqueue } from "~/platform/jobs/queue.server";
import { now } from "~/platform/clock.server";
import { isUniqueViolation } from "~/platform/db-errors.server";
import { withBusyRetry } from "~/platform/sqlite-busy.server";
import { getCurrentPolicy } from "~/services/policy.server";

// Trial facts, as webhooks and people report them. Each fact is written once (duplicates and
// out-of-order deliveries change nothing twice) and then the trial job is asked to act on it.

export type TrialWithLines = Trial & { lines: TrialLine[] };

/** A trial line from a REST line item (order webhooks, exchange items of a return). */
function trialLineData(l: OrderLinePayload, currency: string) {
  const price = parseMoneyInput(l.price ?? "0", currency);
  return {
    lineItemGid: l.admin_graphql_api_id as string,
    productGid: l.product_id ? `gid://shopify/Product/${String(l.product_id)}` : null,
    variantGid: l.variant_id ? `gid://shopify/ProductVariant/${String(l.variant_id)}` : null,
    title: l.title ?? "Item",
    variantTitle: l.variant_title ?? null,
    quantity: l.quantity ?? 1,
    unitPriceMinor: price.ok ? price.amount : 0,
  };
}

/** Asks the trial job to look at a trial again, once per reason. */
export async function advanceTrialSoon(
  trial: Pick<Trial, "id" | "shop">,
  reason: string,
  db: Prisma.TransactionClient | typeof prisma = prisma,
) {
  await enqueue(
    {
      type: "trial.advance",
      shop: trial.shop,
      payload: { trialId: trial.id },
      idempotencyKey: `trial:${trial.id}:advance:${reason}`,
    },
    db,
  );
}

/** orders/create: an order with lines bought on the trial purchase option becomes a trial. */
export async function openTrialFromOrder(
  shop: string,
  order: OrderPayload,
  deliveryId: string,
): Promise<Trial | null> {
  const orderGid = order.admin_graphql_api_id;
  if (!orderGid) return null;
  const shopRow = await prisma.shop.findUnique({ where: { domain: shop } });
  const planGid = shopRow?.trialSellingPlanGid;
  const trialLines = (order.line_items ?? []).filter(
    (l) => planGid && lineSellingPlanGid(l) === planGid && l.admin_graphql_api_id,
  );
  if (trialLines.length === 0) return null;
  const existing = await prisma.trial.findUnique({ where: { shop_orderGid: { shop, orderGid } } });
  if (existing) return existing;

  const policy = await getCurrentPolicy(shop);
  const trialPolicy = policy.document.trial;
  const currency = order.currency ?? shopRow?.currencyCode ?? "USD";
  const terms: TrialTerms = {
    windowDays: trialPolicy.windowDays,
    fallbackStartDaysAfterFulfillment: trialPolicy.fallbackStartDaysAfterFulfillment,
    reminderLeadHours: trialPolicy.reminderLeadHours,
    timeZone: shopRow?.ianaTimezone ?? "America/New_York",
    damageFee: trialPolicy.damageFee.amount,
    returnInTransitCapDays: trialPolicy.returnInTransitCapDays,
    onAuthorizationFailure: trialPolicy.onAuthorizationFailure,
    holdAmount: trialPolicy.holdAmount.amount,
    exchangesAllowed: trialPolicy.exchangesAllowed,
  };
  const customerName =
    [order.customer?.first_name, order.customer?.last_name].filter(Boolean).join(" ") || null;
  try {
    const opened = await withBusyRetry(() =>
      prisma.$transaction(async (tx) => {
        const trial = await tx.trial.create({
          data: {
            shop,
            orderGid,
            orderName: order.name ?? orderGid,
            customerGid: order.customer?.admin_graphql_api_id ?? null,
            customerEmail: order.email ?? null,
            customerName,
            currencyCode: currency,
            policyVersion: policy.version,
            terms: JSON.stringify(terms),
            plus: shopRow?.shopifyPlus ?? false,
            orderedAt: new Date(order.created_at ?? now()),
            lines: {
              create: trialLines.map((l) => trialLineData(l, currency)),
            },
          },
        });
        await addTrialEvent(tx, trial.id, shop, {
          kind: "order.created",
          message: `Trial opened from ${trial.orderName} (${trialLines.length} pair(s), policy v${policy.version})`,
          dedupeKey: `order:${deliveryId}`,
          occurredAt: trial.orderedAt,
        });
        await advanceTrialSoon(trial, "opened", tx);
        return trial;
      }),
    );
    await replayEarlierEvents(shop, orderGid);
    return opened;
  } catch (error) {
    // A duplicate delivery of the same order raced this one: the trial exists once.
    if (!isUniqueViolation(error)) throw error;
    return prisma.trial.findUnique({ where: { shop_orderGid: { shop, orderGid } } });
  }
}

/** return_line_items[].fulfillment_line_item.line_item of a returns/* payload. */
export function returnedLineGids(returnLineItems: unknown[] | undefined): string[] {
  return (returnLineItems ?? []).flatMap((item) => {
    const line = (
      item as { fulfillment_line_item?: { line_item?: { admin_graphql_api_id?: string } } }
    ).fulfillment_line_item?.line_item?.admin_graphql_api_id;
    return line ? [line] : [];
  });
}

const RETURN_STAGES: Record<string, ReturnStage> = {
  "return.requested": "started",
  "return.approved": "started",
  "return.declined": "withdrawn",
  "return.processed": "received",
};

/**
 * Webhooks arrive out of order: a fulfillment, a delivery scan or a return can be processed
 * before the orders/create that opens the trial. They are on the order's timeline already, so
 * the new trial takes them from there.
 */
async function replayEarlierEvents(shop: string, orderGid: string) {
  const events = await prisma.orderEvent.findMany({
    where: { shop, orderGid },
    orderBy: { occurredAt: "asc" },
  });
  for (const event of events) {
    const data = JSON.parse(event.data) as { returnLineItems?: unknown[] };
    const key = `${event.subjectGid}:${event.kind}`;
    if (event.kind === "fulfillment.created")
      await recordTrialFulfilment(shop, orderGid, event.occurredAt, event.subjectGid);
    else if (event.kind === "fulfillment.delivered")
      await recordTrialDelivery(
        shop,
        orderGid,
        event.occurredAt,
        event.subjectGid,
        event.occurredAt,
      );
    else if (event.kind === "order.cancelled")
      await recordTrialCancelled(shop, orderGid, event.occurredAt);
    else if (RETURN_STAGES[event.kind]) {
      const exchangeLines = (data as { exchangeLineItems?: unknown[] }).exchangeLineItems ?? [];
      if (RETURN_STAGES[event.kind] === "started" && exchangeLines.length > 0)
        await recordTrialExchange(shop, orderGid, {
          returnGid: event.subjectGid,
          replacedLineGids: returnedLineGids(data.returnLineItems),
          exchangeLines,
          at: event.occurredAt,
        });
      await recordTrialReturn(shop, orderGid, {
        returnGid: event.subjectGid,
        lineItemGids: returnedLineGids(data.returnLineItems),
        stage: RETURN_STAGES[event.kind] as ReturnStage,
        at: event.occurredAt,
        key,
      });
    }
  }
}

export async function addTrialEvent(
  db: Prisma.TransactionClient | typeof prisma,
  trialId: string,
  shop: string,
  event: { kind: string; message: string; dedupeKey: string; occurredAt: Date; data?: unknown },
) {
  await db.trialEvent.upsert({
    where: { trialId_dedupeKey: { trialId, dedupeKey: event.dedupeKey } },
    create: {
      trialId,
      shop,
      kind: event.kind,
      message: event.message,
      dedupeKey: event.dedupeKey,
      occurredAt: event.occurredAt,
      data: JSON.stringify(event.data ?? {}),
    },
    update: {},
  });
}

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

export function trialSnapshot(trial: TrialWithLines): TrialSnapshot {
  return {
    terms: JSON.parse(trial.terms) as TrialTerms,
    orderedAt: trial.orderedAt,
    fulfilledAt: trial.fulfilledAt,
    deliveredAt: trial.deliveredAt,
    deliveryReportedAt: trial.deliveryReportedAt,
    extensionDays: trial.extensionDays,
    cancelledAt: trial.cancelledAt,
    settledAt: trial.settledAt,
    authorizationAttempts: trial.authorizationAttempts,
    authorizationFailedAt: trial.authorizationFailedAt,
    authorization:
      trial.authorizationGid && trial.authorizationExpiresAt && trial.authorizationAmount
        ? {
            gid: trial.authorizationGid,
            capturable: trial.authorizationAmount,
            expiresAt: trial.authorizationExpiresAt,
          }
        : null,
    remindedAt: trial.remindedAt,
    settleRequestedAt: trial.settleRequestedAt,
    lines: trial.lines.map((l) => ({
      lineItemGid: l.lineItemGid,
      title: l.title,
      unitPrice: l.unitPriceMinor,
      quantity: l.quantity,
      choice: l.choice as TrialChoice,
      returnStartedAt: l.returnStartedAt,
      returnReceivedAt: l.returnReceivedAt,
      damaged: l.damaged,
      damageFeeWaived: l.damageFeeWaived,
      exchanged: l.exchanged,
    })),
  };
}

import type { Trial } from "@prisma/client";
import prisma from "~/db.server";
import {
  customerNameOf,
  lineSellingPlanGid,
  returnedLineGids,
  type OrderPayload,
} from "~/domain/orders";
import type { ReturnStep } from "~/domain/order-facts";
import { now } from "~/platform/clock.server";
import { isUniqueViolation } from "~/platform/db-errors.server";
import { withBusyRetry } from "~/platform/sqlite-busy.server";
import { getCurrentPolicy } from "~/services/policy.server";
import { addTrialEvent, advanceTrialSoon, trialLineData } from "./case.server";
import type { TrialTerms } from "./domain/next-action";
import { trialFacts } from "./facts.server";

// orders/create: an order with lines bought on the trial purchase option becomes a trial, under
// the terms of the policy in force at that moment (kept on the trial: a later policy change does
// not move a running trial's dates or amounts).

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
  const customerName = customerNameOf(order);
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

const RETURN_STEPS: Record<string, ReturnStep> = {
  "return.requested": "requested",
  "return.approved": "approved",
  "return.declined": "declined",
  "return.processed": "processed",
  "return.cancelled": "cancelled",
};

/**
 * Webhooks arrive out of order: a fulfillment, a delivery scan or a return can be processed
 * before the orders/create that opens the trial. They are on the order's timeline already, so
 * the new trial takes them from there, as the same facts the webhooks would have given.
 */
async function replayEarlierEvents(shop: string, orderGid: string) {
  const events = await prisma.orderEvent.findMany({
    where: { shop, orderGid },
    orderBy: { occurredAt: "asc" },
  });
  for (const event of events) {
    const data = JSON.parse(event.data) as {
      returnLineItems?: unknown[];
      exchangeLineItems?: unknown[];
    };
    const at = event.occurredAt;
    const fulfillmentGid = event.subjectGid;
    if (event.kind === "fulfillment.created")
      await trialFacts.fulfilled({ shop, orderGid, fulfillmentGid, lineItemGids: [], at });
    else if (event.kind === "fulfillment.delivered")
      await trialFacts.delivered({ shop, orderGid, fulfillmentGid, at, reportedAt: at });
    else if (event.kind === "order.cancelled")
      await trialFacts.orderCancelled({ shop, orderGid, at });
    else if (RETURN_STEPS[event.kind])
      await trialFacts.returned({
        shop,
        orderGid,
        returnGid: event.subjectGid,
        step: RETURN_STEPS[event.kind] as ReturnStep,
        lineItemGids: returnedLineGids(data.returnLineItems),
        exchangeLines: data.exchangeLineItems ?? [],
        at,
        key: `${event.subjectGid}:${event.kind}`,
      });
  }
}

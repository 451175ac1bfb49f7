import prisma from "~/db.server";
import { withBusyRetry } from "~/platform/sqlite-busy.server";
import { formatMoney, parseMoneyInput } from "~/domain/money";
import type { AdminGraphql } from "~/platform/admin/client.server";
import { now } from "~/platform/clock.server";
import { performEffect } from "~/platform/effects.server";
import { TerminalJobError } from "~/platform/jobs/errors.server";
import { caseDecision, recordReturnFact, type FullCase } from "./case.server";
import type { ReturnDecision } from "./domain/decide";
import { createGiftCard, giftCardCodeFor } from "~/services/gift-cards.server";
import { processReturn, readReturn, refundContext } from "./shopify.server";

// The money of a return, once every pair is inspected: each movement (refund, store credit or its
// gift card, the fees kept, the exchange) is written with its rule and policy version BEFORE
// Shopify is asked, under keys that make a retried job, a duplicate webhook or a crash find the
// same rows and the same effect instead of paying twice (docs/decisions/0010-return-fees.md).

type Movement = {
  kind: string;
  /** The order line it is for: one movement of a kind per line. */
  line: string;
  amountMinor: number;
  rule: string;
  details?: Record<string, unknown>;
};

/** Every movement the decision implies; amounts add up to the value of the pairs kept. */
export function movementsOf(decision: ReturnDecision, storeCreditAs: "store_credit" | "gift_card") {
  const items = decision.items.filter((i) => !i.decline && i.outcome && i.outcome !== "send_back");
  const out: Movement[] = [];
  const add = (
    kind: string,
    amount: number,
    rule: string,
    details: { line: string } & Record<string, unknown>,
  ) => {
    if (amount > 0)
      out.push({
        kind,
        line: (details as { line: string }).line,
        amountMinor: amount,
        rule,
        details,
      });
  };
  for (const i of items) {
    add("refund", i.refund, i.rule, { line: i.lineItemGid, title: i.title });
    add(storeCreditAs, i.storeCredit, i.rule, { line: i.lineItemGid, title: i.title });
    add("exchange", i.exchangeValue, i.rule, { line: i.lineItemGid, to: i.exchange?.title });
    add("handling_fee", i.handlingFee, `handling fee kept: ${i.rule}`, { line: i.lineItemGid });
    add(
      "restocking_fee",
      i.restockingFee,
      `${i.restockingFeePercent}% restocking fee kept: ${i.rule}`,
      {
        line: i.lineItemGid,
      },
    );
  }
  return out;
}

/** Refund amounts spread over the order's payments, largest first, none above what it took. */
export function refundParents(
  payments: readonly { id: string; amountMinor: number }[],
  refundMinor: number,
): { parentGid: string; amountMinor: number }[] {
  let left = refundMinor;
  const out: { parentGid: string; amountMinor: number }[] = [];
  for (const p of [...payments].sort((a, b) => b.amountMinor - a.amountMinor)) {
    if (left <= 0) break;
    const amount = Math.min(left, p.amountMinor);
    if (amount > 0) out.push({ parentGid: p.id, amountMinor: amount });
    left -= amount;
  }
  if (left > 0) throw new TerminalJobError(`refund exceeds the order's payments by ${left}`);
  return out;
}

// The card's code names the case: the same on every retry.
const giftCardCode = (caseId: string) => giftCardCodeFor(`return-credit:${caseId}`);

export async function processCase(c: FullCase, graphql: AdminGraphql) {
  const decision = caseDecision(c);
  if (!decision || !c.returnGid) throw new TerminalJobError(`return ${c.id} has no decision`);
  const ret = await readReturn(graphql, c.returnGid);
  const ctx = await refundContext(graphql, c.order.orderGid);
  const creditAs = ctx.newCustomerAccounts ? "store_credit" : "gift_card";
  const currency = decision.currency;
  const movements = movementsOf(decision, creditAs);
  const key = (kind: string) => `return:${c.id}:${kind}`;

  // Recorded first: what is owed, with why.
  await withBusyRetry(() =>
    prisma.$transaction(
      movements.map((m) =>
        prisma.returnMoney.upsert({
          where: {
            shop_idempotencyKey: { shop: c.shop, idempotencyKey: key(`${m.kind}:${m.line}`) },
          },
          create: {
            shop: c.shop,
            caseId: c.id,
            kind: m.kind,
            amountMinor: m.amountMinor,
            currencyCode: currency,
            idempotencyKey: key(`${m.kind}:${m.line}`),
            rule: m.rule,
            policyVersion: decision.policyVersion,
            details: JSON.stringify(m.details ?? {}),
          },
          update: {},
        }),
      ),
    ),
  );
  const sum = (kind: string) =>
    movements.filter((m) => m.kind === kind).reduce((s, m) => s + m.amountMinor, 0);
  const refund = sum("refund");
  const credit = ctx.newCustomerAccounts ? sum("store_credit") : 0;

  const kept = new Set(
    decision.items
      .filter((i) => !i.decline && i.outcome && i.outcome !== "send_back")
      .map((i) => i.lineItemGid),
  );
  const rfo = ret.reverseFulfillmentOrders.nodes[0];
  const lines = c.lines
    .filter((l) => kept.has(l.lineItemGid) && l.returnLineItemGid && !l.removedAt)
    .map((l) => {
      const reverse = rfo?.lineItems.nodes.find(
        (r) => r.fulfillmentLineItem?.lineItem.id === l.lineItemGid,
      );
      if (!reverse) throw new TerminalJobError(`no reverse line for ${l.lineItemGid}`);
      return {
        returnLineItemGid: l.returnLineItemGid as string,
        reverseLineGid: reverse.id,
        quantity: l.quantity,
        restock: l.condition === "unworn",
      };
    });
  const unreleased = ret.exchangeLineItems.nodes.filter((e) => e.processedQuantity < e.quantity);
  const payments = ctx.payments.map((p) => {
    const parsed = parseMoneyInput(p.amountSet.shopMoney.amount, currency);
    return { id: p.id, amountMinor: parsed.ok ? parsed.amount : 0 };
  });

  await performEffect(
    { shop: c.shop, key: key("process"), kind: "return.process", request: { refund, credit } },
    async () => {
      await processReturn(graphql, {
        returnGid: c.returnGid as string,
        currency,
        lines,
        exchanges: unreleased.map((e) => ({
          exchangeLineItemGid: e.id,
          quantity: e.quantity - e.processedQuantity,
        })),
        refunds: refundParents(payments, refund),
        storeCreditMinor: credit,
        locationGid: ctx.locationGid,
      });
      return { processed: true };
    },
    {
      // A lost answer: the return's lines show as processed when the call landed.
      reconcile: async () => {
        const again = await readReturn(graphql, c.returnGid as string);
        const done = again.returnLineItems.nodes.some((l) => l.processedQuantity > 0);
        return done ? { processed: true } : undefined;
      },
    },
  );
  await prisma.returnMoney.updateMany({
    where: { caseId: c.id, kind: { in: ["refund", "store_credit", "exchange"] } },
    data: { status: "succeeded", reference: c.returnGid },
  });
  await prisma.returnMoney.updateMany({
    where: { caseId: c.id, kind: { in: ["handling_fee", "restocking_fee"] } },
    data: { status: "succeeded" },
  });

  const giftCard = sum("gift_card");
  if (giftCard > 0) {
    const card = await performEffect(
      { shop: c.shop, key: key("gift-card"), kind: "return.gift_card", request: { giftCard } },
      async () => ({
        id: await createGiftCard(graphql, {
          code: giftCardCode(c.id),
          amountMinor: giftCard,
          currency,
          customerGid: c.order.customerGid,
          note: `Store credit for return ${c.returnName ?? c.id} (order ${c.order.orderName}); classic customer accounts cannot spend store credit`,
        }),
      }),
    );
    await prisma.returnMoney.updateMany({
      where: { caseId: c.id, kind: "gift_card" },
      data: { status: "succeeded", reference: card.id ?? giftCardCode(c.id) },
    });
  }

  const money = (amount: number) => formatMoney({ amount, currency });
  const parts = [
    refund && `${money(refund)} refunded`,
    sum("store_credit") && `${money(sum("store_credit"))} in store credit`,
    giftCard && `${money(giftCard)} on gift card ${giftCardCode(c.id)}`,
    sum("exchange") && `exchange released`,
    sum("handling_fee") && `${money(sum("handling_fee"))} handling fee kept`,
    sum("restocking_fee") && `${money(sum("restocking_fee"))} restocking fee kept`,
  ].filter(Boolean);
  await recordReturnFact(
    c,
    {
      processedAt: now(),
      exchangeReleasedAt: c.exchangeReleasedAt ?? (unreleased.length ? now() : null),
    },
    {
      kind: "return.processed",
      message: `Processed: ${parts.join(", ") || "nothing to pay"} (returns policy v${decision.policyVersion})`,
      dedupeKey: "processed",
      data: { movements },
    },
    { processedAt: null },
  );
}

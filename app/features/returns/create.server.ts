import prisma from "~/db.server";
import { withBusyRetry } from "~/platform/sqlite-busy.server";
import type { AdminGraphql } from "~/platform/admin/client.server";
import { now } from "~/platform/clock.server";
import { performEffect } from "~/platform/effects.server";
import { RetryableJobError, TerminalJobError } from "~/platform/jobs/errors.server";
import { caseDecision, recordReturnFact, type FullCase } from "./case.server";
import { snapshotOrder } from "./snapshot.server";
import {
  cancelReturn,
  closeReturn,
  createReturn,
  findCreatedReturn,
  processReturn,
  readReturn,
  removeFromReturn,
  type ShopifyReturn,
} from "./shopify.server";

// The Shopify Return of a case the app opened (portal, merchant): created OPEN with its fees and
// exchange lines (fees can be set only here — docs/decisions/0010-return-fees.md); the exchange's
// shipment out; the pairs sent back to the shopper taken off it.

const effectKey = (c: FullCase, what: string) => `return:${c.id}:${what}`;

async function fulfillmentLines(c: FullCase, graphql: AdminGraphql) {
  let lines = c.order.lines;
  if (
    c.lines.some((l) => !lines.find((o) => o.lineItemGid === l.lineItemGid)?.fulfillmentLineItemGid)
  ) {
    await snapshotOrder(c.shop, c.order.orderGid, graphql);
    lines = await prisma.returnOrderLine.findMany({ where: { orderId: c.order.id } });
  }
  return (lineItemGid: string) => {
    const gid = lines.find((o) => o.lineItemGid === lineItemGid)?.fulfillmentLineItemGid;
    if (!gid) throw new RetryableJobError(`line ${lineItemGid} is not fulfilled yet`, 60_000);
    return gid;
  };
}

/** Stores the return's ids: its own, its lines', for the steps after. */
async function adopt(c: FullCase, ret: ShopifyReturn) {
  await withBusyRetry(() =>
    prisma.$transaction(async (tx) => {
      for (const line of c.lines) {
        const gid = ret.returnLineItems.nodes.find(
          (r) =>
            "fulfillmentLineItem" in r && r.fulfillmentLineItem.lineItem.id === line.lineItemGid,
        )?.id;
        if (gid)
          await tx.returnCaseLine.update({
            where: { id: line.id },
            data: { returnLineItemGid: gid },
          });
      }
      await recordReturnFact(
        c,
        {
          returnGid: ret.id,
          returnName: ret.name,
          shopifyStatus: ret.status,
          approvedAt: now(),
          reverseFulfillmentGid: ret.reverseFulfillmentOrders.nodes[0]?.id ?? null,
        },
        {
          kind: "return.created",
          message: `Return ${ret.name} created on Shopify, approved`,
          dedupeKey: "created",
        },
        { returnGid: null },
        tx,
      );
    }),
  );
}

export async function createCaseReturn(c: FullCase, graphql: AdminGraphql) {
  const decision = caseDecision(c);
  if (!decision) throw new TerminalJobError(`return ${c.id} has no decision`);
  const fulfillmentLine = await fulfillmentLines(c, graphql);
  const kept = decision.items.filter((i) => !i.decline);
  const known = (
    await prisma.returnCase.findMany({ where: { orderId: c.orderId, returnGid: { not: null } } })
  ).map((r) => r.returnGid as string);
  const lineGids = kept.map((i) => i.lineItemGid);
  const ret = await performEffect(
    {
      shop: c.shop,
      key: effectKey(c, "create"),
      kind: "return.create",
      request: { lines: lineGids, fee: decision.totals.handlingFee },
    },
    () =>
      createReturn(graphql, {
        orderGid: c.order.orderGid,
        currency: decision.currency,
        lines: kept.map((i) => {
          const line = c.lines.find((l) => l.lineItemGid === i.lineItemGid);
          return {
            fulfillmentLineItemGid: fulfillmentLine(i.lineItemGid),
            quantity: i.quantity,
            reason: line?.reason ?? null,
            note:
              [
                line?.fitFeedback?.replace("_", " "),
                line?.wantedSize && `wants ${line.wantedSize} ${line.wantedWidth ?? ""}`.trim(),
                line?.reasonNote,
              ]
                .filter(Boolean)
                .join("; ") || null,
          };
        }),
        exchanges: kept
          .filter((i) => i.outcome === "exchange" && i.exchange)
          .map((i) => {
            const line = c.lines.find((l) => l.lineItemGid === i.lineItemGid);
            const price = (line?.exchangePriceMinor ?? 0) * i.quantity;
            return {
              variantGid: i.exchange?.variantGid as string,
              quantity: i.quantity,
              // An even exchange: the new pair costs what was paid for the old one.
              discountMinor: Math.max(0, price - i.exchangeValue),
            };
          }),
        handlingFeeMinor: decision.totals.handlingFee,
      }),
    { reconcile: async () => findCreatedReturn(graphql, c.order.orderGid, lineGids, known) },
  );
  await adopt(c, ret);
}

/** The exchange's new pair, shipped before the old one is back (the merchant's call). */
export async function releaseExchange(c: FullCase, graphql: AdminGraphql) {
  const decision = caseDecision(c);
  const returnGid = c.returnGid;
  if (!returnGid || !decision?.outboundExchange) {
    return recordReturnFact(
      c,
      { exchangeReleasedAt: now() },
      { kind: "exchange.none", message: "No exchange to ship", dedupeKey: "exchange-none" },
    );
  }
  const ret = await readReturn(graphql, returnGid);
  const open = ret.exchangeLineItems.nodes.filter((e) => e.processedQuantity < e.quantity);
  if (open.length > 0)
    await performEffect(
      {
        shop: c.shop,
        key: effectKey(c, "release-exchange"),
        kind: "return.release_exchange",
        request: {},
      },
      async () => {
        await processReturn(graphql, {
          returnGid,
          currency: decision.currency,
          lines: [],
          exchanges: open.map((e) => ({
            exchangeLineItemGid: e.id,
            quantity: e.quantity - e.processedQuantity,
          })),
          refunds: [],
          storeCreditMinor: 0,
          locationGid: null,
        });
        return { released: true };
      },
    );
  const covered = decision.outboundExchange.covered;
  await withBusyRetry(() =>
    prisma.$transaction(async (tx) => {
      // The release is recorded once (a retried step finds it recorded), and only then counted
      // against the order's covered exchange shipments.
      const first = await recordReturnFact(
        c,
        { exchangeReleasedAt: now(), outboundExchangeCovered: covered },
        {
          kind: "exchange.released",
          message: `Exchange shipped: ${decision.items
            .filter((i) => i.exchange)
            .map((i) => i.exchange?.title)
            .join(", ")}. ${decision.outboundExchange?.sentence}`,
          dedupeKey: "exchange-released",
        },
        { exchangeReleasedAt: null },
        tx,
      );
      if (!first) return;
      const order = await tx.returnOrder.update({
        where: { id: c.orderId },
        data: covered ? { outboundExchangesUsed: { increment: 1 } } : {},
      });
      await tx.returnMoney.upsert({
        where: {
          shop_idempotencyKey: { shop: c.shop, idempotencyKey: effectKey(c, "outbound-shipment") },
        },
        create: {
          shop: c.shop,
          caseId: c.id,
          kind: "covered_shipment",
          amountMinor: 0,
          currencyCode: decision.currency,
          status: "succeeded",
          idempotencyKey: effectKey(c, "outbound-shipment"),
          rule: `${decision.outboundExchange?.sentence} (${decision.market}, returns policy v${decision.policyVersion}; exchange shipments covered on this order: ${order.outboundExchangesUsed})`,
          policyVersion: decision.policyVersion,
          details: JSON.stringify({ covered }),
        },
        update: {},
      });
    }),
  );
}

/** Pairs sent back to the shopper (worn, refused) leave the return; nothing is paid for them. */
export async function removeSentBack(c: FullCase, graphql: AdminGraphql) {
  const decision = caseDecision(c);
  const returnGid = c.returnGid as string;
  const back = new Set(
    (decision?.items ?? [])
      .filter((i) => i.decline || i.outcome === "send_back")
      .map((i) => i.lineItemGid),
  );
  const lines = c.lines.filter(
    (l) => back.has(l.lineItemGid) && l.returnLineItemGid && !l.removedAt,
  );
  const everything = c.lines.every((l) => back.has(l.lineItemGid) || l.removedAt);
  await performEffect(
    {
      shop: c.shop,
      key: effectKey(c, "send-back"),
      kind: "return.remove_lines",
      request: { lines: lines.map((l) => l.id) },
    },
    async () => {
      // Nothing left to take back: the whole return ends instead.
      if (everything)
        await cancelReturn(graphql, returnGid).catch(() => closeReturn(graphql, returnGid));
      else
        await removeFromReturn(
          graphql,
          returnGid,
          lines.map((l) => ({
            returnLineItemGid: l.returnLineItemGid as string,
            quantity: l.quantity,
          })),
        );
      return { removed: lines.length };
    },
  );
  const titles = (decision?.items ?? [])
    .filter((i) => back.has(i.lineItemGid))
    .map((i) => `${i.title} (${i.condition})`);
  await withBusyRetry(() =>
    prisma.$transaction(async (tx) => {
      await tx.returnCaseLine.updateMany({
        where: { id: { in: lines.map((l) => l.id) } },
        data: { removedAt: now() },
      });
      await recordReturnFact(
        c,
        everything ? { processedAt: now() } : {},
        {
          kind: "return.sent_back",
          message: `Sent back to the shopper, nothing refunded: ${titles.join(", ")}`,
          dedupeKey: "sent-back",
        },
        {},
        tx,
      );
    }),
  );
}

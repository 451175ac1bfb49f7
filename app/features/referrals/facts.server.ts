import type { ReferralCase } from "@prisma/client";
import prisma from "~/db.server";
import type { OrderFacts } from "~/domain/order-facts";
import { withBusyRetry } from "~/platform/sqlite-busy.server";
import { factsOf, recordReferralFact } from "./case.server";
import type { FriendOrderFacts } from "./domain/reward";

// Referral facts, as Shopify's webhooks report them on the friend's order: its payment (when it
// was not paid at checkout), its cancellation, its
// shipments and their deliveries (the return window's clock), its returns while they are open,
// and every refund of its lines (a return processed in Shopify refunds too). Each is written
// once (a refund by its id, a delivery by its fulfillment, a return's state by its latest
// instant), so a duplicated or late webhook changes nothing.

interface Tracked {
  fulfillments?: { gid: string; lines: string[]; deliveredAt: string | null }[];
  refunds?: string[];
  returns?: Record<string, { open: boolean; at: string }>;
}

type Facts = FriendOrderFacts & Tracked;

async function caseOf(shop: string, orderGid: string) {
  return prisma.referralCase.findUnique({ where: { shop_orderGid: { shop, orderGid } } });
}

function tracked(c: ReferralCase): Facts {
  const { fulfillments, refunds, returns } = JSON.parse(c.facts) as Tracked;
  return { ...factsOf(c), fulfillments, refunds, returns };
}

const openOf = (returns: Tracked["returns"]) =>
  Object.entries(returns ?? {}).flatMap(([gid, r]) => (r.open ? [gid] : []));

/** A return's state, unless what is stored is newer (held webhooks arrive newest first). */
function withReturn(f: Facts, gid: string, open: boolean, at: Date): Facts | null {
  const known = f.returns?.[gid];
  if (known && (known.open === open || new Date(known.at) > at)) return null;
  const returns = { ...f.returns, [gid]: { open, at: at.toISOString() } };
  return { ...f, returns, openReturns: openOf(returns) };
}

const OPEN_STEPS = new Set(["requested", "approved", "reopened"]);
const CLOSED_STEPS = new Set(["declined", "closed", "cancelled"]);

/** Delivered once every line is in a delivered fulfillment: the latest such delivery. */
function lastDelivery(f: Facts): Date | null {
  const delivered = (f.fulfillments ?? []).filter((x) => x.deliveredAt);
  const covered = new Set(delivered.flatMap((x) => x.lines));
  if (f.lines.length === 0 || !f.lines.every((l) => covered.has(l.lineItemGid))) return null;
  return new Date(Math.max(...delivered.map((x) => new Date(x.deliveredAt!).getTime())));
}

async function update(
  shop: string,
  orderGid: string,
  change: (f: Facts) => Facts | null,
  event: (f: Facts) => { kind: string; message: string; dedupeKey: string; occurredAt?: Date },
) {
  await withBusyRetry(async () => {
    const c = await caseOf(shop, orderGid);
    if (!c) return;
    const next = change(tracked(c));
    if (!next) return;
    await recordReferralFact(
      c,
      { ...next, deliveredAt: lastDelivery(next) ?? next.deliveredAt },
      event(next),
    );
  });
}

export const referralOrderFacts = {
  // Paid after it was placed (a pending or deferred payment): the reward stops waiting for it.
  orderPaid: ({ shop, orderGid, at }) =>
    update(
      shop,
      orderGid,
      (f) => (f.paid ? null : { ...f, paid: true }),
      () => ({
        kind: "order.paid",
        message: "The friend's order was paid.",
        dedupeKey: "order:paid",
        occurredAt: at,
      }),
    ),
  orderCancelled: ({ shop, orderGid, at }) =>
    update(
      shop,
      orderGid,
      (f) => (f.cancelledAt ? null : { ...f, cancelledAt: at }),
      () => ({
        kind: "order.cancelled",
        message: "The friend's order was cancelled.",
        dedupeKey: "cancelled",
        occurredAt: at,
      }),
    ),
  fulfilled: ({ shop, orderGid, fulfillmentGid, lineItemGids, at }) =>
    update(
      shop,
      orderGid,
      (f) => {
        const list = f.fulfillments ?? [];
        const known = list.find((x) => x.gid === fulfillmentGid);
        if (known && lineItemGids.every((g) => known.lines.includes(g))) return null;
        const rest = list.filter((x) => x.gid !== fulfillmentGid);
        const lines = [...new Set([...(known?.lines ?? []), ...lineItemGids])];
        return {
          ...f,
          fulfillments: [
            ...rest,
            { gid: fulfillmentGid, lines, deliveredAt: known?.deliveredAt ?? null },
          ],
        };
      },
      () => ({
        kind: "order.fulfilled",
        message: "The friend's order shipped.",
        dedupeKey: `fulfilled:${fulfillmentGid}`,
        occurredAt: at,
      }),
    ),
  delivered: ({ shop, orderGid, fulfillmentGid, at }) =>
    update(
      shop,
      orderGid,
      (f) => {
        const list = f.fulfillments ?? [];
        const known = list.find((x) => x.gid === fulfillmentGid);
        if (known?.deliveredAt && new Date(known.deliveredAt) <= at) return null;
        const rest = list.filter((x) => x.gid !== fulfillmentGid);
        // A delivery heard before its shipment: the whole order, until the shipment says otherwise.
        const lines = known?.lines ?? f.lines.map((l) => l.lineItemGid);
        return {
          ...f,
          fulfillments: [...rest, { gid: fulfillmentGid, lines, deliveredAt: at.toISOString() }],
        };
      },
      (f) => ({
        kind: "order.delivered",
        message: lastDelivery(f)
          ? `The friend's order was delivered ${at.toISOString().slice(0, 10)}: the return window runs from here.`
          : "Part of the friend's order was delivered.",
        dedupeKey: `delivered:${fulfillmentGid}`,
        occurredAt: at,
      }),
    ),
  refunded: ({ shop, orderGid, refundGid, lineItems, at }) =>
    update(
      shop,
      orderGid,
      (f) => {
        if ((f.refunds ?? []).includes(refundGid)) return null;
        const lines = f.lines.map((l) => {
          const back = lineItems
            .filter((x) => x.lineItemGid === l.lineItemGid)
            .reduce((n, x) => n + x.quantity, 0);
          return { ...l, returned: Math.min(l.quantity, l.returned + back) };
        });
        return { ...f, lines, refunds: [...(f.refunds ?? []), refundGid] };
      },
      (f) => {
        const units = f.lines.reduce((n, l) => n + l.returned, 0);
        return {
          kind: "order.refunded",
          message: `A refund on the friend's order: ${units} of ${f.lines.reduce((n, l) => n + l.quantity, 0)} pair(s) back so far.`,
          dedupeKey: `refund:${refundGid}`,
          occurredAt: at,
        };
      },
    ),
  returned: ({ shop, orderGid, returnGid, step, at }) =>
    OPEN_STEPS.has(step) || CLOSED_STEPS.has(step)
      ? update(
          shop,
          orderGid,
          (f) => withReturn(f, returnGid, OPEN_STEPS.has(step), at),
          () => ({
            kind: OPEN_STEPS.has(step) ? "order.return_opened" : "order.return_closed",
            message: OPEN_STEPS.has(step)
              ? "The friend asked to return part of the order: the reward waits until the return is settled."
              : `The friend's return was ${step}.`,
            dedupeKey: `return:${returnGid}:${step}:${at.toISOString()}`,
            occurredAt: at,
          }),
        )
      : Promise.resolve(),
} satisfies Omit<OrderFacts, "orderCreated">;

/** What Shopify says of the order's returns now: replaces what the webhooks told. */
export function returnsAsRead(shop: string, orderGid: string, open: readonly string[], at: Date) {
  return update(
    shop,
    orderGid,
    (f) => {
      const gids = new Set([...Object.keys(f.returns ?? {}), ...open]);
      let next: Facts = f;
      for (const gid of gids) next = withReturn(next, gid, open.includes(gid), at) ?? next;
      return next === f ? null : next;
    },
    () => ({
      kind: "order.returns_checked",
      message: open.length
        ? `Shopify shows ${open.length} return(s) still open on the friend's order.`
        : "Shopify shows no open return on the friend's order.",
      dedupeKey: `returns-read:${at.toISOString()}`,
      occurredAt: at,
    }),
  );
}

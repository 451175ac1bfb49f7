import type { Prisma } from "@prisma/client";
import prisma from "~/db.server";
import { formatMoney } from "~/domain/money";
import { now } from "~/platform/clock.server";
import { caseDecision, caseFacts, termsOf, type FullCase } from "./case.server";
import { marketFor } from "./domain/terms";
import { RETURN_QUEUES, type RETURN_OUTCOMES, type ReturnQueue } from "./domain/queues";
import {
  RETURN_STATUS_LABELS,
  nextReturnAction,
  returnStatus,
  type ReturnStatus,
} from "./domain/next-action";

// The Returns page's queues, filters and a return's detail, for the merchant.

export interface ReturnFilters {
  reason?: string | null;
  outcome?: (typeof RETURN_OUTCOMES)[number] | null;
  /** A market's name from the policy (e.g. "United States", "International"). */
  market?: string | null;
}

const statusesOf = (queue: ReturnQueue): ReturnStatus[] =>
  queue === "closed" ? ["declined", "cancelled"] : [queue];

function where(shop: string, queue: ReturnQueue, f: ReturnFilters): Prisma.ReturnCaseWhereInput {
  const line: Prisma.ReturnCaseLineWhereInput = {
    ...(f.reason ? { reason: f.reason } : {}),
    ...(f.outcome ? { outcome: f.outcome } : {}),
  };
  return {
    shop,
    status: { in: statusesOf(queue) },
    ...(Object.keys(line).length > 0 ? { lines: { some: line } } : {}),
  };
}

const DAY = 86_400_000;
const FULL = { lines: true, order: { include: { lines: true } } } as const;

/** Since when the return has waited on what its queue waits for. */
function waitingSince(c: FullCase, status: ReturnStatus): Date | null {
  switch (status) {
    case "to_review":
      return c.requestedAt;
    case "awaiting_parcel":
      return c.approvedAt ?? c.requestedAt;
    case "to_inspect":
      return c.receivedAt;
    case "awaiting_shopper":
      return c.choiceRequestedAt ?? c.inspectedAt ?? c.receivedAt;
    case "to_refund":
      return c.inspectedAt ?? c.receivedAt;
    default:
      return null;
  }
}

function marketOf(c: FullCase): string {
  return marketFor(termsOf(c.order), c.order.shippingCountry).name;
}

function row(c: FullCase) {
  const status = c.status as ReturnStatus;
  const decision = caseDecision(c);
  const since = waitingSince(c, status);
  return {
    id: c.id,
    orderName: c.order.orderName,
    returnName: c.returnName,
    customer: c.order.customerName ?? c.order.customerEmail ?? "Guest",
    items: (decision?.items ?? []).map((i) => i.title).join(", "),
    outcomes: [...new Set(c.lines.map((l) => l.outcome))],
    reasons: [...new Set(c.lines.map((l) => l.reason).filter((r): r is string => Boolean(r)))],
    market: marketOf(c),
    status,
    statusLabel: RETURN_STATUS_LABELS[status] ?? status,
    requestedAt: c.requestedAt.toISOString(),
    daysWaiting: since ? Math.floor((now().getTime() - since.getTime()) / DAY) : null,
    flagged: c.parcelFlaggedAt !== null && !c.receivedAt,
    review: decision?.review ?? [],
    currency: decision?.currency ?? c.order.currencyCode,
    totals: decision?.totals ?? null,
  };
}

async function countsFor(shop: string): Promise<Record<ReturnQueue, number>> {
  const grouped = await prisma.returnCase.groupBy({
    by: ["status"],
    where: { shop },
    _count: { _all: true },
  });
  const byStatus = new Map(grouped.map((g) => [g.status, g._count._all]));
  return Object.fromEntries(
    RETURN_QUEUES.map((q) => [q, statusesOf(q).reduce((n, s) => n + (byStatus.get(s) ?? 0), 0)]),
  ) as Record<ReturnQueue, number>;
}

/** How many returns each queue holds (the Overview card and the page's tabs). */
export const returnQueueCounts = countsFor;

export async function listReturns(shop: string, queue: ReturnQueue, filters: ReturnFilters = {}) {
  const cases = await prisma.returnCase.findMany({
    where: where(shop, queue, filters),
    include: FULL,
    // Work queues: the longest waiting first; done: the latest first.
    orderBy: { requestedAt: queue === "done" || queue === "closed" ? "desc" : "asc" },
    take: 250,
  });
  const rows = cases.map(row).filter((r) => !filters.market || r.market === filters.market);
  const markets = await marketNames(shop);
  return { rows, counts: await countsFor(shop), markets };
}

/** The markets a filter can pick, from the latest orders' policies. */
async function marketNames(shop: string): Promise<string[]> {
  const order = await prisma.returnOrder.findFirst({
    where: { shop },
    orderBy: { placedAt: "desc" },
    select: { terms: true },
  });
  return order ? termsOf(order).markets.map((m) => m.name) : [];
}

const when = (d: Date | null) => d?.toISOString() ?? null;

export async function returnDetail(shop: string, caseId: string) {
  const c = await prisma.returnCase.findFirst({
    where: { id: caseId, shop },
    include: {
      ...FULL,
      money: { orderBy: { createdAt: "asc" } },
      events: { orderBy: { occurredAt: "asc" } },
    },
  });
  if (!c) return null;
  const decision = caseDecision(c);
  const terms = termsOf(c.order);
  const facts = caseFacts(c, true);
  const status = returnStatus(facts);
  const next = nextReturnAction(facts, terms, now());
  const approved = c.approvedAt !== null || c.shopifyStatus === "OPEN";
  const ended = Boolean(c.declinedAt || c.cancelledAt || c.expiredAt || c.closedAt);
  const open = approved && !ended && !c.processedAt;
  return {
    ...row(c),
    status,
    statusLabel: RETURN_STATUS_LABELS[status],
    orderGid: c.order.orderGid,
    email: c.order.customerEmail,
    source: c.source,
    policyVersion: c.policyVersion,
    shopifyStatus: c.shopifyStatus,
    returnGid: c.returnGid,
    declineReason: c.declineReason,
    declineNote: c.declineNote,
    next: next.kind === "wait" ? next.reason : next.kind.replace(/_/g, " "),
    shipping: decision?.shipping ?? null,
    outboundExchange: decision?.outboundExchange ?? null,
    marketplace: decision?.marketplace ?? null,
    parcel: {
      labelUrl: c.labelUrl,
      trackingNumber: c.trackingNumber,
      trackingUrl: c.trackingUrl,
      flaggedAt: when(c.parcelFlaggedAt),
      receivedAt: when(c.receivedAt),
    },
    lines: c.lines.map((l) => {
      const item = decision?.items.find((i) => i.lineItemGid === l.lineItemGid);
      return {
        id: l.id,
        title: item?.title ?? l.lineItemGid,
        quantity: l.quantity,
        reason: l.reason,
        reasonNote: l.reasonNote,
        fitFeedback: l.fitFeedback,
        wanted: [l.wantedSize, l.wantedWidth].filter(Boolean).join(" / ") || null,
        asked: l.outcome,
        exchangeTitle: l.exchangeTitle,
        condition: l.condition,
        conditionNote: l.conditionNote,
        inspected: l.inspectedAt !== null,
        removed: l.removedAt !== null,
        decline: item?.decline ?? null,
        outcome: item?.outcome ?? null,
        offered: item?.offered ?? [],
        value: item?.value ?? 0,
        refund: item?.refund ?? 0,
        storeCredit: item?.storeCredit ?? 0,
        handlingFee: item?.handlingFee ?? 0,
        restockingFee: item?.restockingFee ?? 0,
        lastDay: item?.lastDay ?? null,
        rule: item?.rule ?? "",
        shopper: item?.shopper ?? "",
        canInspect: open && l.removedAt === null,
        needsChoice: open && item !== undefined && !item.decline && item.outcome === null,
      };
    }),
    ledger: c.money.map((m) => ({
      id: m.id,
      kind: m.kind,
      amount: m.amountMinor,
      currency: m.currencyCode,
      status: m.status,
      rule: m.rule,
      policyVersion: m.policyVersion,
      details: JSON.parse(m.details) as Record<string, unknown>,
      reference: m.reference,
      error: m.error,
      at: m.createdAt.toISOString(),
    })),
    refundedOutside: c.events
      .filter((e) => e.kind === "shopify.refund_outside")
      .map((e) => e.message),
    can: {
      review: !approved && !ended && !c.reviewOutcome,
      markReceived: approved && !ended && !c.receivedAt,
      releaseExchange:
        approved &&
        !ended &&
        decision?.outboundExchange !== null &&
        decision?.outboundExchange !== undefined &&
        !c.exchangeReleasedAt &&
        !c.exchangeReleaseRequestedAt,
    },
    // Each money movement is on the timeline too, where it happened, with its rule.
    timeline: [
      ...c.events.map((e) => ({
        id: e.id,
        at: e.occurredAt.toISOString(),
        kind: e.kind,
        message: e.message,
      })),
      ...c.money.map((m) => ({
        id: m.id,
        at: m.updatedAt.toISOString(),
        kind: `money.${m.kind}`,
        message: `${m.kind.replace(/_/g, " ")} ${formatMoney({ amount: m.amountMinor, currency: m.currencyCode })} ${m.status}: ${m.rule}`,
      })),
    ].sort((a, b) => a.at.localeCompare(b.at)),
  };
}

/** An action's first check: another shop's id is a 404, before its form is read. */
export async function returnCaseInShop(shop: string, id: string): Promise<boolean> {
  return (await prisma.returnCase.count({ where: { shop, id } })) > 0;
}

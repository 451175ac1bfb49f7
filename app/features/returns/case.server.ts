import type {
  Prisma,
  ReturnCase,
  ReturnCaseLine,
  ReturnOrder,
  ReturnOrderLine,
} from "@prisma/client";
import prisma from "~/db.server";
import { withBusyRetry } from "~/platform/sqlite-busy.server";
import { now } from "~/platform/clock.server";
import { advanceSoon, type CaseKind } from "~/platform/jobs/case-runner.server";
import { TerminalJobError } from "~/platform/jobs/errors.server";
import { decideReturn, type ItemRequest, type ReturnDecision } from "./domain/decide";
import type { Condition, OrderLineFacts, Resolution } from "./domain/eligibility";
import type { ReturnFacts } from "./domain/next-action";
import type { ReturnTerms } from "./domain/terms";

// A return as the app stores it (the case, its lines, its order's snapshot, its timeline) and as
// the domain reads it; how a fact is recorded on it and how its job is asked to look again.

type Db = Prisma.TransactionClient | typeof prisma;

export const RETURNS_ADVANCE_JOB = "returns.advance";

export const RETURN_CASE: CaseKind = {
  label: "return",
  jobType: RETURNS_ADVANCE_JOB,
  keyOf: (id) => `return:${id}`,
  payloadOf: (id) => ({ caseId: id }),
  rows: () => prisma.returnCase,
  maxSteps: 12,
};

export type SnapshotOrder = ReturnOrder & { lines: ReturnOrderLine[] };
export type FullCase = ReturnCase & { lines: ReturnCaseLine[]; order: SnapshotOrder };

const FULL = { lines: true, order: { include: { lines: true } } } as const;

export async function loadCase(caseId: string): Promise<FullCase> {
  const c = await prisma.returnCase.findUnique({ where: { id: caseId }, include: FULL });
  if (!c) throw new TerminalJobError(`return ${caseId} not found`);
  return c;
}

export function findCase(shop: string, caseId: string) {
  return prisma.returnCase.findFirst({ where: { id: caseId, shop }, include: FULL });
}

export const termsOf = (order: Pick<ReturnOrder, "terms">) =>
  JSON.parse(order.terms) as ReturnTerms;

export function orderLineFacts(line: ReturnOrderLine): OrderLineFacts {
  return {
    lineItemGid: line.lineItemGid,
    title: line.title,
    variantTitle: line.variantTitle,
    quantity: line.quantity,
    paidTotal: line.paidTotalMinor,
    unitPrice: line.unitPriceMinor,
    compareAtUnit: line.compareAtMinor,
    lineDiscounted: line.lineDiscounted,
    tags: JSON.parse(line.tags) as string[],
    productType: line.productType,
    giftCard: line.giftCard,
    purchaseOption: line.purchaseOption as OrderLineFacts["purchaseOption"],
    customFinalSale: line.customFinalSale,
    deliveredAt: line.deliveredAt,
  };
}

const CLOSED_CASE = {
  OR: [{ declinedAt: { not: null } }, { cancelledAt: { not: null } }, { expiredAt: { not: null } }],
};

/** Units of each line already in the order's other returns that still count. */
export async function unitsInOtherReturns(orderId: string, exceptCaseId: string | null) {
  const lines = await prisma.returnCaseLine.findMany({
    where: {
      returnCase: {
        orderId,
        id: exceptCaseId ? { not: exceptCaseId } : undefined,
        NOT: CLOSED_CASE,
      },
    },
  });
  const units: Record<string, number> = {};
  for (const l of lines) units[l.lineItemGid] = (units[l.lineItemGid] ?? 0) + l.quantity;
  return units;
}

export function requestsOf(lines: readonly ReturnCaseLine[]): ItemRequest[] {
  return lines.map((l) => ({
    lineItemGid: l.lineItemGid,
    quantity: l.quantity,
    outcome: l.outcome as Resolution,
    condition: l.condition as Condition,
    reason: l.reason,
    exchange: l.exchangeVariantGid
      ? { variantGid: l.exchangeVariantGid, title: l.exchangeTitle ?? "another size" }
      : null,
  }));
}

/** The rules' answer for an order and the pairs asked about, under the order's own terms. */
export async function decisionFor(
  order: SnapshotOrder,
  requests: readonly ItemRequest[],
  exceptCaseId: string | null,
  at: Date = now(),
): Promise<ReturnDecision> {
  return decideReturn(
    {
      terms: termsOf(order),
      sourceName: order.sourceName,
      shippingCountry: order.shippingCountry,
      lines: order.lines.map(orderLineFacts),
      alreadyReturned: await unitsInOtherReturns(order.id, exceptCaseId),
      outboundExchangesUsed: order.outboundExchangesUsed,
      now: at,
    },
    requests,
  );
}

export function caseDecision(c: Pick<ReturnCase, "decision">): ReturnDecision | null {
  const parsed = JSON.parse(c.decision) as Partial<ReturnDecision>;
  return parsed.items ? (parsed as ReturnDecision) : null;
}

/** The facts the domain decides the return's next step from (domain/next-action.ts). */
export function caseFacts(c: FullCase, labelsAvailable: boolean): ReturnFacts {
  const decision = caseDecision(c);
  const items = decision?.items ?? [];
  return {
    source: c.source as ReturnFacts["source"],
    returnGid: c.returnGid,
    shopifyStatus: c.shopifyStatus as ReturnFacts["shopifyStatus"],
    decision: {
      allDeclined: decision?.allDeclined ?? false,
      review: decision?.review ?? [],
      needsChoice: items.some((i) => !i.decline && i.outcome === null),
      prepaidLabel: decision?.shipping.prepaidLabel ?? false,
      sentBackOnReturn:
        c.returnGid !== null &&
        items.some(
          (i) =>
            (i.outcome === "send_back" || i.decline) &&
            c.lines.some(
              (l) => l.lineItemGid === i.lineItemGid && l.returnLineItemGid && !l.removedAt,
            ),
        ),
    },
    review: (c.reviewOutcome as ReturnFacts["review"]) ?? null,
    requestedAt: c.requestedAt,
    approvedAt: c.approvedAt,
    declinedAt: c.declinedAt,
    labelUrl: c.labelUrl,
    labelsAvailable,
    trackingNumber: c.trackingNumber,
    trackingAttachedAt: c.trackingAttachedAt,
    receivedAt: c.receivedAt,
    allInspected: c.lines.length > 0 && c.lines.every((l) => l.inspectedAt !== null),
    choiceRequestedAt: c.choiceRequestedAt,
    exchangeReleaseRequested: c.exchangeReleaseRequestedAt !== null,
    exchangeReleasedAt: c.exchangeReleasedAt,
    processedAt: c.processedAt,
    closedAt: c.closedAt,
    cancelledAt: c.cancelledAt,
    expiredAt: c.expiredAt,
    parcelFlaggedAt: c.parcelFlaggedAt,
    notifiedReviewAt: c.notifiedReviewAt,
    notifiedReceivedAt: c.notifiedReceivedAt,
  };
}

export async function addReturnEvent(
  db: Db,
  c: Pick<ReturnCase, "id" | "shop">,
  event: { kind: string; message: string; dedupeKey: string; occurredAt?: Date; data?: unknown },
) {
  await db.returnEvent.upsert({
    where: { caseId_dedupeKey: { caseId: c.id, dedupeKey: event.dedupeKey } },
    create: {
      caseId: c.id,
      shop: c.shop,
      kind: event.kind,
      message: event.message,
      dedupeKey: event.dedupeKey,
      occurredAt: event.occurredAt ?? now(),
      data: JSON.stringify(event.data ?? {}),
    },
    update: {},
  });
}

export function advanceReturnSoon(
  c: Pick<ReturnCase, "id" | "shop">,
  reason: string,
  db: Db = prisma,
) {
  return advanceSoon(RETURN_CASE, c, reason, db);
}

/**
 * One fact on a return, its timeline entry and a look by the job: together or not at all. With
 * `onlyIf`, a fact already recorded (a second decline) is not written again.
 */
export async function recordReturnFact(
  c: Pick<ReturnCase, "id" | "shop">,
  data: Prisma.ReturnCaseUpdateManyMutationInput,
  event: { kind: string; message: string; dedupeKey: string; occurredAt?: Date; data?: unknown },
  onlyIf: Prisma.ReturnCaseWhereInput = {},
  db?: Prisma.TransactionClient,
) {
  const write = async (tx: Prisma.TransactionClient) => {
    const { count } = await tx.returnCase.updateMany({ where: { ...onlyIf, id: c.id }, data });
    if (count === 0) return false;
    await addReturnEvent(tx, c, event);
    await advanceReturnSoon(c, event.dedupeKey, tx);
    return true;
  };
  return db ? write(db) : withBusyRetry(() => prisma.$transaction(write));
}

import type { MtoCase, Prisma } from "@prisma/client";
import prisma from "~/db.server";
import type { AdminGraphql } from "~/platform/admin/client.server";
import { now } from "~/platform/clock.server";
import { advanceSoon, type CaseKind } from "~/platform/jobs/case-runner.server";
import { fireFlowTrigger } from "~/services/flow.server";
import type { MtoCase as MtoFacts } from "./domain/next-action";
import type { CaseTerms } from "./domain/terms";

// A made-to-order case as the app stores it (the MtoCase row and its timeline) and as the domain
// reads it; how a fact is recorded on it, and how its job is asked to look again.

type Db = Prisma.TransactionClient | typeof prisma;

export const MTO_ADVANCE_JOB = "mto.advance";

/** A made-to-order case as the case runner advances it (app/platform/jobs/case-runner.server.ts). */
export const MTO_CASE: CaseKind = {
  label: "made-to-order case",
  jobType: MTO_ADVANCE_JOB,
  keyOf: (id) => `mto:${id}`,
  payloadOf: (id) => ({ caseId: id }),
  rows: () => prisma.mtoCase,
  maxSteps: 10,
};

export interface SizeChangeRequest {
  size: string;
  width: string;
  status: "requested" | "needs_merchant";
  reason?: string;
  /** The merchant asked for it: a price difference is theirs to settle with the shopper. */
  byMerchant?: boolean;
}

export const termsOf = (c: MtoCase) => JSON.parse(c.terms) as CaseTerms;
export const sizeChangeOf = (c: MtoCase) =>
  c.sizeChangeRequest ? (JSON.parse(c.sizeChangeRequest) as SizeChangeRequest) : null;

/** The facts the domain decides from (app/features/made-to-order/domain/next-action.ts). */
export function caseFacts(c: MtoCase): MtoFacts {
  return {
    path: c.path as MtoFacts["path"],
    holdPlaced: c.holdPlacedAt !== null,
    scheduled: c.scheduledAt !== null,
    fittingPairDeliveredAt: c.fittingPairDeliveredAt,
    fitConfirmedAt: c.fitConfirmedAt,
    reminderSentAt: c.reminderSentAt,
    escalatedAt: c.escalatedAt,
    fittingPairReturnedAt: c.fittingPairReturnedAt,
    fittingPairOverdueNotifiedAt: c.fittingPairOverdueAt,
    cancelledAt: c.cancelledAt,
    sizeChange: sizeChangeOf(c)?.status ?? "none",
    holdsReleased: c.holdsReleasedAt !== null,
    productionHoldUntil: c.productionHoldGid ? c.scheduledShipDate : null,
  };
}

export function fitLink(c: MtoCase) {
  return `https://${c.shop}/apps/fitting-room/fit?case=${c.id}`;
}

/** A Flow trigger about this case, fired once per `key`. */
export function mtoFlow(
  c: MtoCase,
  graphql: AdminGraphql,
  key: string,
  handle: string,
  fields: Record<string, unknown>,
) {
  return fireFlowTrigger(graphql, {
    shop: c.shop,
    key: `mto:${c.id}:flow:${key}`,
    handle,
    customerGid: c.customerGid,
    orderGid: c.orderGid,
    fields,
  });
}

export const daysSince = (from: Date | null, at: Date) =>
  from ? Math.floor((at.getTime() - from.getTime()) / 86_400_000) : 0;

/** Asks the case's job to look again, once per reason. */
export function advanceMtoSoon(c: Pick<MtoCase, "id" | "shop">, reason: string, db: Db = prisma) {
  return advanceSoon(MTO_CASE, c, reason, db);
}

export async function addMtoEvent(
  db: Db,
  c: Pick<MtoCase, "id" | "shop">,
  event: { kind: string; message: string; dedupeKey: string; occurredAt?: Date; data?: unknown },
) {
  await db.mtoEvent.upsert({
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

/** A step's outcome on the case and its timeline entry, together. */
export async function updateCase(
  c: MtoCase,
  data: Partial<MtoCase>,
  event: { kind: string; message: string; dedupeKey: string; data?: unknown },
) {
  await prisma.$transaction(async (tx) => {
    await tx.mtoCase.update({ where: { id: c.id }, data });
    await addMtoEvent(tx, c, event);
  });
}

/**
 * One fact on a case, its timeline entry and a look by the job: together or not at all. With
 * `onlyIf`, a fact already recorded (a second cancel) is not written again.
 */
export async function recordMtoFact(
  c: Pick<MtoCase, "id" | "shop">,
  data: Prisma.MtoCaseUpdateManyMutationInput,
  event: { kind: string; message: string; dedupeKey: string; occurredAt?: Date; data?: unknown },
  onlyIf: Prisma.MtoCaseWhereInput = {},
) {
  await prisma.$transaction(async (tx) => {
    await tx.mtoCase.updateMany({ where: { ...onlyIf, id: c.id }, data });
    await addMtoEvent(tx, c, event);
    await advanceMtoSoon(c, event.dedupeKey, tx);
  });
}

import type { Prisma, Trial, TrialLine } from "@prisma/client";
import prisma from "~/db.server";
import { advanceSoon, type CaseKind } from "~/platform/jobs/case-runner.server";
import { formatMoney } from "~/domain/money";
import { orderLineOf, type OrderLinePayload } from "~/domain/orders";
import { TerminalJobError } from "~/platform/jobs/errors.server";
import type { TrialSnapshot, TrialTerms } from "./domain/next-action";
import type { TrialChoice } from "./domain/settlement";

// A trial as the app stores it (the Trial row, its lines, its timeline) and as the domain reads
// it (a snapshot of facts). Every module of the trial feature goes through these.

export type TrialWithLines = Trial & { lines: TrialLine[] };

type Db = Prisma.TransactionClient | typeof prisma;

export const TRIAL_ADVANCE_JOB = "trial.advance";

/** The trial as a case the case runner advances (app/platform/jobs/case-runner.server.ts). */
export const TRIAL_CASE: CaseKind = {
  label: "trial",
  jobType: TRIAL_ADVANCE_JOB,
  keyOf: (id) => `trial:${id}`,
  payloadOf: (id) => ({ trialId: id }),
  rows: () => prisma.trial,
  maxSteps: 12,
};

/** Asks the trial job to look at a trial again, once per reason. */
export function advanceTrialSoon(
  trial: Pick<Trial, "id" | "shop">,
  reason: string,
  db: Db = prisma,
) {
  return advanceSoon(TRIAL_CASE, trial, reason, db);
}

/** A trial line from a REST line item (order webhooks, exchange items of a return). */
export function trialLineData(l: OrderLinePayload, currency: string) {
  const line = orderLineOf(l, currency);
  return { ...line, title: line.title ?? "Item" };
}

export function trialMoney(trial: Pick<Trial, "currencyCode">, amount: number) {
  return formatMoney({ amount, currency: trial.currencyCode });
}

export async function loadTrial(trialId: string): Promise<TrialWithLines> {
  const trial = await prisma.trial.findUnique({ where: { id: trialId }, include: { lines: true } });
  if (!trial) throw new TerminalJobError(`trial ${trialId} not found`);
  return trial;
}

export async function addTrialEvent(
  db: Db,
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
    ineligibleReason: trial.ineligibleReason,
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

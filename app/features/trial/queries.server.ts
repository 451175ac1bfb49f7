import type { Prisma } from "@prisma/client";
import prisma from "~/db.server";
import { OPEN_TRIAL_STATUSES, TRIAL_STATUSES, type TrialStatus } from "./domain/status";
import { lapsedHoldNotice } from "./domain/payment-plan";
import { trialDay, trialWindow } from "./domain/window";
import { now } from "~/platform/clock.server";
import { trialSnapshot } from "./case.server";

// What the Trials page and the Overview show: lists, one trial's full story, the week ahead.

export interface TrialListFilter {
  status?: TrialStatus | "open" | null;
  query?: string | null;
  take?: number;
}

export async function listTrials(shop: string, filter: TrialListFilter = {}) {
  const where: Prisma.TrialWhereInput = { shop };
  if (filter.status === "open") where.status = { in: [...OPEN_TRIAL_STATUSES] };
  else if (filter.status && TRIAL_STATUSES.includes(filter.status)) where.status = filter.status;
  const q = filter.query?.trim();
  if (q)
    where.OR = [
      { orderName: { contains: q.startsWith("#") ? q : `#${q}` } },
      { orderName: { contains: q } },
      { customerEmail: { contains: q.toLowerCase() } },
      { customerName: { contains: q } },
    ];
  const [rows, counts] = await Promise.all([
    prisma.trial.findMany({
      where,
      include: { lines: true },
      // Attention first, then whatever happens soonest.
      orderBy: [
        { attentionReason: { sort: "desc", nulls: "last" } },
        { nextActionAt: { sort: "asc", nulls: "last" } },
      ],
      take: filter.take ?? 100,
    }),
    prisma.trial.groupBy({ by: ["status"], where: { shop }, _count: { _all: true } }),
  ]);
  const at = now();
  return {
    trials: rows.map((t) => {
      const snapshot = trialSnapshot(t);
      const window = trialWindow(snapshot.terms, snapshot, at);
      return {
        id: t.id,
        orderName: t.orderName,
        orderGid: t.orderGid,
        customer: t.customerName ?? t.customerEmail ?? "Guest",
        status: t.status as TrialStatus,
        day:
          window && t.status !== "charged" && t.status !== "closed"
            ? Math.min(
                trialDay(window, at, snapshot.terms.timeZone),
                snapshot.terms.windowDays + t.extensionDays,
              )
            : null,
        windowDays: snapshot.terms.windowDays + t.extensionDays,
        lastDay: window?.lastDay ?? null,
        pairs: t.lines.reduce((s, l) => s + l.quantity, 0),
        valueMinor: t.lines.reduce((s, l) => s + l.unitPriceMinor * l.quantity, 0),
        collectedMinor: t.collectedMinor,
        currencyCode: t.currencyCode,
        nextAction: t.nextAction,
        nextActionAt: t.nextActionAt?.toISOString() ?? null,
        attentionReason: t.attentionReason,
      };
    }),
    counts: Object.fromEntries(counts.map((c) => [c.status, c._count._all])) as Partial<
      Record<TrialStatus, number>
    >,
  };
}

export async function trialDetail(shop: string, id: string) {
  const trial = await prisma.trial.findFirst({
    where: { id, shop },
    include: {
      lines: { orderBy: { createdAt: "asc" } },
      payments: { orderBy: { sequence: "asc" } },
    },
  });
  if (!trial) return null;
  const events = await prisma.trialEvent.findMany({
    where: { trialId: trial.id },
    orderBy: [{ occurredAt: "asc" }, { createdAt: "asc" }],
  });
  const snapshot = trialSnapshot(trial);
  const at = now();
  const window = trialWindow(snapshot.terms, snapshot, at);
  return {
    id: trial.id,
    orderName: trial.orderName,
    orderGid: trial.orderGid,
    customer: trial.customerName ?? trial.customerEmail ?? "Guest",
    email: trial.customerEmail,
    status: trial.status as TrialStatus,
    attentionReason: trial.attentionReason,
    holdNotice: lapsedHoldNotice(
      {
        authorization: snapshot.authorization,
        settledAt: trial.settledAt,
        cancelledAt: trial.cancelledAt,
        authorizationFailedAt: trial.authorizationFailedAt,
        owed: trial.owedMinor,
      },
      at,
    ),
    policyVersion: trial.policyVersion,
    terms: snapshot.terms,
    currencyCode: trial.currencyCode,
    window: window && {
      startDate: window.startDate,
      source: window.source,
      lastDay: window.lastDay,
      closesAt: window.closesAt.toISOString(),
      day: trialDay(window, at, snapshot.terms.timeZone),
    },
    extensionDays: trial.extensionDays,
    settled: trial.settledAt !== null,
    owedMinor: trial.owedMinor,
    collectedMinor: trial.collectedMinor,
    hold: trial.authorizationAmount
      ? {
          amountMinor: trial.authorizationAmount,
          expiresAt: trial.authorizationExpiresAt?.toISOString() ?? null,
        }
      : null,
    nextAction: trial.nextAction,
    nextActionAt: trial.nextActionAt?.toISOString() ?? null,
    questionnaire: trial.questionnaire
      ? (JSON.parse(trial.questionnaire) as Record<string, unknown>)
      : null,
    lines: trial.lines.map((l) => ({
      lineItemGid: l.lineItemGid,
      title: l.title,
      variantTitle: l.variantTitle,
      quantity: l.quantity,
      unitPriceMinor: l.unitPriceMinor,
      choice: l.choice,
      returnStartedAt: l.returnStartedAt?.toISOString() ?? null,
      returnReceivedAt: l.returnReceivedAt?.toISOString() ?? null,
      damaged: l.damaged,
      damageFeeWaived: l.damageFeeWaived,
    })),
    payments: trial.payments.map((p) => ({
      id: p.id,
      kind: p.kind,
      status: p.status,
      amountMinor: p.amountMinor,
      rule: p.rule,
      idempotencyKey: p.idempotencyKey,
      error: p.error,
      at: p.updatedAt.toISOString(),
    })),
    events: events.map((e) => ({
      id: e.id,
      kind: e.kind,
      message: e.message,
      at: e.occurredAt.toISOString(),
    })),
  };
}

/** The Overview card: what ends soon, what will be collected this week, what needs a person. */
export async function trialOverview(shop: string) {
  const at = now();
  const in48h = new Date(at.getTime() + 48 * 3_600_000);
  const inWeek = new Date(at.getTime() + 7 * 86_400_000);
  const [endingSoon, dueThisWeek, failedHolds, attention, open] = await Promise.all([
    prisma.trial.count({
      where: { shop, settledAt: null, cancelledAt: null, windowClosesAt: { gte: at, lte: in48h } },
    }),
    prisma.trial.findMany({
      where: { shop, settledAt: null, cancelledAt: null, windowClosesAt: { lte: inWeek } },
      include: { lines: true },
    }),
    prisma.trial.count({ where: { shop, authorizationFailedAt: { not: null }, settledAt: null } }),
    prisma.trial.count({ where: { shop, attentionReason: { not: null } } }),
    prisma.trial.count({ where: { shop, status: { in: [...OPEN_TRIAL_STATUSES] } } }),
  ]);
  // Upper bound: every pair not already back is charged unless it comes back in time.
  const toCapture = dueThisWeek.reduce(
    (sum, t) =>
      sum +
      t.lines
        .filter((l) => !l.returnReceivedAt)
        .reduce((s, l) => s + l.unitPriceMinor * l.quantity, 0),
    0,
  );
  return {
    open,
    endingSoon,
    failedHolds,
    attention,
    toCaptureMinor: toCapture,
    currencyCode: dueThisWeek[0]?.currencyCode ?? null,
  };
}

/** An action's first check: another shop's id is a 404, before its form is read. */
export async function trialInShop(shop: string, id: string): Promise<boolean> {
  return (await prisma.trial.count({ where: { shop, id } })) > 0;
}

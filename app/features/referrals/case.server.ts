import type { Prisma, ReferralCase } from "@prisma/client";
import prisma from "~/db.server";
import { addCalendarDays, startOfLocalDay } from "~/domain/calendar";
import { now } from "~/platform/clock.server";
import type { AdminGraphql } from "~/platform/admin/client.server";
import { advanceSoon, type CaseKind } from "~/platform/jobs/case-runner.server";
import { fireFlowTrigger } from "~/services/flow.server";
import type { FriendNewness, ReferrerDecision } from "./domain/eligibility";
import type { FraudSignal } from "./domain/fraud";
import { rewardDecision, type FriendOrderFacts, type RewardCase } from "./domain/reward";
import type { ReferralTerms } from "./domain/terms";

// A referral case: one friend's order that used a referrer's code or link, with the facts its
// reward is decided on (kept as JSON, dates as ISO strings), its money and its timeline.

export const REFERRALS_ADVANCE_JOB = "referrals.advance";

export const REFERRAL_CASE: CaseKind = {
  label: "referral",
  jobType: REFERRALS_ADVANCE_JOB,
  keyOf: (id) => `referral:${id}`,
  payloadOf: (id) => ({ caseId: id }),
  rows: () => prisma.referralCase,
  maxSteps: 6,
};

type Db = Prisma.TransactionClient | typeof prisma;

type StoredFacts = Omit<FriendOrderFacts, "orderedAt" | "cancelledAt" | "deliveredAt"> & {
  orderedAt: string;
  cancelledAt: string | null;
  deliveredAt: string | null;
};

export function storeFacts(facts: FriendOrderFacts): string {
  return JSON.stringify(facts);
}

export function factsOf(c: Pick<ReferralCase, "facts">): FriendOrderFacts {
  const f = JSON.parse(c.facts) as StoredFacts;
  return {
    ...f,
    orderedAt: new Date(f.orderedAt),
    cancelledAt: f.cancelledAt ? new Date(f.cancelledAt) : null,
    deliveredAt: f.deliveredAt ? new Date(f.deliveredAt) : null,
  };
}

export const termsOf = (c: Pick<ReferralCase, "terms">) => JSON.parse(c.terms) as ReferralTerms;

export function rewardCaseOf(c: ReferralCase): RewardCase {
  return {
    terms: termsOf(c),
    order: factsOf(c),
    referrer: JSON.parse(c.referrerDecision) as ReferrerDecision,
    newness: JSON.parse(c.newness) as FriendNewness,
    signals: JSON.parse(c.signals) as FraudSignal[],
    amount: c.rewardMinor,
    review: c.review
      ? { decision: c.review as "approve" | "void", note: c.reviewNote ?? null }
      : null,
    payNow: c.payNow,
    paidAt: c.paidAt,
  };
}

export const decisionOf = (c: ReferralCase, at = now()) => rewardDecision(rewardCaseOf(c), at);

/** The first instant the reward may be released: the day after the window's last day. */
export function releaseAt(lastDay: string, terms: ReferralTerms): Date {
  return startOfLocalDay(addCalendarDays(lastDay, 1), terms.timeZone);
}

export async function addReferralEvent(
  c: Pick<ReferralCase, "id" | "shop">,
  event: { kind: string; message: string; dedupeKey: string; occurredAt?: Date; data?: unknown },
  db: Db = prisma,
) {
  await db.referralEvent.upsert({
    where: { caseId_dedupeKey: { caseId: c.id, dedupeKey: event.dedupeKey } },
    create: {
      caseId: c.id,
      shop: c.shop,
      kind: event.kind,
      message: event.message,
      dedupeKey: event.dedupeKey,
      data: JSON.stringify(event.data ?? {}),
      occurredAt: event.occurredAt ?? now(),
    },
    update: {},
  });
}

/** A fact changed the case: it, its timeline entry and a look by the job, together. */
export async function recordReferralFact(
  c: Pick<ReferralCase, "id" | "shop">,
  facts: FriendOrderFacts,
  event: { kind: string; message: string; dedupeKey: string; occurredAt?: Date },
) {
  await prisma.$transaction(async (tx) => {
    await tx.referralCase.update({ where: { id: c.id }, data: { facts: storeFacts(facts) } });
    await addReferralEvent(c, event, tx);
    await advanceSoon(REFERRAL_CASE, c, event.dedupeKey, tx);
  });
}

export type CaseWithReferrer = ReferralCase & { referrer: { customerGid: string | null } };

/** A Flow trigger about this referral, fired once per case and handle. */
export function referralFlow(
  c: CaseWithReferrer,
  graphql: AdminGraphql,
  handle: string,
  fields: Record<string, unknown>,
) {
  return fireFlowTrigger(graphql, {
    shop: c.shop,
    key: `referral:${c.id}:flow:${handle}`,
    handle,
    customerGid: c.referrer.customerGid,
    orderGid: c.orderGid,
    fields: { "Referral code": c.code, ...fields },
  });
}

/**
 * Shopify transactions already matched to a paid reward or debit: a reconcile after a lost
 * answer must not claim one of them as its own.
 */
export async function claimedReferences(shop: string, kind: "store_credit" | "store_credit_debit") {
  const rows = await prisma.referralMoney.findMany({
    where: { shop, status: "succeeded", kind },
    select: { reference: true },
  });
  return rows.flatMap((m) => (m.reference ? [m.reference] : []));
}

import type { Logger } from "pino";
import type { ReferralCase } from "@prisma/client";
import prisma from "~/db.server";
import type { AdminGraphql } from "~/platform/admin/client.server";
import { now } from "~/platform/clock.server";
import { advanceCase, type StepOutcome } from "~/platform/jobs/case-runner.server";
import { withBusyRetry } from "~/platform/sqlite-busy.server";
import {
  REFERRAL_CASE,
  addReferralEvent,
  decisionOf,
  referralFlow,
  releaseAt,
  termsOf,
} from "./case.server";
import { payReward, rewardKey } from "./pay.server";
import { takeBack } from "./claw-back.server";
import { recheckFriendOrder } from "./recheck.server";

// The `referrals.advance` job: decide the reward from the case's facts; while it waits, store
// why and look again when the window ends; once earned, pay it — recorded first (a money row
// and an effect under one key per case), then performed, reconciled after a lost answer — and
// mark the case paid. A flagged reward waits for the merchant; nothing is paid on a flag.

export function advanceReferralCase(
  ref: { id: string; shop: string },
  graphql: AdminGraphql,
  log: Logger,
) {
  return advanceCase(REFERRAL_CASE, ref, () => step(ref.id, graphql, log), log);
}

const loadCase = (id: string) =>
  prisma.referralCase.findUniqueOrThrow({ where: { id }, include: { referrer: true } });

/** Until the reward's money row exists, what the order's webhooks said is checked against Shopify. */
async function nothingPaidYet(c: ReferralCase) {
  if (c.paidAt) return false;
  const row = await prisma.referralMoney.findUnique({
    where: { shop_idempotencyKey: { shop: c.shop, idempotencyKey: rewardKey(c) } },
  });
  return !row;
}

const RECHECK_EVERY_MS = 24 * 60 * 60 * 1000;
// Read from Shopify before paying, and daily while Shopify's answer is what the case waits for
// (a return still open, a payment whose orders/paid may never come).
const RECHECKED = new Set(["earned", "waiting_return", "waiting_payment"]);

async function step(caseId: string, graphql: AdminGraphql, log: Logger): Promise<StepOutcome> {
  let c = await loadCase(caseId);
  let decision = decisionOf(c);
  if (RECHECKED.has(decision.status) && (await nothingPaidYet(c))) {
    await recheckFriendOrder(c, graphql, log);
    c = await loadCase(caseId);
    decision = decisionOf(c);
  }
  const terms = termsOf(c);
  const changed = decision.status !== c.status;
  const until =
    decision.status === "waiting_window" && decision.windowLastDay
      ? releaseAt(decision.windowLastDay, terms)
      : decision.status === "waiting_return" || decision.status === "waiting_payment"
        ? new Date(now().getTime() + RECHECK_EVERY_MS)
        : null;
  await withBusyRetry(() =>
    prisma.$transaction(async (tx) => {
      await tx.referralCase.update({
        where: { id: c.id },
        data: {
          status: decision.status,
          voidReason: decision.voidReason,
          windowLastDay: decision.windowLastDay,
          nextActionAt: until,
        },
      });
      if (changed)
        await addReferralEvent(
          c,
          {
            kind: `reward.${decision.status}`,
            message: decision.rule,
            dedupeKey: `status:${decision.status}:${decision.voidReason ?? ""}`,
          },
          tx,
        );
      if (decision.clawBack)
        await addReferralEvent(
          c,
          {
            kind: "reward.returned_after_payment",
            message: decision.rule,
            dedupeKey: `clawback:${decision.clawBack.reason}`,
          },
          tx,
        );
    }),
  );
  log.info({ caseId, order: c.orderName, status: decision.status }, "referral decided");
  if (changed && decision.status === "flagged")
    await referralFlow(c, graphql, "referral-flagged", { Reason: decision.rule.slice(0, 255) });
  if (decision.clawBack?.action === "debit_store_credit" && c.paidAt)
    await takeBack(c, decision, graphql);
  if (decision.status !== "earned") return { kind: "wait", until };
  return (await payReward(c, decision, graphql))
    ? { kind: "again" }
    : { kind: "wait", until: null };
}

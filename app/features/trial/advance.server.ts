import type { Logger } from "pino";
import prisma from "~/db.server";
import { parseMoneyInput } from "~/domain/money";
import {
  adminRequest,
  assertNoUserErrors,
  type AdminGraphql,
} from "~/platform/admin/client.server";
import { now } from "~/platform/clock.server";
import { performEffect } from "~/platform/effects.server";
import { advanceCase, type StepOutcome } from "~/platform/jobs/case-runner.server";
import { hasUnprocessedDeliveries } from "~/platform/webhooks/process.server";
import { mirrorFitProfile } from "~/services/fit-profile.server";
import { fireFlowTrigger } from "~/services/flow.server";
import {
  TRIAL_CASE,
  addTrialEvent,
  loadTrial,
  trialMoney,
  trialSnapshot,
  type TrialWithLines,
} from "./case.server";
import { recordDecision, recordReturnedPairsOff } from "./decisions.server";
import { nextTrialAction, type TrialAction } from "./domain/next-action";
import { trialStatus } from "./domain/status";
import { trialWindow } from "./domain/window";
import {
  ORDER_CANCEL_MUTATION,
  PAYMENT_REMINDER_SEND_MUTATION,
  TRIAL_PAYMENT_SCHEDULE_QUERY,
} from "./graphql";
import { applyPaymentResult } from "./payment-results.server";
import { performTrialPayment } from "./payments.server";
import { checkTrialEligibility } from "./eligibility.server";
import { followShopPlan, paymentUnderCurrentPlan } from "./shop-plan.server";

// The `trial.advance` job's steps (the case runner loops over them, one job per trial at a time):
// finish any recorded payment; else ask the domain what the trial needs next, record that decision
// (and its payments) in one transaction and let the next step perform them; on "wait", store the
// status and the next look. Every decision is recorded before the Admin call it leads to, so a
// crash anywhere resumes from the record and never pays twice.

export function advanceTrial(
  ref: { id: string; shop: string },
  graphql: AdminGraphql,
  log: Logger,
): Promise<void> {
  return advanceCase(TRIAL_CASE, ref, () => step(ref.id, graphql, log), log);
}

async function step(trialId: string, graphql: AdminGraphql, log: Logger): Promise<StepOutcome> {
  let trial = await loadTrial(trialId);
  const recorded = await prisma.trialPayment.findFirst({
    where: { trialId, status: "recorded" },
    orderBy: { sequence: "asc" },
  });
  if (recorded) {
    const current = await paymentUnderCurrentPlan(trial, recorded, graphql);
    const result = await performTrialPayment(graphql, current.trial, current.payment);
    await applyPaymentResult(current.trial, recorded.id, result, log);
    // A reminder held back while a return was on its way may now name what is owed.
    if (recorded.kind === "remove_lines" && trial.remindedAt && !trial.settledAt) {
      const reminder = await prisma.effect.findUnique({
        where: { shop_key: { shop: trial.shop, key: reminderKey(trial) } },
      });
      if (!reminder) await sendPaymentReminder(await loadTrial(trialId), graphql, log);
    }
    return { kind: "again" };
  }
  const at = now();
  if (await recordReturnedPairsOff(trial, at)) return { kind: "again" };
  const action = nextTrialAction(trialSnapshot(trial), at);
  log.info({ trialId, order: trial.orderName, action: action.kind }, "trial next action");
  if (action.kind === "wait") return waitUntil(trial, action, at);
  // Shopify-side effects that are not money: performed under their key first, so a crash
  // before the decision is recorded repeats nothing when the loop comes back here.
  if (action.kind === "remind") {
    await fireTrialEndingSoon(trial, action.window.lastDay, graphql);
    await sendPaymentReminder(trial, graphql, log);
  }
  if (action.kind === "cancel_order") await cancelOrder(trial, action.reason, graphql);
  // A webhook received but not yet processed may be the return that changes what is owed.
  if (action.kind === "settle" && (await hasUnprocessedDeliveries(trial.shop, at)))
    return waitUntil(
      trial,
      { kind: "wait", until: new Date(at.getTime() + 30_000), reason: "webhooks to process first" },
      at,
    );
  // The first hold waits for the policy's eligibility check of every line (never trusting the plan).
  if (action.kind === "authorize" && !trial.eligibilityCheckedAt) {
    await checkTrialEligibility(trial, graphql);
    return { kind: "again" };
  }
  // Holds and settlements are decided under the plan the shop is on now.
  if (action.kind === "authorize" || action.kind === "reauthorize" || action.kind === "settle")
    trial = await followShopPlan(trial, graphql);
  await recordDecision(trial, action, at);
  // A kept pair may have added fit evidence: the storefront's metafield follows.
  if (action.kind === "settle")
    await mirrorFitProfile(trial.shop, trial.customerGid, `trial:${trial.id}`, graphql);
  return { kind: "again" };
}

/** Stores what the merchant sees (status, next action and when) until the next look. */
async function waitUntil(
  trial: TrialWithLines,
  action: Extract<TrialAction, { kind: "wait" }>,
  at: Date,
): Promise<StepOutcome> {
  await prisma.trial.update({
    where: { id: trial.id },
    data: { nextActionAt: action.until, nextAction: action.reason },
  });
  const fresh = await loadTrial(trial.id);
  const snapshot = trialSnapshot(fresh);
  const status = trialStatus(
    snapshot,
    { attentionReason: fresh.attentionReason, collected: fresh.collectedMinor },
    at,
  );
  const window = trialWindow(snapshot.terms, fresh, at);
  await prisma.trial.update({
    where: { id: trial.id },
    data: { status, windowClosesAt: window?.closesAt ?? null },
  });
  return { kind: "wait", until: action.until };
}

function fireTrialEndingSoon(trial: TrialWithLines, lastDay: string, graphql: AdminGraphql) {
  const outstanding = trial.lines.filter((l) => !l.returnStartedAt && l.choice !== "keep");
  return fireFlowTrigger(graphql, {
    shop: trial.shop,
    key: `trial:${trial.id}:flow:trial-ending-soon`,
    handle: "trial-ending-soon",
    customerGid: trial.customerGid,
    orderGid: trial.orderGid,
    fields: {
      "Last day": lastDay,
      "Pairs not yet returned": outstanding.reduce((s, l) => s + l.quantity, 0),
    },
  });
}

/**
 * Shopify's own reminder email for the balance, when the order has an open payment schedule. It
 * names the order's outstanding balance, so it goes only when that balance is what the trial will
 * charge for the pairs still out (returned pairs are taken off the order once back): a reminder
 * for $490 when $245 is owed is worse than none (the Flow reminder goes either way).
 */
async function sendPaymentReminder(trial: TrialWithLines, graphql: AdminGraphql, log: Logger) {
  const stillOut = trial.lines
    .filter((l) => !l.returnStartedAt)
    .reduce((sum, l) => sum + l.unitPriceMinor * l.quantity, 0);
  const result = await remindIfOwed(trial, stillOut, graphql);
  log.info({ trialId: trial.id, ...result }, "payment reminder");
  await addTrialEvent(prisma, trial.id, trial.shop, {
    kind: "payment.reminder",
    message:
      result.sent && result.amount !== null
        ? `Shopify's payment reminder sent for ${trialMoney(trial, result.amount)}: the pairs not sent back, charged if kept`
        : `Shopify's payment reminder not sent: ${result.reason ?? "Shopify did not send it"}`,
    // A reminder held back and sent later is a second event, not lost under the first.
    dedupeKey: result.sent ? "payment-reminder:sent" : "payment-reminder",
    occurredAt: now(),
  });
}

const reminderKey = (trial: { id: string }) => `trial:${trial.id}:payment-reminder`;

type ReminderResult = { sent: boolean; amount: number | null; reason: string | null };

/**
 * The guard is outside the effect: a reminder held back is not an effect taken, so a later,
 * correct one can still go out (once, under the effect key).
 */
async function remindIfOwed(
  trial: TrialWithLines,
  stillOut: number,
  graphql: AdminGraphql,
): Promise<ReminderResult> {
  const data = await adminRequest(graphql, TRIAL_PAYMENT_SCHEDULE_QUERY, { id: trial.orderGid });
  const schedule = data.order?.paymentTerms?.paymentSchedules.nodes[0];
  if (!schedule || schedule.completedAt)
    return { sent: false, amount: null, reason: "no open payment schedule" };
  const parsed = parseMoneyInput(
    data.order?.totalOutstandingSet.shopMoney.amount ?? "",
    trial.currencyCode,
  );
  const balance = parsed.ok ? parsed.amount : null;
  if (balance !== stillOut)
    return {
      sent: false,
      amount: balance,
      reason: `the order's balance (${balance === null ? "unreadable" : trialMoney(trial, balance)}) is not what the pairs still out come to (${trialMoney(trial, stillOut)}): a return is on its way or not yet off the order`,
    };
  return performEffect<ReminderResult>(
    {
      shop: trial.shop,
      key: reminderKey(trial),
      kind: "payment.reminder",
      request: { owedIfKept: stillOut, paymentScheduleId: schedule.id },
    },
    async () => {
      const sent = await adminRequest(graphql, PAYMENT_REMINDER_SEND_MUTATION, {
        paymentScheduleId: schedule.id,
      });
      const errors = sent.paymentReminderSend?.userErrors ?? [];
      // Shopify declines some reminders (nothing due, a channel that cannot send): not a failure.
      if (errors.length > 0)
        return { sent: false, amount: balance, reason: errors.map((e) => e.message).join("; ") };
      return { sent: sent.paymentReminderSend?.success === true, amount: balance, reason: null };
    },
  );
}

async function cancelOrder(trial: TrialWithLines, reason: string, graphql: AdminGraphql) {
  await performEffect(
    {
      shop: trial.shop,
      key: `trial:${trial.id}:order-cancel`,
      kind: "order.cancel",
      request: { reason },
    },
    async () => {
      const data = await adminRequest(graphql, ORDER_CANCEL_MUTATION, {
        orderId: trial.orderGid,
        staffNote: `Fitting Room: ${reason}`,
      });
      assertNoUserErrors("orderCancel", data.orderCancel?.orderCancelUserErrors);
      return { cancelled: true };
    },
  );
}

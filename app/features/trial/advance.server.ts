import crypto from "node:crypto";
import type { Prisma } from "@prisma/client";
import type { Logger } from "pino";
import prisma from "~/db.server";
import { formatMoney } from "~/domain/money";
import { nextTrialAction, type TrialAction } from "./domain/next-action";
import { holdAmount, paymentPlan, type PaymentStep } from "./domain/payment-plan";
import { trialStatus } from "./domain/status";
import { trialWindow } from "./domain/window";
import { sizeAndWidth } from "~/features/made-to-order/domain/terms";
import { enqueue } from "~/platform/jobs/queue.server";
import { RetryableJobError, TerminalJobError } from "~/platform/jobs/errors.server";
import { now } from "~/platform/clock.server";
import { withBusyRetry } from "~/platform/sqlite-busy.server";
import { FLOW_TRIGGER_RECEIVE } from "~/graphql/flow";
import { PAYMENT_REMINDER_SEND_MUTATION, TRIAL_PAYMENT_SCHEDULE_QUERY } from "./graphql";
import { ORDER_CANCEL_MUTATION } from "~/graphql/orders";
import {
  adminRequest,
  assertNoUserErrors,
  type AdminGraphql,
} from "~/platform/admin/client.server";
import { performEffect } from "~/platform/effects.server";
import { mirrorFitProfile, recordFitEvidence } from "~/services/fit-profile.server";
import { performTrialPayment, type PaymentResult } from "./payments.server";
import { addTrialEvent, trialSnapshot, type TrialWithLines } from "./facts.server";

// The `trial.advance` job: finish any recorded payment, ask the domain what the trial needs
// next, record that decision (and its payments) in one transaction, perform it, repeat; when the
// answer is "wait", schedule the next look and stop. Every decision is recorded before the Admin
// call it leads to, so a crash anywhere resumes from the record and never pays twice.

const MAX_STEPS = 12;

async function load(trialId: string): Promise<TrialWithLines> {
  const trial = await prisma.trial.findUnique({ where: { id: trialId }, include: { lines: true } });
  if (!trial) throw new TerminalJobError(`trial ${trialId} not found`);
  return trial;
}

function money(trial: TrialWithLines, amount: number) {
  return formatMoney({ amount, currency: trial.currencyCode });
}

const LOCK_MS = 5 * 60_000;

/** Runs the trial's next steps while holding its lock; another job for it waits its turn. */
export async function advanceTrial(trialId: string, graphql: AdminGraphql, log: Logger) {
  const token = crypto.randomUUID();
  const at = now();
  const { count } = await prisma.trial.updateMany({
    where: {
      id: trialId,
      OR: [{ advanceLockedUntil: null }, { advanceLockedUntil: { lt: at } }],
    },
    data: { advanceLockedBy: token, advanceLockedUntil: new Date(at.getTime() + LOCK_MS) },
  });
  if (count !== 1) {
    if (!(await prisma.trial.findUnique({ where: { id: trialId } })))
      throw new TerminalJobError(`trial ${trialId} not found`);
    throw new RetryableJobError(`trial ${trialId} is being advanced by another job`, 2_000);
  }
  try {
    await advanceLocked(trialId, graphql, log);
  } finally {
    await prisma.trial.updateMany({
      where: { id: trialId, advanceLockedBy: token },
      data: { advanceLockedBy: null, advanceLockedUntil: null },
    });
  }
}

async function advanceLocked(trialId: string, graphql: AdminGraphql, log: Logger) {
  for (let step = 0; step < MAX_STEPS; step += 1) {
    const trial = await load(trialId);
    const pending = await prisma.trialPayment.findFirst({
      where: { trialId, status: "recorded" },
      orderBy: { sequence: "asc" },
    });
    if (pending) {
      const result = await performTrialPayment(graphql, trial, pending);
      await applyPaymentResult(trial, pending.id, result, log);
      continue;
    }
    const at = now();
    const action = nextTrialAction(trialSnapshot(trial), at);
    log.info({ trialId, order: trial.orderName, action: action.kind }, "trial next action");
    if (action.kind === "wait") {
      await schedule(trial, action, at);
      return;
    }
    // Shopify-side effects that are not money: performed under their key first, so a crash
    // before the decision is recorded repeats nothing when the loop comes back here.
    if (action.kind === "remind") {
      await fireTrialEndingSoon(trial, action.window.lastDay, graphql);
      await sendPaymentReminder(trial, graphql, log);
    }
    if (action.kind === "cancel_order") await cancelOrder(trial, action.reason, graphql);
    if (action.kind === "settle" && (await inboxBacklog(trial.shop, at))) {
      // A webhook received but not yet processed may be the return that changes what is owed.
      await schedule(
        trial,
        {
          kind: "wait",
          until: new Date(at.getTime() + 30_000),
          reason: "webhooks to process first",
        },
        at,
      );
      return;
    }
    await record(trial, action, at);
    // A kept pair may have added fit evidence: the storefront's metafield follows.
    if (action.kind === "settle")
      await mirrorFitProfile(trial.shop, trial.customerGid, `trial:${trial.id}`, graphql);
  }
  // A healthy trial never needs this many steps in one go; look again later rather than spin.
  const trial = await load(trialId);
  await enqueue({
    type: "trial.advance",
    shop: trial.shop,
    payload: { trialId },
    idempotencyKey: `trial:${trialId}:advance:continue:${now().toISOString()}`,
    runAt: new Date(now().getTime() + 60_000),
  });
}

async function fireTrialEndingSoon(trial: TrialWithLines, lastDay: string, graphql: AdminGraphql) {
  const outstanding = trial.lines.filter((l) => !l.returnStartedAt && l.choice !== "keep");
  await performEffect(
    {
      shop: trial.shop,
      key: `trial:${trial.id}:flow:trial-ending-soon`,
      kind: "flow.trigger",
      request: { lastDay },
    },
    async () => {
      const data = await adminRequest(graphql, FLOW_TRIGGER_RECEIVE, {
        handle: "trial-ending-soon",
        payload: {
          customer_id: trial.customerGid?.split("/").pop() ?? null,
          order_id: trial.orderGid,
          "Last day": lastDay,
          "Pairs not yet returned": outstanding.reduce((s, l) => s + l.quantity, 0),
        },
      });
      assertNoUserErrors("flowTriggerReceive", data.flowTriggerReceive?.userErrors);
      return { fired: true };
    },
  );
}

/** Shopify's own reminder email for the balance, when the order has an open payment schedule. */
async function sendPaymentReminder(trial: TrialWithLines, graphql: AdminGraphql, log: Logger) {
  const result = await performEffect(
    {
      shop: trial.shop,
      key: `trial:${trial.id}:payment-reminder`,
      kind: "payment.reminder",
      request: {},
    },
    async () => {
      const data = await adminRequest(graphql, TRIAL_PAYMENT_SCHEDULE_QUERY, {
        id: trial.orderGid,
      });
      const schedule = data.order?.paymentTerms?.paymentSchedules.nodes[0];
      if (!schedule || schedule.completedAt)
        return { sent: false, reason: "no open payment schedule" };
      const sent = await adminRequest(graphql, PAYMENT_REMINDER_SEND_MUTATION, {
        paymentScheduleId: schedule.id,
      });
      const errors = sent.paymentReminderSend?.userErrors ?? [];
      // Shopify declines some reminders (nothing due, a channel that cannot send): not a failure.
      if (errors.length > 0)
        return { sent: false, reason: errors.map((e) => e.message).join("; ") };
      return { sent: sent.paymentReminderSend?.success === true, reason: null };
    },
  );
  log.info({ trialId: trial.id, ...result }, "payment reminder");
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

async function inboxBacklog(shop: string, at: Date): Promise<boolean> {
  const waiting = await prisma.job.count({
    where: {
      shop,
      type: "webhook.process",
      OR: [{ status: "running" }, { status: "queued", runAt: { lte: at } }],
    },
  });
  return waiting > 0;
}

async function refreshStatus(trial: TrialWithLines, at: Date) {
  const fresh = await load(trial.id);
  const status = trialStatus(
    trialSnapshot(fresh),
    { attentionReason: fresh.attentionReason, collected: fresh.collectedMinor },
    at,
  );
  const window = trialWindow(trialSnapshot(fresh).terms, fresh, at);
  await prisma.trial.update({
    where: { id: trial.id },
    data: { status, windowClosesAt: window?.closesAt ?? null },
  });
}

async function schedule(
  trial: TrialWithLines,
  action: Extract<TrialAction, { kind: "wait" }>,
  at: Date,
) {
  await prisma.trial.update({
    where: { id: trial.id },
    data: { nextActionAt: action.until, nextAction: action.reason },
  });
  await refreshStatus(trial, at);
  if (!action.until) return;
  await enqueue({
    type: "trial.advance",
    shop: trial.shop,
    payload: { trialId: trial.id },
    idempotencyKey: `trial:${trial.id}:advance:at:${action.until.toISOString()}`,
    runAt: action.until,
  });
}

/** Writes the decision and the payments it needs; the loop then performs them. */
async function record(
  trial: TrialWithLines,
  action: Exclude<TrialAction, { kind: "wait" }>,
  at: Date,
) {
  const base = { shop: trial.shop, trialId: trial.id, currencyCode: trial.currencyCode };
  await withBusyRetry(() =>
    prisma.$transaction(async (tx) => {
      switch (action.kind) {
        case "authorize":
        case "reauthorize": {
          const attempt = trial.authorizationAttempts + 1;
          const { count } = await tx.trial.updateMany({
            where: { id: trial.id, authorizationAttempts: trial.authorizationAttempts },
            data: { authorizationAttempts: attempt },
          });
          if (count !== 1) return; // another worker got there first; the loop re-reads
          await tx.trialPayment.create({
            data: {
              ...base,
              kind: action.kind,
              sequence: attempt * 100,
              idempotencyKey: `trial:${trial.id}:authorize:${attempt}`,
              amountMinor: holdAmount(
                trial.plus,
                trial.lines.reduce((sum, l) => sum + l.unitPriceMinor * l.quantity, 0),
                trialSnapshot(trial).terms.holdAmount,
              ),
              rule:
                action.kind === "authorize"
                  ? "hold placed right after the order to check the card"
                  : "hold renewed before the previous one lapses, trial still open",
              details: JSON.stringify({ previousAuthorizationGid: trial.authorizationGid }),
            },
          });
          return;
        }
        case "release_hold": {
          if (!trial.authorizationGid) return;
          await tx.trialPayment.upsert({
            where: {
              shop_idempotencyKey: {
                shop: trial.shop,
                idempotencyKey: `trial:${trial.id}:void:${trial.authorizationGid}`,
              },
            },
            create: {
              ...base,
              kind: "void",
              sequence: 9_000,
              idempotencyKey: `trial:${trial.id}:void:${trial.authorizationGid}`,
              rule: action.reason,
              details: JSON.stringify({ authorizationGid: trial.authorizationGid }),
            },
            update: {},
          });
          await tx.trial.update({ where: { id: trial.id }, data: { authorizationAmount: null } });
          return;
        }
        case "remind":
          await tx.trial.update({ where: { id: trial.id }, data: { remindedAt: at } });
          await addTrialEvent(tx, trial.id, trial.shop, {
            kind: "reminder",
            message: `Reminder sent (Flow "Trial ending soon", and Shopify's payment reminder where the order has payment terms): the trial ends ${action.window.lastDay} (end of day)`,
            dedupeKey: "reminder",
            occurredAt: at,
          });
          return;
        case "cancel_order":
          await tx.trial.update({
            where: { id: trial.id },
            data: { cancelledAt: at, attentionReason: null },
          });
          await addTrialEvent(tx, trial.id, trial.shop, {
            kind: "order.cancelled",
            message: `Order cancelled by the policy: ${action.reason}`,
            dedupeKey: "cancelled",
            occurredAt: at,
          });
          return;
        case "settle": {
          const { settlement } = action;
          const { count } = await tx.trial.updateMany({
            where: { id: trial.id, settledAt: null },
            data: { settledAt: at, owedMinor: settlement.total },
          });
          if (count !== 1) return;
          const plan = paymentPlan({
            owed: settlement.total,
            itemsOwed: settlement.itemsOwed,
            returnedLineGids: settlement.returnedLineGids,
            authorization: trialSnapshot(trial).authorization,
            plus: trial.plus,
            now: at,
          });
          const rules = settlement.lines.map((l) => l.outcome.rule);
          for (const [i, stepOf] of plan.steps.entries())
            await tx.trialPayment.create({ data: paymentRow(trial, stepOf, i, rules) });
          await addTrialEvent(tx, trial.id, trial.shop, {
            kind: "settlement",
            message: `Trial settled: ${money(trial, settlement.itemsOwed)} for pairs kept${settlement.feesOwed ? ` + ${money(trial, settlement.feesOwed)} damage fees` : ""}`,
            dedupeKey: "settlement",
            occurredAt: at,
            data: settlement.lines.map((l) => ({ line: l.lineItemGid, ...l.outcome })),
          });
          await recordKeptFit(tx, trial, settlement.lines, at);
          if (plan.uncollectable > 0)
            await tx.trial.update({
              where: { id: trial.id },
              data: {
                attentionReason: `${money(trial, plan.uncollectable)} owed above what the hold covers: charge it from Shopify or waive it`,
              },
            });
          return;
        }
      }
    }),
  );
}

/** A pair worn at home and kept is fit evidence: made-to-order can skip the fitting pair. */
async function recordKeptFit(
  tx: Prisma.TransactionClient,
  trial: TrialWithLines,
  outcomes: { lineItemGid: string; outcome: { kind: string; rule: string } }[],
  at: Date,
) {
  if (!trial.customerGid) return;
  for (const { lineItemGid, outcome } of outcomes) {
    if (outcome.kind !== "charge" || !outcome.rule.startsWith("kept")) continue;
    const line = trial.lines.find((l) => l.lineItemGid === lineItemGid);
    const { size, width } = sizeAndWidth(line?.variantTitle);
    if (!size || !width) continue;
    await recordFitEvidence(
      {
        shop: trial.shop,
        customerGid: trial.customerGid,
        size,
        width,
        source: "trial_kept",
        sourceRef: lineItemGid,
        at,
      },
      tx,
    );
  }
}

function paymentRow(trial: TrialWithLines, step: PaymentStep, index: number, rules: string[]) {
  const base = {
    shop: trial.shop,
    trialId: trial.id,
    currencyCode: trial.currencyCode,
    sequence: 10_000 + index,
    idempotencyKey: `trial:${trial.id}:settle:${index}:${step.kind}`,
  };
  switch (step.kind) {
    case "capture":
      return {
        ...base,
        kind: "capture",
        amountMinor: step.amount,
        rule: `settlement: ${[...new Set(rules)].join("; ")}`,
        details: JSON.stringify({ authorizationGid: step.authorizationGid }),
      };
    case "void":
      return {
        ...base,
        kind: "void",
        rule: "settlement: nothing owed, hold released",
        details: JSON.stringify({ authorizationGid: step.authorizationGid }),
      };
    case "remove_lines": {
      const lines = trial.lines
        .filter((l) => step.lineItemGids.includes(l.lineItemGid))
        .map((l) => ({ lineItemGid: l.lineItemGid, quantity: l.quantity }));
      return {
        ...base,
        kind: "remove_lines",
        rule: "returned pairs taken off the order so its balance is what is kept",
        details: JSON.stringify({ lines }),
      };
    }
    case "charge":
      return {
        ...base,
        kind: "charge",
        amountMinor: step.amount,
        rule: `settlement: ${[...new Set(rules)].join("; ")}`,
        details: JSON.stringify({ withAmount: step.withAmount }),
      };
  }
}

async function applyPaymentResult(
  trial: TrialWithLines,
  paymentId: string,
  result: PaymentResult,
  log: Logger,
) {
  const payment = await prisma.trialPayment.findUniqueOrThrow({ where: { id: paymentId } });
  const at = now();
  await withBusyRetry(() =>
    prisma.$transaction(async (tx) => {
      await tx.trialPayment.update({
        where: { id: paymentId },
        data: {
          status: result.outcome,
          ...(result.outcome === "succeeded"
            ? {
                transactionGid: result.transactionGid,
                amountMinor: payment.amountMinor || result.amount,
              }
            : { error: result.message }),
        },
      });
      const isHold = payment.kind === "authorize" || payment.kind === "reauthorize";
      if (result.outcome === "succeeded" && isHold) {
        await tx.trial.update({
          where: { id: trial.id },
          data: {
            authorizationGid: result.transactionGid,
            authorizationAmount: result.amount,
            authorizationExpiresAt: result.expiresAt,
            authorizationFailedAt: null,
            attentionReason: null,
          },
        });
        const previous = (
          JSON.parse(payment.details) as { previousAuthorizationGid?: string | null }
        ).previousAuthorizationGid;
        if (previous && previous !== result.transactionGid)
          await tx.trialPayment.upsert({
            where: {
              shop_idempotencyKey: {
                shop: trial.shop,
                idempotencyKey: `trial:${trial.id}:void:${previous}`,
              },
            },
            create: {
              shop: trial.shop,
              trialId: trial.id,
              currencyCode: trial.currencyCode,
              kind: "void",
              sequence: payment.sequence + 1,
              idempotencyKey: `trial:${trial.id}:void:${previous}`,
              rule: "the renewed hold replaces the old one",
              details: JSON.stringify({ authorizationGid: previous }),
            },
            update: {},
          });
      }
      if (result.outcome === "failed" && isHold)
        await tx.trial.update({
          where: { id: trial.id },
          data: {
            authorizationFailedAt: at,
            attentionReason: `Card hold declined: ${result.message}`,
          },
        });
      if (
        result.outcome === "succeeded" &&
        (payment.kind === "capture" || payment.kind === "charge")
      )
        await tx.trial.update({
          where: { id: trial.id },
          data: {
            collectedMinor: { increment: payment.amountMinor },
            ...(payment.kind === "capture" ? { authorizationAmount: null } : {}),
            // A declined hold matters no more once what is owed has been collected.
            ...(trial.attentionReason?.startsWith("Card hold declined")
              ? { attentionReason: null }
              : {}),
          },
        });
      if (result.outcome === "failed" && !isHold)
        await tx.trial.update({
          where: { id: trial.id },
          data: { attentionReason: `${payment.kind} failed: ${result.message}` },
        });
      await addTrialEvent(tx, trial.id, trial.shop, {
        kind: `payment.${payment.kind}.${result.outcome}`,
        message: paymentMessage(
          trial,
          payment.kind,
          payment.amountMinor || (result.outcome === "succeeded" ? result.amount : 0),
          result,
        ),
        dedupeKey: `payment:${payment.id}`,
        occurredAt: at,
        data: { idempotencyKey: payment.idempotencyKey, rule: payment.rule },
      });
    }),
  );
  log.info(
    {
      trialId: trial.id,
      payment: payment.kind,
      outcome: result.outcome,
      key: payment.idempotencyKey,
    },
    "trial payment done",
  );
}

function paymentMessage(
  trial: TrialWithLines,
  kind: string,
  amount: number,
  result: PaymentResult,
) {
  const what =
    {
      authorize: `Hold of ${money(trial, amount)} placed on the card`,
      reauthorize: `Hold renewed: ${money(trial, amount)}`,
      capture: `Charged ${money(trial, amount)} from the hold`,
      charge: `Charged ${money(trial, amount)} to the card on file`,
      void: "Hold released",
      remove_lines: "Returned pairs removed from the order",
    }[kind] ?? kind;
  if (result.outcome === "succeeded") return what;
  if (result.outcome === "skipped") return `${what}: skipped (${result.message})`;
  return `${what}: FAILED (${result.message})`;
}

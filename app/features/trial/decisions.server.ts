import type { Prisma } from "@prisma/client";
import prisma from "~/db.server";
import { sizeAndWidth } from "~/domain/fit-profile";
import { withBusyRetry } from "~/platform/sqlite-busy.server";
import { recordFitEvidence } from "~/services/fit-profile.server";
import { recordFitOutcome } from "~/services/fit-outcomes.server";
import { addTrialEvent, trialMoney, trialSnapshot, type TrialWithLines } from "./case.server";
import type { TrialAction } from "./domain/next-action";
import { holdAmount, paymentPlan, type PaymentStep } from "./domain/payment-plan";
import { returnedForGood } from "./domain/settlement";
import { trialWindow } from "./domain/window";

// A trial decision, recorded: the domain's answer (hold, renewal, release, reminder, cancel,
// settlement) written with every payment it leads to, in one transaction, before any of them is
// attempted. Each payment carries its idempotency key and the rule behind it; the trial job then
// performs them (payments.server.ts) and records their results (payment-results.server.ts).

/** Writes the decision and the payments it needs; the loop then performs them. */
export async function recordDecision(
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
                await pairsStillOnTheOrderMinor(tx, trial),
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
            message: `Reminder sent (Flow "Trial ending soon", and Shopify's payment reminder where the order has payment terms and its balance is what the trial will charge): the trial ends ${action.window.lastDay} (end of day)`,
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
          // Pairs already taken off when they came back need no second removal.
          const off = await linesOffTheOrder(tx, trial.id, ["succeeded"]);
          const { count } = await tx.trial.updateMany({
            where: { id: trial.id, settledAt: null },
            data: { settledAt: at, owedMinor: settlement.total },
          });
          if (count !== 1) return;
          const plan = paymentPlan({
            owed: settlement.total,
            itemsOwed: settlement.itemsOwed,
            returnedLineGids: settlement.returnedLineGids.filter((gid) => !off.has(gid)),
            authorization: trialSnapshot(trial).authorization,
            plus: trial.plus,
            now: at,
          });
          const rules = settlement.lines.map((l) => l.outcome.rule);
          for (const [i, stepOf] of plan.steps.entries())
            await tx.trialPayment.create({ data: paymentRow(trial, stepOf, i, rules) });
          await addTrialEvent(tx, trial.id, trial.shop, {
            kind: "settlement",
            message: `Trial settled: ${trialMoney(trial, settlement.itemsOwed)} for pairs kept${settlement.feesOwed ? ` + ${trialMoney(trial, settlement.feesOwed)} damage fees` : ""}`,
            dedupeKey: "settlement",
            occurredAt: at,
            data: settlement.lines.map((l) => ({ line: l.lineItemGid, ...l.outcome })),
          });
          await recordKeptFit(tx, trial, settlement.lines, at);
          if (plan.uncollectable > 0)
            await tx.trial.update({
              where: { id: trial.id },
              data: {
                attentionReason: `${trialMoney(trial, plan.uncollectable)} owed above what the hold covers: charge it from Shopify or waive it`,
              },
            });
          return;
        }
      }
    }),
  );
}

/**
 * What the pairs still on the order come to: a renewed hold is for these, not for pairs already
 * taken off when they came back (Shopify's balance no longer holds them).
 */
export async function pairsStillOnTheOrderMinor(
  db: Prisma.TransactionClient,
  trial: TrialWithLines,
): Promise<number> {
  const off = await linesOffTheOrder(db, trial.id, ["recorded", "succeeded"]);
  return trial.lines
    .filter((l) => !off.has(l.lineItemGid))
    .reduce((sum, l) => sum + l.unitPriceMinor * l.quantity, 0);
}

/** Lines a remove_lines payment (in one of these statuses) took, or is to take, off the order. */
async function linesOffTheOrder(db: Prisma.TransactionClient, trialId: string, statuses: string[]) {
  const rows = await db.trialPayment.findMany({
    where: { trialId, kind: "remove_lines", status: { in: statuses } },
  });
  return new Set(
    rows.flatMap((r) =>
      (JSON.parse(r.details) as { lines: { lineItemGid: string }[] }).lines.map(
        (l) => l.lineItemGid,
      ),
    ),
  );
}

/**
 * A returned pair received in time is taken off the order as soon as it is back (a refund of no
 * money: it was never paid), not at settlement: until then Shopify's balance, its payment
 * reminder and its due date would still ask the shopper for the full order ($490 for two pairs
 * when $245 is owed). Recorded here, performed by the next step. False when there is nothing to do.
 */
export async function recordReturnedPairsOff(trial: TrialWithLines, at: Date): Promise<boolean> {
  if (trial.settledAt || trial.cancelledAt) return false;
  const snapshot = trialSnapshot(trial);
  const window = trialWindow(snapshot.terms, trial, at);
  const back = returnedForGood(snapshot.lines, snapshot.terms, window?.closesAt ?? null, at);
  if (back.length === 0) return false;
  return withBusyRetry(() =>
    prisma.$transaction(async (tx) => {
      // Any earlier removal, even a failed one (the merchant was told): never asked twice here.
      const off = await linesOffTheOrder(tx, trial.id, [
        "recorded",
        "succeeded",
        "skipped",
        "failed",
      ]);
      const lines = trial.lines
        .filter((l) => back.includes(l.lineItemGid) && !off.has(l.lineItemGid))
        .map((l) => ({ lineItemGid: l.lineItemGid, quantity: l.quantity }));
      if (lines.length === 0) return false;
      await tx.trialPayment.create({
        data: {
          shop: trial.shop,
          trialId: trial.id,
          currencyCode: trial.currencyCode,
          kind: "remove_lines",
          sequence: 5_000,
          idempotencyKey: `trial:${trial.id}:returned:${lines.map((l) => l.lineItemGid).join(",")}`,
          rule: "returned pair received: taken off the order, so the balance Shopify reminds the shopper of is what the trial charges",
          details: JSON.stringify({ lines }),
        },
      });
      return true;
    }),
  );
}

/**
 * A pair worn at home and kept is fit evidence: made-to-order can skip the fitting pair, and the
 * fit finder counts it (a returned pair too, without a fit reason: the keep/return page asks none).
 */
async function recordKeptFit(
  tx: Prisma.TransactionClient,
  trial: TrialWithLines,
  outcomes: { lineItemGid: string; outcome: { kind: string; rule: string } }[],
  at: Date,
) {
  for (const { lineItemGid, outcome } of outcomes) {
    const kept = outcome.kind === "charge" && outcome.rule.startsWith("kept");
    const line = trial.lines.find((l) => l.lineItemGid === lineItemGid);
    const { size, width } = sizeAndWidth(line?.variantTitle);
    if (!line || !size || !width) continue;
    if (kept || line.choice === "return")
      await recordFitOutcome(
        {
          shop: trial.shop,
          customerGid: trial.customerGid,
          productGid: line.productGid,
          productTitle: line.title,
          size,
          width,
          result: kept ? "kept" : "returned",
          source: "trial",
          sourceRef: lineItemGid,
          lineItemGid,
          at,
        },
        tx,
      );
    if (!kept || !trial.customerGid) continue;
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

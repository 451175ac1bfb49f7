import type { TrialPayment } from "@prisma/client";
import prisma from "~/db.server";
import type { AdminGraphql } from "~/platform/admin/client.server";
import { now } from "~/platform/clock.server";
import { refreshShopPlan } from "~/platform/shops.server";
import { withBusyRetry } from "~/platform/sqlite-busy.server";
import { addTrialEvent, trialSnapshot, type TrialWithLines } from "./case.server";
import { holdAmount } from "./domain/payment-plan";
import { pairsStillOnTheOrderMinor } from "./decisions.server";

// A shop can move between Standard and Plus while a trial runs. Which rule a hold or a charge
// follows (Plus: the policy's amount; Standard: the order's outstanding balance, `amount` being
// Plus-only) is the shop's plan when the money moves, read fresh from Shopify each time (one small
// query), never the plan the shop had at install or when the trial opened.

const MANDATE_KINDS = new Set(["authorize", "reauthorize", "charge"]);

/** The trial with `plus` as the shop is now; a move is on its timeline. */
export async function followShopPlan(
  trial: TrialWithLines,
  graphql: AdminGraphql,
): Promise<TrialWithLines> {
  const { plus } = await refreshShopPlan(trial.shop, graphql);
  if (plus === trial.plus) return trial;
  const at = now();
  await withBusyRetry(() =>
    prisma.$transaction(async (tx) => {
      await tx.trial.update({ where: { id: trial.id }, data: { plus } });
      await addTrialEvent(tx, trial.id, trial.shop, {
        kind: "shop.plan",
        message: plus
          ? "The shop is now on Shopify Plus: holds and charges from here on are for the amounts the policy sets"
          : "The shop is no longer on Shopify Plus: holds and charges from here on are for the order's outstanding balance (a chosen amount is Plus-only)",
        dedupeKey: `plan:${plus ? "plus" : "standard"}:${at.toISOString()}`,
        occurredAt: at,
      });
    }),
  );
  return { ...trial, plus };
}

/**
 * Before a recorded hold or charge is first attempted: the plan is read again, and a hold
 * recorded under the other plan takes this plan's amount (nothing has reached Shopify yet). A
 * payment already attempted keeps its amount: Shopify answers its key with the first result.
 */
export async function paymentUnderCurrentPlan(
  trial: TrialWithLines,
  payment: TrialPayment,
  graphql: AdminGraphql,
): Promise<{ trial: TrialWithLines; payment: TrialPayment }> {
  if (!MANDATE_KINDS.has(payment.kind)) return { trial, payment };
  const effect = await prisma.effect.findUnique({
    where: { shop_key: { shop: trial.shop, key: payment.idempotencyKey } },
  });
  if (effect && effect.attempts > 0) return { trial, payment };
  const current = await followShopPlan(trial, graphql);
  if (payment.kind === "charge") return { trial: current, payment };
  const amountMinor = holdAmount(
    current.plus,
    await pairsStillOnTheOrderMinor(prisma, current),
    trialSnapshot(current).terms.holdAmount,
  );
  if (amountMinor === payment.amountMinor) return { trial: current, payment };
  const updated = await prisma.trialPayment.update({
    where: { id: payment.id },
    data: {
      amountMinor,
      rule: `${payment.rule}; ${current.plus ? "the policy's hold amount (Shopify Plus)" : "the order's outstanding balance (not on Shopify Plus)"}, the shop's plan when the hold was placed`,
    },
  });
  return { trial: current, payment: updated };
}

import crypto from "node:crypto";
import type { ReferralCase, ReferralMoney } from "@prisma/client";
import prisma from "~/db.server";
import { formatMoney, money } from "~/domain/money";
import type { AdminGraphql } from "~/platform/admin/client.server";
import { now } from "~/platform/clock.server";
import { performEffect } from "~/platform/effects.server";
import { withBusyRetry } from "~/platform/sqlite-busy.server";
import { createGiftCard, giftCardCodeFor, spendsStoreCredit } from "~/services/gift-cards.server";
import {
  addReferralEvent,
  claimedReferences,
  referralFlow,
  type CaseWithReferrer,
} from "./case.server";
import { CODE_ALPHABET } from "./domain/codes";
import { payoutForm } from "./domain/payout";
import type { RewardDecision } from "./domain/reward";
import { createRewardCode, creditStoreCredit, findCode, findStoreCredit } from "./shopify.server";

// Paying an earned reward: the form and its sentence are decided (domain/payout) and written on
// the money row under one key per case before Shopify is asked; the effect runs under the same
// key and is reconciled after a lost answer; then the case is marked paid. A retry pays the way
// the first attempt chose.

export const rewardKey = (c: ReferralCase) => `referral:${c.id}:reward`;

/** The referrer's single-use reward code: the same for every attempt, so it can be looked up. */
export function rewardCodeFor(caseId: string): string {
  const hash = crypto.createHash("sha256").update(caseId).digest();
  let suffix = "";
  for (let i = 0; i < 8; i++) suffix += CODE_ALPHABET[hash[i]! % CODE_ALPHABET.length];
  return `THANKS-${suffix}`;
}

const moneyRow = (c: ReferralCase) =>
  prisma.referralMoney.findUnique({
    where: { shop_idempotencyKey: { shop: c.shop, idempotencyKey: rewardKey(c) } },
  });

/** The money row for this reward, made once; null when it cannot be paid automatically. */
async function recordPayout(
  c: CaseWithReferrer,
  decision: RewardDecision,
  graphql: AdminGraphql,
): Promise<ReferralMoney | null> {
  const recorded = await moneyRow(c);
  if (recorded) return recorded;
  const configured = c.rewardForm === "store_credit" ? "store_credit" : "discount_code";
  const giftCardCode = giftCardCodeFor(`referral-reward:${c.id}`);
  const choice = payoutForm({
    configured,
    hasCustomer: Boolean(c.referrer.customerGid),
    storeCreditSpendable: configured === "store_credit" ? await spendsStoreCredit(graphql) : true,
    giftCardCode,
  });
  if (choice.kind === "cannot_pay") {
    await addReferralEvent(c, {
      kind: "reward.cannot_pay",
      message: `${decision.rule} ${choice.why}`,
      dedupeKey: "cannot_pay",
    });
    return null;
  }
  const key = rewardKey(c);
  return prisma.referralMoney.upsert({
    where: { shop_idempotencyKey: { shop: c.shop, idempotencyKey: key } },
    create: {
      shop: c.shop,
      caseId: c.id,
      kind: choice.form,
      amountMinor: c.rewardMinor,
      currencyCode: c.currencyCode,
      idempotencyKey: key,
      rule: `${decision.rule} ${choice.why}`,
      policyVersion: c.policyVersion,
      details: JSON.stringify({
        order: c.orderName,
        code: c.code,
        windowLastDay: decision.windowLastDay,
        ...(choice.form === "gift_card" ? { giftCardCode } : {}),
      }),
    },
    update: {},
  });
}

/** Pays the recorded reward on Shopify; returns what Shopify calls it. */
async function perform(
  c: ReferralCase,
  row: ReferralMoney,
  customerGid: string,
  graphql: AdminGraphql,
) {
  const key = row.idempotencyKey;
  const amountMinor = row.amountMinor;
  if (row.kind === "gift_card") {
    const code = giftCardCodeFor(`referral-reward:${c.id}`);
    const card = await performEffect(
      { shop: c.shop, key, kind: "referral.gift_card", request: { amountMinor } },
      async () => ({
        id: await createGiftCard(graphql, {
          code,
          amountMinor,
          currency: row.currencyCode,
          customerGid,
          note: `Referral reward for ${c.orderName} (code ${c.code})`,
        }),
      }),
    );
    return card.id ?? code;
  }
  if (row.kind === "store_credit") {
    const claimed = await claimedReferences(c.shop, "store_credit");
    const result = await performEffect(
      { shop: c.shop, key, kind: "referral.store_credit", request: { customerGid, amountMinor } },
      () => creditStoreCredit(graphql, customerGid, amountMinor, row.currencyCode),
      {
        reconcile: (effect) =>
          findStoreCredit(graphql, effect, customerGid, amountMinor, row.currencyCode, claimed),
      },
    );
    return result.transactionGid;
  }
  const code = rewardCodeFor(c.id);
  const result = await performEffect(
    { shop: c.shop, key, kind: "referral.reward_code", request: { code, amountMinor } },
    () =>
      createRewardCode(graphql, {
        code,
        customerGid,
        amountMinor,
        currency: row.currencyCode,
        title: `Referral thanks: ${c.orderName}`,
      }),
    { reconcile: () => findCode(graphql, code) },
  );
  return result.discountGid;
}

/** Pays an earned reward once; false when it cannot be paid automatically (the merchant is told). */
export async function payReward(
  c: CaseWithReferrer,
  decision: RewardDecision,
  graphql: AdminGraphql,
): Promise<boolean> {
  const customerGid = c.referrer.customerGid;
  const row = await recordPayout(c, decision, graphql);
  if (!row || !customerGid) return false;
  const reference = await perform(c, row, customerGid, graphql);
  const amount = formatMoney(money(row.amountMinor, row.currencyCode));
  await withBusyRetry(() =>
    prisma.$transaction(async (tx) => {
      await tx.referralMoney.update({
        where: { id: row.id },
        data: { status: "succeeded", reference },
      });
      await tx.referralCase.update({
        where: { id: c.id },
        data: { paidAt: now(), status: "paid" },
      });
      await addReferralEvent(
        c,
        {
          kind: "reward.paid",
          message: `${amount} paid to the referrer. ${row.rule}`,
          dedupeKey: "paid",
          data: { reference },
        },
        tx,
      );
    }),
  );
  await referralFlow(c, graphql, "referral-reward-earned", { Amount: amount });
  return true;
}

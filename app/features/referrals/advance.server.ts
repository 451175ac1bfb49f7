import crypto from "node:crypto";
import type { Logger } from "pino";
import type { ReferralCase } from "@prisma/client";
import prisma from "~/db.server";
import { formatMoney, money } from "~/domain/money";
import type { AdminGraphql } from "~/platform/admin/client.server";
import { now } from "~/platform/clock.server";
import { performEffect } from "~/platform/effects.server";
import { advanceCase, type StepOutcome } from "~/platform/jobs/case-runner.server";
import { withBusyRetry } from "~/platform/sqlite-busy.server";
import { fireFlowTrigger } from "~/services/flow.server";
import { createGiftCard, giftCardCodeFor, spendsStoreCredit } from "~/services/gift-cards.server";
import { REFERRAL_CASE, addReferralEvent, decisionOf, releaseAt, termsOf } from "./case.server";
import { CODE_ALPHABET } from "./domain/codes";
import type { RewardDecision } from "./domain/reward";
import { createRewardCode, creditStoreCredit, findCode, findStoreCredit } from "./shopify.server";
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

const rewardKey = (c: ReferralCase) => `referral:${c.id}:reward`;

const FORM_WORDS: Record<string, string> = {
  store_credit: "store credit",
  discount_code: "a single-use code",
  gift_card: "gift card",
};

type CaseWithReferrer = ReferralCase & { referrer: { customerGid: string | null } };

function flow(
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

/** The referrer's single-use reward code: the same for every attempt, so it can be looked up. */
export function rewardCodeFor(caseId: string): string {
  const hash = crypto.createHash("sha256").update(caseId).digest();
  let suffix = "";
  for (let i = 0; i < 8; i++) suffix += CODE_ALPHABET[hash[i]! % CODE_ALPHABET.length];
  return `THANKS-${suffix}`;
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

async function step(caseId: string, graphql: AdminGraphql, log: Logger): Promise<StepOutcome> {
  let c = await loadCase(caseId);
  let decision = decisionOf(c);
  if (
    (decision.status === "earned" || decision.status === "waiting_return") &&
    (await nothingPaidYet(c))
  ) {
    await recheckFriendOrder(c, graphql, log);
    c = await loadCase(caseId);
    decision = decisionOf(c);
  }
  const terms = termsOf(c);
  const changed = decision.status !== c.status;
  const until =
    decision.status === "waiting_window" && decision.windowLastDay
      ? releaseAt(decision.windowLastDay, terms)
      : decision.status === "waiting_return"
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
    await flow(c, graphql, "referral-flagged", { Reason: decision.rule.slice(0, 255) });
  if (decision.clawBack?.action === "debit_store_credit" && c.paidAt)
    await takeBack(c, decision, graphql);
  if (decision.status !== "earned") return { kind: "wait", until };
  await pay(c, decision, graphql);
  return { kind: "again" };
}

async function pay(c: CaseWithReferrer, decision: RewardDecision, graphql: AdminGraphql) {
  const key = rewardKey(c);
  const customerGid = c.referrer.customerGid;
  const amount = money(c.rewardMinor, c.currencyCode);
  const recorded = await prisma.referralMoney.findUnique({
    where: { shop_idempotencyKey: { shop: c.shop, idempotencyKey: key } },
  });
  // The form is decided once, with the money row: a retry pays the way the first attempt chose.
  let form = recorded?.kind ?? (customerGid ? c.rewardForm : "discount_code");
  if (!recorded && form === "store_credit" && !(await spendsStoreCredit(graphql)))
    form = "gift_card";
  const giftCardCode = giftCardCodeFor(`referral-reward:${c.id}`);
  const rule = `${decision.rule} Paid as ${FORM_WORDS[form] ?? form}${form === "gift_card" ? ` ${giftCardCode} (classic customer accounts cannot spend store credit)` : ""}.`;
  await prisma.referralMoney.upsert({
    where: { shop_idempotencyKey: { shop: c.shop, idempotencyKey: key } },
    create: {
      shop: c.shop,
      caseId: c.id,
      kind: form,
      amountMinor: c.rewardMinor,
      currencyCode: c.currencyCode,
      idempotencyKey: key,
      rule,
      policyVersion: c.policyVersion,
      details: JSON.stringify({
        order: c.orderName,
        code: c.code,
        windowLastDay: decision.windowLastDay,
      }),
    },
    update: {},
  });
  let reference: string;
  if (form === "gift_card") {
    const card = await performEffect(
      { shop: c.shop, key, kind: "referral.gift_card", request: { amountMinor: c.rewardMinor } },
      async () => ({
        id: await createGiftCard(graphql, {
          code: giftCardCode,
          amountMinor: c.rewardMinor,
          currency: c.currencyCode,
          customerGid,
          note: `Referral reward for ${c.orderName} (code ${c.code})`,
        }),
      }),
    );
    reference = card.id ?? giftCardCode;
  } else if (form === "store_credit" && customerGid) {
    const claimed = (
      await prisma.referralMoney.findMany({
        where: { shop: c.shop, status: "succeeded", kind: "store_credit" },
        select: { reference: true },
      })
    ).flatMap((m) => (m.reference ? [m.reference] : []));
    const result = await performEffect(
      {
        shop: c.shop,
        key,
        kind: "referral.store_credit",
        request: { customerGid, amountMinor: c.rewardMinor },
      },
      () => creditStoreCredit(graphql, customerGid, c.rewardMinor, c.currencyCode),
      {
        reconcile: (effect) =>
          findStoreCredit(graphql, effect, customerGid, c.rewardMinor, c.currencyCode, claimed),
      },
    );
    reference = result.transactionGid;
  } else {
    const code = rewardCodeFor(c.id);
    if (!customerGid)
      throw new Error(`referral ${c.id}: the referrer has no customer record for a reward code`);
    const result = await performEffect(
      {
        shop: c.shop,
        key,
        kind: "referral.reward_code",
        request: { code, amountMinor: c.rewardMinor },
      },
      () =>
        createRewardCode(graphql, {
          code,
          customerGid,
          amountMinor: c.rewardMinor,
          currency: c.currencyCode,
          title: `Referral thanks: ${c.orderName}`,
        }),
      { reconcile: () => findCode(graphql, code) },
    );
    reference = result.discountGid;
  }
  await withBusyRetry(() =>
    prisma.$transaction(async (tx) => {
      await tx.referralMoney.update({
        where: { shop_idempotencyKey: { shop: c.shop, idempotencyKey: key } },
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
          message: `${formatMoney(amount)} paid to the referrer. ${rule}`,
          dedupeKey: "paid",
          data: { reference },
        },
        tx,
      );
    }),
  );
  await flow(c, graphql, "referral-reward-earned", { Amount: formatMoney(amount) });
}

import type { ReferralCase } from "@prisma/client";
import prisma from "~/db.server";
import { formatMoney, money } from "~/domain/money";
import type { AdminGraphql } from "~/platform/admin/client.server";
import { performEffect } from "~/platform/effects.server";
import { withBusyRetry } from "~/platform/sqlite-busy.server";
import { addReferralEvent, claimedReferences } from "./case.server";
import { takeBackAmount } from "./domain/payout";
import type { RewardDecision } from "./domain/reward";
import { debitStoreCredit, findStoreCredit, storeCreditBalance } from "./shopify.server";

// The claw-back setting "debit the unspent store credit": a friend's order returned or cancelled
// after the referrer was paid takes back what is left of that reward on the referrer's account
// (the amount rule is domain/payout's takeBackAmount). The amount is decided once, recorded with
// its rule before Shopify is asked, and debited under one effect key per case.

type CaseWithReferrer = ReferralCase & { referrer: { customerGid: string | null } };

export async function takeBack(
  c: CaseWithReferrer,
  decision: RewardDecision,
  graphql: AdminGraphql,
) {
  const customerGid = c.referrer.customerGid;
  const paid = await prisma.referralMoney.findFirst({
    where: { caseId: c.id, kind: "store_credit", status: "succeeded" },
  });
  // A single-use code cannot be taken back once given; the merchant reads it on the timeline.
  if (!paid || !customerGid) return;
  const key = `referral:${c.id}:clawback`;
  let row = await prisma.referralMoney.findUnique({
    where: { shop_idempotencyKey: { shop: c.shop, idempotencyKey: key } },
  });
  if (row?.status === "succeeded") return;
  if (!row) {
    const unspent = await storeCreditBalance(graphql, customerGid, c.currencyCode);
    const back = takeBackAmount(paid.amountMinor, unspent, c.currencyCode);
    const amount = back.amount;
    const rule = `${decision.rule} ${back.why}`;
    if (amount === 0) {
      await addReferralEvent(c, {
        kind: "reward.nothing_to_take_back",
        message: rule,
        dedupeKey: "clawback:nothing",
      });
      return;
    }
    row = await prisma.referralMoney.upsert({
      where: { shop_idempotencyKey: { shop: c.shop, idempotencyKey: key } },
      create: {
        shop: c.shop,
        caseId: c.id,
        kind: "store_credit_debit",
        amountMinor: amount,
        currencyCode: c.currencyCode,
        idempotencyKey: key,
        rule,
        policyVersion: c.policyVersion,
        details: JSON.stringify({ paid: paid.amountMinor, unspent, reason: decision.clawBack }),
      },
      update: {},
    });
  }
  const amountMinor = row.amountMinor;
  const claimed = await claimedReferences(c.shop, "store_credit_debit");
  const result = await performEffect(
    {
      shop: c.shop,
      key,
      kind: "referral.store_credit_debit",
      request: { customerGid, amountMinor },
    },
    () => debitStoreCredit(graphql, customerGid, amountMinor, c.currencyCode),
    {
      reconcile: (effect) =>
        findStoreCredit(
          graphql,
          effect,
          customerGid,
          amountMinor,
          c.currencyCode,
          claimed,
          "debit",
        ),
    },
  );
  const done = row;
  await withBusyRetry(() =>
    prisma.$transaction(async (tx) => {
      await tx.referralMoney.update({
        where: { id: done.id },
        data: { status: "succeeded", reference: result.transactionGid },
      });
      await addReferralEvent(
        c,
        {
          kind: "reward.taken_back",
          message: `${formatMoney(money(amountMinor, c.currencyCode))} debited: ${done.rule}`,
          dedupeKey: "clawback:debited",
          data: { reference: result.transactionGid },
        },
        tx,
      );
    }),
  );
}

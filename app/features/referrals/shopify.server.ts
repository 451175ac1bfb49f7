import type { Effect } from "@prisma/client";
import { toDecimalString } from "~/domain/money";
import {
  adminRequest,
  assertNoUserErrors,
  type AdminGraphql,
} from "~/platform/admin/client.server";
import {
  REFERRALS_CODE_LOOKUP,
  REFERRALS_REWARD_CODE_CREATE,
  REFERRALS_STORE_CREDIT,
  REFERRALS_STORE_CREDIT_HISTORY,
} from "./graphql";

// The rewards on Shopify. Neither store credit nor discount mutations take an idempotency key:
// each is performed under the app's effect key (recorded before the call) and, after a lost
// answer, reconciled by reading Shopify before any second attempt.

const money = (amountMinor: number, currency: string) => ({
  amount: toDecimalString({ amount: amountMinor, currency }),
  currencyCode: currency as never,
});

export async function creditStoreCredit(
  graphql: AdminGraphql,
  customerGid: string,
  amountMinor: number,
  currency: string,
): Promise<{ transactionGid: string }> {
  const data = await adminRequest(graphql, REFERRALS_STORE_CREDIT, {
    id: customerGid,
    credit: { creditAmount: money(amountMinor, currency), notify: true },
  });
  assertNoUserErrors("storeCreditAccountCredit", data.storeCreditAccountCredit?.userErrors);
  const id = data.storeCreditAccountCredit?.storeCreditAccountTransaction?.id;
  if (!id) throw new Error("storeCreditAccountCredit returned no transaction");
  return { transactionGid: id };
}

/**
 * After a lost answer: a credit of this amount on the customer's accounts made since the attempt
 * began, not already claimed by another of the app's effects, is the one we asked for.
 */
export async function findStoreCredit(
  graphql: AdminGraphql,
  effect: Effect,
  customerGid: string,
  amountMinor: number,
  currency: string,
  claimed: readonly string[],
): Promise<{ transactionGid: string } | undefined> {
  const data = await adminRequest(graphql, REFERRALS_STORE_CREDIT_HISTORY, {
    customerId: customerGid,
  });
  const since = (effect.lastAttemptAt ?? effect.createdAt).getTime() - 5_000;
  const want = toDecimalString({ amount: amountMinor, currency });
  for (const account of data.customer?.storeCreditAccounts.nodes ?? [])
    for (const t of account.transactions.nodes) {
      if (!("id" in t) || !t.id || claimed.includes(t.id)) continue;
      if (Number(t.amount.amount).toFixed(2) !== Number(want).toFixed(2)) continue;
      if (new Date(t.createdAt as string).getTime() >= since) return { transactionGid: t.id };
    }
  return undefined;
}

/** A single-use code for the referrer alone: the reward as a discount on their next order. */
export async function createRewardCode(
  graphql: AdminGraphql,
  input: {
    code: string;
    customerGid: string;
    amountMinor: number;
    currency: string;
    title: string;
  },
): Promise<{ discountGid: string }> {
  const data = await adminRequest(graphql, REFERRALS_REWARD_CODE_CREATE, {
    discount: {
      title: input.title,
      code: input.code,
      usageLimit: 1,
      appliesOncePerCustomer: true,
      context: { customers: { add: [input.customerGid] } },
      customerGets: {
        value: {
          discountAmount: {
            amount: toDecimalString({ amount: input.amountMinor, currency: input.currency }),
            appliesOnEachItem: false,
          },
        },
        items: { all: true },
      },
    },
  });
  assertNoUserErrors("discountCodeBasicCreate", data.discountCodeBasicCreate?.userErrors);
  const id = data.discountCodeBasicCreate?.codeDiscountNode?.id;
  if (!id) throw new Error("discountCodeBasicCreate returned no discount");
  return { discountGid: id };
}

export async function findCode(graphql: AdminGraphql, code: string) {
  const data = await adminRequest(graphql, REFERRALS_CODE_LOOKUP, { code });
  return data.codeDiscountNodeByCode ? { discountGid: data.codeDiscountNodeByCode.id } : undefined;
}

import type { Effect } from "@prisma/client";
import { parseMoneyInput, toDecimalString } from "~/domain/money";
import {
  adminRequest,
  assertNoUserErrors,
  type AdminGraphql,
} from "~/platform/admin/client.server";
import {
  REFERRALS_CODE_LOOKUP,
  REFERRALS_FRIEND_ORDER,
  REFERRALS_REFERRER_CARDS,
  REFERRALS_REWARD_CODE_CREATE,
  REFERRALS_STORE_CREDIT,
  REFERRALS_STORE_CREDIT_BALANCE,
  REFERRALS_STORE_CREDIT_DEBIT,
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
  kind: "credit" | "debit" = "credit",
): Promise<{ transactionGid: string } | undefined> {
  const data = await adminRequest(graphql, REFERRALS_STORE_CREDIT_HISTORY, {
    customerId: customerGid,
  });
  const since = (effect.lastAttemptAt ?? effect.createdAt).getTime() - 5_000;
  const typename =
    kind === "credit"
      ? "StoreCreditAccountCreditTransaction"
      : "StoreCreditAccountDebitTransaction";
  for (const account of data.customer?.storeCreditAccounts.nodes ?? [])
    for (const t of account.transactions.nodes) {
      if (t.__typename !== typename || !("id" in t) || !t.id || claimed.includes(t.id)) continue;
      // A debit's amount is reported as negative; amounts compare in minor units, not floats.
      const seen = parseMoneyInput(String(t.amount.amount).replace(/^-/, ""), currency);
      if (!seen.ok || seen.amount !== amountMinor) continue;
      if (new Date(t.createdAt as string).getTime() >= since) return { transactionGid: t.id };
    }
  return undefined;
}

/** The referrer's unspent store credit in this currency, in minor units. */
export async function storeCreditBalance(
  graphql: AdminGraphql,
  customerGid: string,
  currency: string,
): Promise<number> {
  const data = await adminRequest(graphql, REFERRALS_STORE_CREDIT_BALANCE, {
    customerId: customerGid,
  });
  const account = data.customer?.storeCreditAccounts.nodes.find(
    (a) => a.balance.currencyCode === currency,
  );
  const parsed = account && parseMoneyInput(String(account.balance.amount), currency);
  return parsed && parsed.ok ? parsed.amount : 0;
}

export async function debitStoreCredit(
  graphql: AdminGraphql,
  customerGid: string,
  amountMinor: number,
  currency: string,
): Promise<{ transactionGid: string }> {
  const data = await adminRequest(graphql, REFERRALS_STORE_CREDIT_DEBIT, {
    id: customerGid,
    debit: { debitAmount: money(amountMinor, currency) },
  });
  assertNoUserErrors("storeCreditAccountDebit", data.storeCreditAccountDebit?.userErrors);
  const id = data.storeCreditAccountDebit?.storeCreditAccountTransaction?.id;
  if (!id) throw new Error("storeCreditAccountDebit returned no transaction");
  return { transactionGid: id };
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

/** The friend's order as Shopify has it now (null when it was deleted), read before paying. */
export async function readFriendOrder(graphql: AdminGraphql, orderGid: string) {
  const data = await adminRequest(graphql, REFERRALS_FRIEND_ORDER, { id: orderGid });
  return data.order ?? null;
}

/** The payments on the referrer's 20 latest orders other than `exceptOrderGid`. */
export async function referrerPayments(
  graphql: AdminGraphql,
  customerId: string,
  exceptOrderGid: string,
) {
  const data = await adminRequest(graphql, REFERRALS_REFERRER_CARDS, { customerId });
  return (data.customer?.orders.nodes ?? [])
    .filter((o) => o.id !== exceptOrderGid)
    .flatMap((o) => o.transactions);
}

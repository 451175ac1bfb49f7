import crypto from "node:crypto";
import type { SandboxShop, SandboxStore } from "./store";

// Store credit accounts (one per customer and currency, made on first credit) with their credit,
// debit and expiration transactions, and gift cards: the app's refunds to store credit, its
// rewards, and the gift card fallback for shops on classic customer accounts. Every credit,
// debit and gift card is on the ledger (`store_credit`, `store_credit.debit`, `gift_card`).

export type StoreCreditEvent = "ADJUSTMENT" | "ORDER_REFUND" | "ORDER_PAYMENT";

export interface SandboxStoreCreditTransaction {
  id: string;
  kind: "CREDIT" | "DEBIT" | "EXPIRATION";
  amount: number;
  balanceAfter: number;
  createdAt: string;
  expiresAt: string | null;
  /** What is left of a credit after debits spent it (credits only). */
  remaining: number;
  event: StoreCreditEvent;
  /** The order transaction a refund to store credit made. */
  originTransactionId: string | null;
  orderId: string | null;
}

export interface SandboxStoreCreditAccount {
  id: string;
  legacyId: string;
  customerId: string;
  currency: string;
  transactions: SandboxStoreCreditTransaction[];
}

export interface SandboxGiftCard {
  id: string;
  legacyId: string;
  code: string;
  currency: string;
  initialValue: number;
  balance: number;
  customerId: string | null;
  note: string | null;
  expiresOn: string | null;
  createdAt: string;
}

/** A refusal with the field it concerns and the schema's error code. */
export class CreditRefusal extends Error {
  constructor(
    readonly field: string[],
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

export const balanceOf = (account: SandboxStoreCreditAccount) =>
  account.transactions.at(-1)?.balanceAfter ?? 0;

/** Credits whose expiry has passed lose what is left of them (an EXPIRATION transaction). */
function expireDue(store: SandboxStore, shop: SandboxShop, account: SandboxStoreCreditAccount) {
  const now = store.clock();
  for (const credit of account.transactions) {
    if (credit.kind !== "CREDIT" || credit.remaining <= 0 || !credit.expiresAt) continue;
    if (Date.parse(credit.expiresAt) > now) continue;
    const amount = credit.remaining;
    credit.remaining = 0;
    push(store, shop, account, { kind: "EXPIRATION", amount: -amount, event: "ADJUSTMENT" });
  }
}

function push(
  store: SandboxStore,
  shop: SandboxShop,
  account: SandboxStoreCreditAccount,
  t: Pick<SandboxStoreCreditTransaction, "kind" | "amount" | "event"> &
    Partial<SandboxStoreCreditTransaction>,
) {
  const transaction: SandboxStoreCreditTransaction = {
    id: store.gid(
      t.kind === "CREDIT"
        ? "StoreCreditAccountCreditTransaction"
        : t.kind === "DEBIT"
          ? "StoreCreditAccountDebitTransaction"
          : "StoreCreditAccountExpirationTransaction",
    ).id,
    createdAt: store.now(),
    expiresAt: null,
    remaining: t.kind === "CREDIT" ? t.amount : 0,
    originTransactionId: null,
    orderId: null,
    ...t,
    balanceAfter: balanceOf(account) + t.amount,
  };
  account.transactions.push(transaction);
  shop.storeCredit.set(account.customerId, transaction.balanceAfter);
  return transaction;
}

/** The customer's account in `currency`, made on first use. */
export function accountFor(
  store: SandboxStore,
  shop: SandboxShop,
  customerId: string,
  currency = shop.currencyCode,
): SandboxStoreCreditAccount {
  let account = shop.storeCreditAccounts.find(
    (a) => a.customerId === customerId && a.currency === currency,
  );
  if (!account) {
    account = { ...store.gid("StoreCreditAccount"), customerId, currency, transactions: [] };
    shop.storeCreditAccounts.push(account);
  }
  expireDue(store, shop, account);
  return account;
}

/**
 * The account an id names: a StoreCreditAccount gid, or a Customer gid (its account in the
 * currency, made if missing). Refuses unknown owners and accounts.
 */
export function resolveAccount(
  store: SandboxStore,
  shop: SandboxShop,
  id: string,
  currency: string,
  create: boolean,
): SandboxStoreCreditAccount {
  if (id.startsWith("gid://shopify/StoreCreditAccount/")) {
    const account = shop.storeCreditAccounts.find((a) => a.id === id);
    if (!account)
      throw new CreditRefusal(["id"], "Store credit account does not exist", "ACCOUNT_NOT_FOUND");
    expireDue(store, shop, account);
    return account;
  }
  if (!shop.customers.some((c) => c.id === id))
    throw new CreditRefusal(["id"], "Owner does not exist", "OWNER_NOT_FOUND");
  const existing = shop.storeCreditAccounts.find(
    (a) => a.customerId === id && a.currency === currency,
  );
  if (!existing && !create)
    throw new CreditRefusal(["id"], "Store credit account does not exist", "ACCOUNT_NOT_FOUND");
  return accountFor(store, shop, id, currency);
}

export function creditStoreCredit(
  store: SandboxStore,
  shop: SandboxShop,
  account: SandboxStoreCreditAccount,
  input: {
    amount: number;
    expiresAt?: string | null;
    event?: StoreCreditEvent;
    originTransactionId?: string | null;
    orderId?: string | null;
    details?: Record<string, unknown>;
  },
) {
  if (input.amount <= 0)
    throw new CreditRefusal(
      ["creditInput", "creditAmount", "amount"],
      "A positive amount must be used to credit a store credit account",
      "NEGATIVE_OR_ZERO_AMOUNT",
    );
  if (input.expiresAt && Date.parse(input.expiresAt) <= store.clock())
    throw new CreditRefusal(
      ["creditInput", "expiresAt"],
      "The expiry date must be in the future",
      "EXPIRES_AT_IN_PAST",
    );
  const transaction = push(store, shop, account, {
    kind: "CREDIT",
    amount: input.amount,
    event: input.event ?? "ADJUSTMENT",
    expiresAt: input.expiresAt ?? null,
    originTransactionId: input.originTransactionId ?? null,
    orderId: input.orderId ?? null,
  });
  store.record({
    shop: shop.domain,
    kind: "store_credit",
    orderGid: input.orderId ?? null,
    amount: { amount: (input.amount / 100).toFixed(2), currencyCode: account.currency },
    details: {
      customerId: account.customerId,
      accountId: account.id,
      balance: (transaction.balanceAfter / 100).toFixed(2),
      expiresAt: input.expiresAt ?? null,
      ...input.details,
    },
  });
  return transaction;
}

/** Spends the soonest-expiring credit first, as Shopify does. */
export function debitStoreCredit(
  store: SandboxStore,
  shop: SandboxShop,
  account: SandboxStoreCreditAccount,
  amount: number,
) {
  if (amount <= 0)
    throw new CreditRefusal(
      ["debitInput", "debitAmount", "amount"],
      "A positive amount must be used to debit a store credit account",
      "NEGATIVE_OR_ZERO_AMOUNT",
    );
  if (amount > balanceOf(account))
    throw new CreditRefusal(
      ["debitInput", "debitAmount", "amount"],
      "The store credit account does not have sufficient funds to satisfy the request",
      "INSUFFICIENT_FUNDS",
    );
  const credits = account.transactions
    .filter((t) => t.kind === "CREDIT" && t.remaining > 0)
    .sort((a, b) => (a.expiresAt ?? "9999").localeCompare(b.expiresAt ?? "9999"));
  let left = amount;
  for (const c of credits) {
    const spent = Math.min(c.remaining, left);
    c.remaining -= spent;
    left -= spent;
  }
  const transaction = push(store, shop, account, {
    kind: "DEBIT",
    amount: -amount,
    event: "ADJUSTMENT",
  });
  store.record({
    shop: shop.domain,
    kind: "store_credit.debit",
    amount: { amount: (amount / 100).toFixed(2), currencyCode: account.currency },
    details: {
      customerId: account.customerId,
      accountId: account.id,
      balance: (transaction.balanceAfter / 100).toFixed(2),
    },
  });
  return transaction;
}

const CODE = /^[a-z0-9]{8,20}$/i;

export function createGiftCard(
  store: SandboxStore,
  shop: SandboxShop,
  input: {
    amount: number | null;
    currency: string;
    code?: string | null;
    customerId?: string | null;
    note?: string | null;
    expiresOn?: string | null;
  },
): SandboxGiftCard {
  const code = input.code ?? crypto.randomBytes(8).toString("hex");
  if (input.amount === null)
    throw new CreditRefusal(
      ["input", "initialAmount"],
      "Initial amount is required",
      "MISSING_ARGUMENT",
    );
  if (input.amount <= 0)
    throw new CreditRefusal(
      ["input", "initialAmount"],
      "Initial value must be greater than 0",
      "GREATER_THAN",
    );
  if (input.currency !== shop.currencyCode)
    throw new CreditRefusal(
      ["input", "initialAmount", "currencyCode"],
      `Currency must be ${shop.currencyCode}`,
      "INVALID",
    );
  if (code.length < 8)
    throw new CreditRefusal(
      ["input", "code"],
      "Code is too short (minimum is 8 characters)",
      "TOO_SHORT",
    );
  if (code.length > 20)
    throw new CreditRefusal(
      ["input", "code"],
      "Code is too long (maximum is 20 characters)",
      "TOO_LONG",
    );
  if (!CODE.test(code))
    throw new CreditRefusal(
      ["input", "code"],
      "Code can only contain letters and numbers",
      "INVALID",
    );
  if (shop.giftCards.some((g) => g.code.toLowerCase() === code.toLowerCase()))
    throw new CreditRefusal(["input", "code"], "Code has already been taken", "TAKEN");
  if (input.customerId && !shop.customers.some((c) => c.id === input.customerId))
    throw new CreditRefusal(
      ["input", "customerId"],
      "Customer could not be found",
      "CUSTOMER_NOT_FOUND",
    );
  const card: SandboxGiftCard = {
    ...store.gid("GiftCard"),
    code: code.toLowerCase(),
    currency: input.currency,
    initialValue: input.amount,
    balance: input.amount,
    customerId: input.customerId ?? null,
    note: input.note ?? null,
    expiresOn: input.expiresOn ?? null,
    createdAt: store.now(),
  };
  shop.giftCards.push(card);
  store.record({
    shop: shop.domain,
    kind: "gift_card",
    amount: { amount: (input.amount / 100).toFixed(2), currencyCode: input.currency },
    details: {
      giftCardId: card.id,
      lastCharacters: card.code.slice(-4),
      customerId: card.customerId,
      note: card.note,
      expiresOn: card.expiresOn,
    },
  });
  return card;
}

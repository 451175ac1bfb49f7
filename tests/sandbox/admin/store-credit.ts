import type { SandboxCustomer, SandboxShop, SandboxStore } from "../store";
import {
  CreditRefusal,
  balanceOf,
  createGiftCard,
  creditStoreCredit,
  debitStoreCredit,
  resolveAccount,
  type SandboxGiftCard,
  type SandboxStoreCreditAccount,
  type SandboxStoreCreditTransaction,
} from "../store-credit";
import { moneyV2, toMinor } from "./money";
import { connection } from "./connection";
import { orderObject, transactionObject } from "./orders";
import type { ResolverContext } from "./resolvers";

// Customers with their store credit accounts, store credit credits and debits, and gift cards,
// as the Admin API shows them: customer(id:), storeCreditAccount(id:), giftCard(id:),
// storeCreditAccountCredit, storeCreditAccountDebit, giftCardCreate.

type Args = Record<string, unknown>;
type MoneyInput = { amount: unknown; currencyCode: string };

function creditTransactionObject(
  store: SandboxStore,
  shop: SandboxShop,
  account: SandboxStoreCreditAccount,
  t: SandboxStoreCreditTransaction,
) {
  const money = (minor: number) => moneyV2(minor, account.currency);
  const order = t.originTransactionId
    ? shop.orders.find((o) => o.transactions.some((x) => x.id === t.originTransactionId))
    : undefined;
  const origin = order?.transactions.find((x) => x.id === t.originTransactionId);
  return {
    __typename:
      t.kind === "CREDIT"
        ? "StoreCreditAccountCreditTransaction"
        : t.kind === "DEBIT"
          ? "StoreCreditAccountDebitTransaction"
          : "StoreCreditAccountExpirationTransaction",
    id: t.id,
    amount: money(t.amount),
    balanceAfterTransaction: money(t.balanceAfter),
    createdAt: t.createdAt,
    expiresAt: t.expiresAt,
    remainingAmount: money(t.remaining),
    event: t.event,
    origin: order && origin ? transactionObject(order, origin, store.clock()) : null,
    account: () => storeCreditAccountObject(store, shop, account),
  };
}

export function storeCreditAccountObject(
  store: SandboxStore,
  shop: SandboxShop,
  account: SandboxStoreCreditAccount,
) {
  const customer = shop.customers.find((c) => c.id === account.customerId)!;
  return {
    __typename: "StoreCreditAccount",
    id: account.id,
    balance: moneyV2(balanceOf(account), account.currency),
    owner: () => customerObject(shop, customer, store),
    transactions: (args: Args) => {
      const all = [...account.transactions].reverse();
      const nodes = all
        .slice(0, Number(args.first ?? 50))
        .map((t) => creditTransactionObject(store, shop, account, t));
      return {
        __typename: "StoreCreditAccountTransactionConnection",
        nodes,
        pageInfo: { __typename: "PageInfo", hasNextPage: nodes.length < all.length },
      };
    },
  };
}

export function customerObject(shop: SandboxShop, customer: SandboxCustomer, store?: SandboxStore) {
  return {
    __typename: "Customer",
    id: customer.id,
    legacyResourceId: customer.legacyId,
    email: customer.email,
    firstName: customer.firstName,
    lastName: customer.lastName,
    displayName: `${customer.firstName} ${customer.lastName}`,
    // The merchant's own record of a known size, as stores keep it: a tag such as "size:8 Medium".
    tags: customer.confirmedSize ? [`size:${customer.confirmedSize.replace(" / ", " ")}`] : [],
    defaultAddress: { __typename: "MailingAddress", countryCodeV2: customer.country },
    // Oldest first, as Shopify lists them; `reverse: true` gives the newest first.
    orders: (args: Args, context: ResolverContext) => {
      const s = store ?? context.store;
      const mine = shop.orders.filter((o) => o.customerId === customer.id);
      return connection(
        "Order",
        mine.map((o) => orderObject(shop, o, s.clock())),
        args,
      );
    },
    storeCreditAccounts: (args: Args, context: ResolverContext) => {
      const s = store ?? context.store;
      const accounts = shop.storeCreditAccounts.filter((a) => a.customerId === customer.id);
      const nodes = accounts
        .slice(0, Number(args.first ?? 50))
        .map((a) =>
          storeCreditAccountObject(s, shop, resolveAccount(s, shop, a.id, a.currency, false)),
        );
      return {
        __typename: "StoreCreditAccountConnection",
        nodes,
        pageInfo: { __typename: "PageInfo", hasNextPage: nodes.length < accounts.length },
      };
    },
  };
}

export function giftCardObject(shop: SandboxShop, card: SandboxGiftCard) {
  const customer = shop.customers.find((c) => c.id === card.customerId);
  return {
    __typename: "GiftCard",
    id: card.id,
    balance: moneyV2(card.balance, card.currency),
    initialValue: moneyV2(card.initialValue, card.currency),
    lastCharacters: card.code.slice(-4),
    maskedCode: `•••• •••• •••• ${card.code.slice(-4)}`,
    enabled: true,
    deactivatedAt: null,
    expiresOn: card.expiresOn,
    note: card.note,
    createdAt: card.createdAt,
    updatedAt: card.createdAt,
    customer: customer ? customerObject(shop, customer) : null,
    order: null,
  };
}

const refusal = (error: unknown) => {
  if (!(error instanceof CreditRefusal)) throw error;
  return [{ field: error.field, message: error.message, code: error.code }];
};

export const storeCreditQueryResolvers = {
  customer: (args: Args, { shop }: ResolverContext) => {
    const customer = shop.customers.find((c) => c.id === args.id);
    return customer ? customerObject(shop, customer) : null;
  },
  /**
   * Customer search, the part the app uses: `tag:<value>` or `email:<value>` terms (whole value,
   * any case), joined by OR; anything else reads every customer.
   */
  customers: (args: Args, { shop, store }: ResolverContext) => {
    const terms = String(args.query ?? "")
      .trim()
      .split(/\s+OR\s+/)
      .map((t) => /^(tag|email):(?:'((?:[^'\\]|\\.)*)'|"([^"]*)"|(\S+))$/.exec(t));
    const wanted = terms.every((t) => t !== null)
      ? terms.map((t) => ({
          field: t![1],
          value: (t![2]?.replace(/\\(.)/g, "$1") ?? t![3] ?? t![4] ?? "").toLowerCase(),
        }))
      : null;
    const all = shop.customers
      .map((c) => customerObject(shop, c, store))
      .filter(
        (c) =>
          wanted === null ||
          wanted.some(({ field, value }) =>
            field === "tag"
              ? c.tags.some((tag) => tag.toLowerCase() === value)
              : c.email.toLowerCase() === value,
          ),
      );
    return connection("Customer", all, args);
  },
  storeCreditAccount: (args: Args, { shop, store }: ResolverContext) => {
    const account = shop.storeCreditAccounts.find((a) => a.id === args.id);
    return account
      ? storeCreditAccountObject(
          store,
          shop,
          resolveAccount(store, shop, account.id, account.currency, false),
        )
      : null;
  },
  giftCard: (args: Args, { shop }: ResolverContext) => {
    const card = shop.giftCards.find((g) => g.id === args.id);
    return card ? giftCardObject(shop, card) : null;
  },
};

export const storeCreditMutationResolvers = {
  storeCreditAccountCredit: (args: Args, { shop, store }: ResolverContext) => {
    const input = args.creditInput as { creditAmount: MoneyInput; expiresAt?: string | null };
    try {
      const currency = input.creditAmount.currencyCode;
      // The sandbox keeps accounts in the shop's currency only.
      if (currency !== shop.currencyCode)
        throw new CreditRefusal(
          ["creditInput", "creditAmount", "currencyCode"],
          `Currency must be ${shop.currencyCode}`,
          "MISMATCHING_CURRENCY",
        );
      const account = resolveAccount(store, shop, String(args.id), currency, true);
      const t = creditStoreCredit(store, shop, account, {
        amount: toMinor(input.creditAmount.amount, "creditAmount"),
        expiresAt: input.expiresAt ?? null,
      });
      return {
        storeCreditAccountTransaction: creditTransactionObject(store, shop, account, t),
        userErrors: [],
      };
    } catch (error) {
      return { storeCreditAccountTransaction: null, userErrors: refusal(error) };
    }
  },
  storeCreditAccountDebit: (args: Args, { shop, store }: ResolverContext) => {
    const input = args.debitInput as { debitAmount: MoneyInput };
    try {
      const currency = input.debitAmount.currencyCode;
      const account = resolveAccount(store, shop, String(args.id), currency, false);
      if (currency !== account.currency)
        throw new CreditRefusal(
          ["debitInput", "debitAmount", "currencyCode"],
          `Currency must be ${account.currency}`,
          "MISMATCHING_CURRENCY",
        );
      const t = debitStoreCredit(
        store,
        shop,
        account,
        toMinor(input.debitAmount.amount, "debitAmount"),
      );
      return {
        storeCreditAccountTransaction: creditTransactionObject(store, shop, account, t),
        userErrors: [],
      };
    } catch (error) {
      return { storeCreditAccountTransaction: null, userErrors: refusal(error) };
    }
  },
  giftCardCreate: (args: Args, { shop, store }: ResolverContext) => {
    const input = args.input as {
      initialAmount?: MoneyInput | null;
      initialValue?: unknown;
      code?: string | null;
      customerId?: string | null;
      note?: string | null;
      expiresOn?: string | null;
    };
    try {
      const given = input.initialAmount?.amount ?? input.initialValue;
      const card = createGiftCard(store, shop, {
        amount: given === undefined || given === null ? null : toMinor(given, "initialAmount"),
        currency: input.initialAmount?.currencyCode ?? shop.currencyCode,
        code: input.code ?? null,
        customerId: input.customerId ?? null,
        note: input.note ?? null,
        expiresOn: input.expiresOn ?? null,
      });
      return { giftCard: giftCardObject(shop, card), giftCardCode: card.code, userErrors: [] };
    } catch (error) {
      return { giftCard: null, giftCardCode: null, userErrors: refusal(error) };
    }
  },
};

import { moneyV2, toMinor } from "./orders";
import type { SandboxDiscountCode } from "../store";
import type { ResolverContext } from "./resolvers";

// Discount codes and store credit, the app's tools for referral rewards and returns:
// discountCodeBasicCreate (fixed amount or percentage, usage limits, customer context) and
// storeCreditAccountCredit (a customer's account in the shop's currency).

type Args = Record<string, unknown>;

export interface BasicCodeInput {
  title?: string | null;
  code?: string | null;
  usageLimit?: number | null;
  appliesOncePerCustomer?: boolean | null;
  context?: { customers?: { add?: string[] | null } | null } | null;
  customerGets?: {
    value?: {
      percentage?: number | null;
      discountAmount?: { amount?: unknown; appliesOnEachItem?: boolean | null } | null;
    } | null;
  } | null;
}

type DiscountError = { field: string[]; message: string; code: string };

/**
 * Creates a code with Shopify's validation; the Admin mutation (the app's codes, on the ledger)
 * and the control API (codes a merchant made by hand) both go through here.
 */
export function createDiscountCode(
  store: ResolverContext["store"],
  shop: ResolverContext["shop"],
  input: BasicCodeInput,
): { discount: SandboxDiscountCode; errors: [] } | { discount: null; errors: DiscountError[] } {
  const errors: DiscountError[] = [];
  const code = (input.code ?? "").trim();
  if (!code)
    errors.push({
      field: ["basicCodeDiscount", "code"],
      message: "Code can't be blank",
      code: "BLANK",
    });
  if (shop.discountCodes.some((d) => d.code.toLowerCase() === code.toLowerCase()))
    errors.push({
      field: ["basicCodeDiscount", "code"],
      message: "Code must be unique. Please try a different code.",
      code: "TAKEN",
    });
  const value = input.customerGets?.value;
  const percentage = value?.percentage ?? null;
  const amount = value?.discountAmount?.amount;
  if (percentage === null && amount === undefined)
    errors.push({
      field: ["basicCodeDiscount", "customerGets", "value"],
      message: "Value must be a percentage or an amount",
      code: "BLANK",
    });
  if (percentage !== null && (percentage <= 0 || percentage > 1))
    errors.push({
      field: ["basicCodeDiscount", "customerGets", "value", "percentage"],
      message: "Percentage must be between 0 and 1",
      code: "VALUE_OUTSIDE_RANGE",
    });
  if (errors.length > 0) return { discount: null, errors };
  const discount: SandboxDiscountCode = {
    id: store.gid("DiscountCodeNode").id,
    code,
    title: input.title ?? code,
    amountOff: amount !== undefined ? toMinor(amount, "amount") : null,
    percentOff: percentage !== null ? Math.round(percentage * 10_000) / 100 : null,
    usageLimit: input.usageLimit ?? null,
    appliesOncePerCustomer: input.appliesOncePerCustomer === true,
    customerIds: input.context?.customers?.add ?? null,
    usedBy: [],
  };
  shop.discountCodes.push(discount);
  return { discount, errors: [] };
}

export const rewardMutationResolvers = {
  discountCodeBasicCreate: (args: Args, { shop, store }: ResolverContext) => {
    const created = createDiscountCode(store, shop, args.basicCodeDiscount as BasicCodeInput);
    if (!created.discount) return { codeDiscountNode: null, userErrors: created.errors };
    const { discount } = created;
    const code = discount.code;
    store.record({
      shop: shop.domain,
      kind: "discount_code",
      amount:
        discount.amountOff !== null
          ? { amount: (discount.amountOff / 100).toFixed(2), currencyCode: shop.currencyCode }
          : null,
      details: {
        code,
        percentOff: discount.percentOff,
        usageLimit: discount.usageLimit,
        customers: discount.customerIds,
      },
    });
    return {
      codeDiscountNode: { __typename: "DiscountCodeNode", id: discount.id },
      userErrors: [],
    };
  },
  storeCreditAccountCredit: (args: Args, { shop, store }: ResolverContext) => {
    const id = String(args.id);
    const input = args.creditInput as {
      creditAmount: { amount: unknown; currencyCode: string };
      expiresAt?: string | null;
    };
    const customer = shop.customers.find((c) => c.id === id);
    const errors: { field: string[]; message: string; code: string }[] = [];
    if (!customer)
      errors.push({ field: ["id"], message: "Owner does not exist", code: "ACCOUNT_NOT_FOUND" });
    if (input.creditAmount.currencyCode !== shop.currencyCode)
      errors.push({
        field: ["creditInput", "creditAmount", "currencyCode"],
        message: `Currency must be ${shop.currencyCode}`,
        code: "MISMATCHING_CURRENCY",
      });
    const amount = errors.length === 0 ? toMinor(input.creditAmount.amount, "creditAmount") : 0;
    if (errors.length === 0 && amount <= 0)
      errors.push({
        field: ["creditInput", "creditAmount", "amount"],
        message: "A positive amount must be used to credit a store credit account",
        code: "NEGATIVE_OR_ZERO_AMOUNT",
      });
    if (errors.length > 0 || !customer)
      return { storeCreditAccountTransaction: null, userErrors: errors };
    const balance = (shop.storeCredit.get(customer.id) ?? 0) + amount;
    shop.storeCredit.set(customer.id, balance);
    store.record({
      shop: shop.domain,
      kind: "store_credit",
      amount: { amount: (amount / 100).toFixed(2), currencyCode: shop.currencyCode },
      details: {
        customerId: customer.id,
        balance: (balance / 100).toFixed(2),
        expiresAt: input.expiresAt ?? null,
      },
    });
    return {
      storeCreditAccountTransaction: {
        __typename: "StoreCreditAccountCreditTransaction",
        amount: moneyV2(amount, shop.currencyCode),
        balanceAfterTransaction: moneyV2(balance, shop.currencyCode),
        createdAt: store.now(),
      },
      userErrors: [],
    };
  },
};

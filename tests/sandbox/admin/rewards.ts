import { toMinor } from "./money";
import type { SandboxDiscountCode } from "../store";
import type { ResolverContext } from "./resolvers";

// Discount codes, the app's tool for referral rewards: discountCodeBasicCreate (fixed amount or
// percentage, usage limits, customer context). Store credit is in store-credit.ts.

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
};

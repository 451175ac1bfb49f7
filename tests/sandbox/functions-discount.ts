import { discountStatus } from "./admin/app-discounts";
import { functionCartLines, metafieldResolver, runFunction, type CheckoutCart } from "./functions";
import type { SandboxAppDiscount, SandboxShop } from "./store";

// App discounts at the sandbox's checkout, as Shopify runs them: a code backed by an app code
// discount runs its Function with that code as `triggeringDiscountCode`; every active automatic
// app discount runs with no triggering code and sees the entered codes, and may reject them with
// a message (what the shopper reads under the code field). Order discount candidates are priced
// here: fixed amounts capped at the subtotal, percentages rounded to the cent, conditions checked.

export interface DiscountCart extends CheckoutCart {
  customerId: string | null;
  email: string | null;
  attributes: { key: string; value: string }[];
  /** The code entered (or carried by /discount/<code>). */
  code: string;
}

export type AppDiscountOutcome =
  | {
      applied: true;
      discount: SandboxAppDiscount;
      code: string;
      amount: number;
      message: string | null;
    }
  | { applied: false; message: string };

type Candidate = {
  targets: { orderSubtotal?: { excludedCartLineIds: string[] } }[];
  value: { fixedAmount?: { amount: string }; percentage?: { value: string | number } };
  conditions?: {
    orderMinimumSubtotal?: { minimumAmount: string; excludedCartLineIds: string[] };
  }[];
  message?: string | null;
};
type Operation = {
  orderDiscountsAdd?: { selectionStrategy: string; candidates: Candidate[] };
  enteredDiscountCodesReject?: { codes: { code: string }[]; message: string };
};

const minor = (decimal: string) => Math.round(Number(decimal) * 100);

function root(
  shop: SandboxShop,
  d: SandboxAppDiscount,
  cart: DiscountCart,
  triggering: string | null,
) {
  const customer = shop.customers.find((c) => c.id === cart.customerId) ?? null;
  return {
    triggeringDiscountCode: triggering,
    enteredDiscountCodes: [{ code: cart.code, rejectable: true }],
    discount: { discountClasses: d.discountClasses, metafield: metafieldResolver(d.metafields) },
    cart: {
      lines: functionCartLines(shop, cart),
      attribute: (args: Record<string, unknown>) => {
        const a = cart.attributes.find((x) => x.key === args.key);
        return a ? { key: a.key, value: a.value } : null;
      },
      buyerIdentity: {
        email: cart.email,
        isAuthenticated: customer !== null,
        customer: customer && {
          id: customer.id,
          numberOfOrders: shop.orders.filter((o) => o.customerId === customer.id).length,
          metafield: (args: Record<string, unknown>) => {
            const m = shop.metafields.get(
              `${customer.id}|${String(args.namespace)}|${String(args.key)}`,
            );
            return m ? { type: m.type, value: m.value, jsonValue: m.value } : null;
          },
        },
      },
    },
  };
}

function price(
  candidates: Candidate[],
  subtotalOf: (excluded: string[]) => number,
): { amount: number; message: string | null } | null {
  for (const c of candidates) {
    const min = c.conditions?.find((x) => x.orderMinimumSubtotal)?.orderMinimumSubtotal;
    if (min && subtotalOf(min.excludedCartLineIds) < minor(min.minimumAmount)) continue;
    const base = subtotalOf(c.targets[0]?.orderSubtotal?.excludedCartLineIds ?? []);
    const amount = c.value.fixedAmount
      ? Math.min(minor(c.value.fixedAmount.amount), base)
      : Math.round((base * Number(c.value.percentage?.value ?? 0)) / 100);
    return { amount, message: c.message ?? null };
  }
  return null;
}

export async function runCheckoutDiscounts(
  shop: SandboxShop,
  cart: DiscountCart,
  now: string,
): Promise<AppDiscountOutcome | null> {
  const active = shop.appDiscounts.filter((d) => discountStatus(d, now) === "ACTIVE");
  const wanted = cart.code.trim().toLowerCase();
  const codeDiscount = active.find(
    (d) => d.kind === "code" && d.codes.some((c) => c.code.toLowerCase() === wanted),
  );
  if (!codeDiscount) return null;
  const code = codeDiscount.codes.find((c) => c.code.toLowerCase() === wanted)!;
  // Automatic app discounts first: a code they reject never applies, and the shopper reads why.
  for (const automatic of active.filter((d) => d.kind === "automatic")) {
    const result = await runFunction<{ operations: Operation[] }>(
      automatic.functionHandle,
      root(shop, automatic, cart, null),
    );
    const reject = result.operations.find((o) =>
      o.enteredDiscountCodesReject?.codes.some((c) => c.code.toLowerCase() === wanted),
    );
    if (reject) return { applied: false, message: reject.enteredDiscountCodesReject!.message };
  }
  if (
    codeDiscount.appliesOncePerCustomer &&
    cart.customerId &&
    code.usedBy.includes(cart.customerId)
  )
    return { applied: false, message: `${code.code} has already been used` };
  const result = await runFunction<{ operations: Operation[] }>(
    codeDiscount.functionHandle,
    root(shop, codeDiscount, cart, code.code),
  );
  const lines = functionCartLines(shop, cart);
  const subtotalOf = (excluded: string[]) =>
    lines
      .filter((l) => !excluded.includes(l.id))
      .reduce((sum, l) => sum + minor(l.cost.subtotalAmount.amount), 0);
  const candidates = result.operations.flatMap((o) => o.orderDiscountsAdd?.candidates ?? []);
  const priced = price(candidates, subtotalOf);
  if (!priced || priced.amount <= 0)
    return {
      applied: false,
      message: `${code.code} discount code isn't valid for the items in your cart`,
    };
  code.usedBy.push(cart.customerId ?? cart.email ?? "guest");
  return {
    applied: true,
    discount: codeDiscount,
    code: code.code,
    amount: priced.amount,
    message: priced.message,
  };
}

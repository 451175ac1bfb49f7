import type {
  CartLinesDiscountsGenerateRunResult,
  CartOperation,
  RunInputQuery,
} from "../generated/api";

// The friend's referral reward at checkout. Run by two discounts the app makes on this Function:
//  - the code discount (triggeringDiscountCode = a referrer's code): the reward off the order
//    subtotal, for a new customer only, from the minimum up — or nothing;
//  - the automatic discount (no triggering code): no reward of its own; it rejects an entered
//    referral code that will not apply, with the reason the shopper reads (only an automatic
//    discount may reject codes). Both decide with the same `refusal`, so they never disagree.
// A guest is unknown here (no customer, only an email at best): the app checks the order again
// at orders/create. Rules come from the discount's metafield, written by the app from the policy.

export interface ReferralRules {
  /** Every referral code the app issues matches it (app/features/referrals/domain/codes.ts). */
  codePattern: string;
  reward: { kind: "amount"; amount: string } | { kind: "percent"; percent: number };
  /** Merchandise subtotal (gift cards excluded) the order must reach, e.g. "50.00". */
  minimumSubtotal: string;
  policyVersion: number;
  messages: Record<"applied" | "existingCustomer" | "ownCode" | "underMinimum", string>;
}

type Refusal = "existingCustomer" | "ownCode" | "underMinimum";
const EMPTY: CartLinesDiscountsGenerateRunResult = { operations: [] };

function parseRules(value: unknown): ReferralRules | null {
  if (!value || typeof value !== "object") return null;
  const r = value as Partial<ReferralRules>;
  if (typeof r.codePattern !== "string" || !r.reward || typeof r.minimumSubtotal !== "string")
    return null;
  if (!r.messages || typeof r.messages !== "object") return null;
  return r as ReferralRules;
}

/** "245.5" → 24550 in hundredths, exact (no float): amounts here have at most 2 decimals. */
function hundredths(decimal: string): number {
  const [whole = "0", fraction = ""] = decimal.trim().split(".");
  return Number(whole) * 100 + Number(fraction.padEnd(2, "0").slice(0, 2));
}

const normalize = (code: string) => code.trim().toUpperCase().replace(/\s+/g, "");

function giftCardLine(line: RunInputQuery["cart"]["lines"][number]): boolean {
  return line.merchandise.__typename === "ProductVariant" && line.merchandise.product.isGiftCard;
}

function refusal(input: RunInputQuery, rules: ReferralRules, code: string): Refusal | null {
  const customer = input.cart.buyerIdentity?.customer;
  if (customer?.ownCode && normalize(customer.ownCode.value) === normalize(code)) return "ownCode";
  if (customer && customer.numberOfOrders > 0) return "existingCustomer";
  const subtotal = input.cart.lines
    .filter((l) => !giftCardLine(l))
    .reduce((sum, l) => sum + hundredths(l.cost.subtotalAmount.amount), 0);
  if (subtotal === 0 || subtotal < hundredths(rules.minimumSubtotal)) return "underMinimum";
  return null;
}

function reward(input: RunInputQuery, rules: ReferralRules): CartOperation {
  const excluded = input.cart.lines.filter(giftCardLine).map((l) => l.id);
  return {
    orderDiscountsAdd: {
      selectionStrategy: "FIRST",
      candidates: [
        {
          targets: [{ orderSubtotal: { excludedCartLineIds: excluded } }],
          value:
            rules.reward.kind === "amount"
              ? { fixedAmount: { amount: rules.reward.amount } }
              : { percentage: { value: String(rules.reward.percent) } },
          conditions: [
            {
              orderMinimumSubtotal: {
                minimumAmount: rules.minimumSubtotal,
                excludedCartLineIds: excluded,
              },
            },
          ],
          message: rules.messages.applied,
        },
      ],
    },
  };
}

export function run(input: RunInputQuery): CartLinesDiscountsGenerateRunResult {
  const rules = parseRules(input.discount.rules?.jsonValue);
  if (!rules || !input.discount.discountClasses.includes("ORDER")) return EMPTY;
  const pattern = new RegExp(rules.codePattern);
  const code = input.triggeringDiscountCode;
  if (code) {
    if (!pattern.test(normalize(code)) || refusal(input, rules, code)) return EMPTY;
    return { operations: [reward(input, rules)] };
  }
  const rejected = new Map<Refusal, string[]>();
  for (const entered of input.enteredDiscountCodes) {
    if (!entered.rejectable || !pattern.test(normalize(entered.code))) continue;
    const why = refusal(input, rules, entered.code);
    if (why) rejected.set(why, [...(rejected.get(why) ?? []), entered.code]);
  }
  return {
    operations: [...rejected].map(([why, codes]) => ({
      enteredDiscountCodesReject: {
        codes: codes.map((c) => ({ code: c })),
        message: rules.messages[why],
      },
    })),
  };
}

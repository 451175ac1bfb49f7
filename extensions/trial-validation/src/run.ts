import type { CartValidationsGenerateRunResult, RunInputQuery } from "../generated/api";

// A trial cart must stay within the trial policy: shipped to a trial country, at most the pair
// limit on the trial option, and no regular items alongside unless the policy allows it. Rules
// come from the validation's metafield (written by the app from the policy); without rules the
// function lets checkout through rather than block every sale on a misconfiguration.

export interface TrialRules {
  countries: string[];
  maxPairs: number;
  allowRegularItemsInTrialCart: boolean;
  /**
   * The products the policy offers the trial on: these ids, or a tag in the input variable
   * `trialTags` (the product's `trialTagged`). Absent (rules written before): not checked.
   */
  eligibleProductIds?: string[] | null;
  /** The box fee's variant: one per trial cart, and never on its own. */
  feeVariantId?: string | null;
  messages?: Partial<Record<"country" | "maxPairs" | "mixed" | "fee" | "eligible", string>>;
}

type Line = RunInputQuery["cart"]["lines"][number];

function isTrialLine(line: Line): boolean {
  return line.sellingPlanAllocation?.sellingPlan.trialMarker?.value === "true";
}

function parseRules(value: unknown): TrialRules | null {
  if (!value || typeof value !== "object") return null;
  const rules = value as Partial<TrialRules>;
  if (!Array.isArray(rules.countries) || typeof rules.maxPairs !== "number") return null;
  return {
    countries: rules.countries.map(String),
    maxPairs: rules.maxPairs,
    allowRegularItemsInTrialCart: rules.allowRegularItemsInTrialCart === true,
    feeVariantId: typeof rules.feeVariantId === "string" ? rules.feeVariantId : null,
    eligibleProductIds: Array.isArray(rules.eligibleProductIds)
      ? rules.eligibleProductIds.map(String)
      : null,
    messages: rules.messages ?? {},
  };
}

function isFeeLine(line: Line, rules: TrialRules): boolean {
  return (
    rules.feeVariantId !== null &&
    line.merchandise.__typename === "ProductVariant" &&
    line.merchandise.id === rules.feeVariantId
  );
}

type ValidationError = { message: string; target: string };

/**
 * Made-to-order: a size the app marked sold out (variant metafield made_to_order_only, kept in
 * step with stock by the app) is only sold on the made-to-order option, whatever the theme does.
 */
function madeToOrderErrors(input: RunInputQuery): ValidationError[] {
  return input.cart.lines.flatMap((line, i) => {
    const variant = line.merchandise.__typename === "ProductVariant" ? line.merchandise : null;
    if (variant?.madeToOrderOnly?.value !== "true") return [];
    if (line.sellingPlanAllocation?.sellingPlan.madeToOrderMarker?.value === "true") return [];
    return [
      {
        message: `${variant.product.title} in ${variant.title ?? "this size"} is sold out: choose "Made to order" on its product page.`,
        target: `$.cart.lines[${i}].quantity`,
      },
    ];
  });
}

export function run(input: RunInputQuery): CartValidationsGenerateRunResult {
  const errors = [...madeToOrderErrors(input), ...trialErrors(input)];
  return errors.length > 0 ? { operations: [{ validationAdd: { errors } }] } : { operations: [] };
}

function trialErrors(input: RunInputQuery): ValidationError[] {
  const rules = parseRules(input.validation.rules?.jsonValue);
  if (!rules) return [];
  const trialLines = input.cart.lines.filter(isTrialLine);
  const feeQuantity = input.cart.lines
    .filter((line) => isFeeLine(line, rules))
    .reduce((sum, line) => sum + line.quantity, 0);
  if (trialLines.length === 0)
    return feeQuantity > 0
      ? [
          {
            message:
              "The home trial box fee goes with trial pairs: remove it or add a pair to try.",
            target: "$.cart",
          },
        ]
      : [];
  const errors: ValidationError[] = [...ineligibleErrors(input, rules)];
  if (rules.feeVariantId && feeQuantity !== 1)
    errors.push({
      message:
        rules.messages?.fee ??
        (feeQuantity === 0
          ? "Your home trial needs its trial box fee in the cart: add the pairs again from the product page."
          : "One trial box fee covers the whole box: keep just one."),
      target: "$.cart",
    });

  const pairs = trialLines.reduce((sum, line) => sum + line.quantity, 0);
  if (pairs > rules.maxPairs)
    errors.push({
      message:
        rules.messages?.maxPairs ??
        `A trial box holds up to ${rules.maxPairs} pairs. Remove ${pairs - rules.maxPairs} to continue.`,
      target: "$.cart",
    });

  const regular = input.cart.lines.filter((line) => !isTrialLine(line) && !isFeeLine(line, rules));
  if (regular.length > 0 && !rules.allowRegularItemsInTrialCart)
    errors.push({
      message:
        rules.messages?.mixed ??
        "Trial pairs check out on their own: please buy the other items in a separate order.",
      target: "$.cart",
    });

  // The address is known from the shipping step on; before that there is nothing to check yet.
  const countries = input.cart.deliveryGroups
    .map((group) => group.deliveryAddress?.countryCode)
    .filter((code): code is NonNullable<typeof code> => Boolean(code));
  const outside = countries.filter((code) => !rules.countries.includes(code));
  if (outside.length > 0)
    errors.push({
      message:
        rules.messages?.country ??
        `The home trial ships to ${rules.countries.join(", ")} only. Choose another address or buy the pairs outright.`,
      target: "$.cart.deliveryGroups[0].deliveryAddress.countryCode",
    });

  return errors;
}

/** A trial line on a product the policy does not offer the trial on (a forged cart). */
function ineligibleErrors(input: RunInputQuery, rules: TrialRules): ValidationError[] {
  const ids = rules.eligibleProductIds;
  if (!ids) return [];
  return input.cart.lines.flatMap((line, i) => {
    if (!isTrialLine(line) || line.merchandise.__typename !== "ProductVariant") return [];
    const { product } = line.merchandise;
    if (ids.includes(product.id) || product.trialTagged) return [];
    return [
      {
        message:
          rules.messages?.eligible ??
          `${product.title} can't be tried at home: remove it from the trial or buy it outright.`,
        target: `$.cart.lines[${i}].quantity`,
      },
    ];
  });
}

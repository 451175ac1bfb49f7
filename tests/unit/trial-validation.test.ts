import fs from "node:fs";
import path from "node:path";
import { buildSchema, parse, validate } from "graphql";
import { describe, expect, it } from "vitest";
import type { RunInputQuery } from "../../extensions/trial-validation/generated/api";
import { run, type TrialRules } from "../../extensions/trial-validation/src/run";

// The trial validation Function, pure: input as Shopify would send it for the committed input
// query, output as Shopify expects it.

const dir = path.resolve(import.meta.dirname, "../../extensions/trial-validation");
const RULES: TrialRules = { countries: ["US"], maxPairs: 2, allowRegularItemsInTrialCart: false };

function line(id: number, trial: boolean, quantity = 1): RunInputQuery["cart"]["lines"][number] {
  return {
    id: `gid://shopify/CartLine/${id}`,
    quantity,
    sellingPlanAllocation: trial
      ? { sellingPlan: { id: "gid://shopify/SellingPlan/1", trialMarker: { value: "true" } } }
      : null,
    merchandise: {
      __typename: "ProductVariant",
      id: `gid://shopify/ProductVariant/${id}`,
      title: "7.5 / Medium",
      product: {
        id: `gid://shopify/Product/${id}`,
        title: "Little Black Heels",
        trialTagged: true,
      },
    },
  };
}

function input(
  lines: RunInputQuery["cart"]["lines"],
  country: string | null = "US",
  rules: unknown = RULES,
): RunInputQuery {
  return {
    buyerJourney: { step: "CHECKOUT_INTERACTION" },
    cart: {
      lines,
      deliveryGroups: [{ deliveryAddress: country ? { countryCode: country as never } : null }],
    },
    validation: { rules: rules === null ? null : { jsonValue: rules } },
  };
}

const messages = (result: ReturnType<typeof run>) =>
  result.operations.flatMap((o) => o.validationAdd?.errors.map((e) => e.message) ?? []);

describe("trial validation function", () => {
  it("lets a trial cart within the policy through, and ignores carts without trial lines", () => {
    expect(run(input([line(1, true), line(2, true)]))).toEqual({ operations: [] });
    expect(run(input([line(1, false, 5)], "FR"))).toEqual({ operations: [] });
  });

  it("blocks a trial line on a product the policy does not offer the trial on (a forged cart)", () => {
    const flat = line(3, true);
    if (flat.merchandise.__typename === "ProductVariant")
      flat.merchandise.product = {
        id: "gid://shopify/Product/3",
        title: "Forever Flat",
        trialTagged: false,
      };
    const rules = { ...RULES, eligibleProductIds: ["gid://shopify/Product/9"] };
    const result = run(input([line(1, true), flat], "US", rules));
    expect(messages(result)).toEqual([
      "Forever Flat can't be tried at home: remove it from the trial or buy it outright.",
    ]);
    expect(result.operations[0]?.validationAdd?.errors[0]?.target).toBe("$.cart.lines[1].quantity");
    // Chosen by id rather than by tag: eligible.
    const chosen = { ...rules, eligibleProductIds: ["gid://shopify/Product/3"] };
    expect(run(input([line(1, true), flat], "US", chosen))).toEqual({ operations: [] });
    // Rules written before eligibility was part of them: not checked.
    expect(run(input([line(1, true), flat]))).toEqual({ operations: [] });
  });

  it("blocks shipping outside the trial countries, naming them", () => {
    expect(messages(run(input([line(1, true)], "CA")))).toEqual([
      "The home trial ships to US only. Choose another address or buy the pairs outright.",
    ]);
    expect(run(input([line(1, true)], "CA")).operations[0]?.validationAdd?.errors[0]?.target).toBe(
      "$.cart.deliveryGroups[0].deliveryAddress.countryCode",
    );
    // Before the shopper has given an address there is nothing to check.
    expect(run(input([line(1, true)], null))).toEqual({ operations: [] });
  });

  it("blocks more pairs than the box holds, counting quantities", () => {
    expect(messages(run(input([line(1, true, 2), line(2, true)])))).toEqual([
      "A trial box holds up to 2 pairs. Remove 1 to continue.",
    ]);
  });

  it("blocks regular items mixed in unless the policy allows them", () => {
    expect(messages(run(input([line(1, true), line(2, false)])))).toEqual([
      "Trial pairs check out on their own: please buy the other items in a separate order.",
    ]);
    expect(
      run(
        input([line(1, true), line(2, false)], "US", {
          ...RULES,
          allowRegularItemsInTrialCart: true,
        }),
      ),
    ).toEqual({
      operations: [],
    });
  });

  it("reports every broken rule at once and uses the merchant's wording when set", () => {
    const result = run(
      input([line(1, true, 3), line(2, false)], "GB", {
        ...RULES,
        messages: { country: "US addresses only, sorry!" },
      }),
    );
    expect(messages(result)).toHaveLength(3);
    expect(messages(result)).toContain("US addresses only, sorry!");
  });

  it("does not block sales when its rules are missing or malformed", () => {
    expect(run(input([line(1, true, 9)], "GB", null))).toEqual({ operations: [] });
    expect(run(input([line(1, true, 9)], "GB", { countries: "US" }))).toEqual({ operations: [] });
  });

  it("has an input query that validates against the committed Function schema", () => {
    const schema = buildSchema(fs.readFileSync(path.join(dir, "schema.graphql"), "utf8"));
    const query = parse(fs.readFileSync(path.join(dir, "src/run.graphql"), "utf8"));
    expect(validate(schema, query).map((e) => e.message)).toEqual([]);
  });

  it("requires exactly one box fee line beside trial pairs when the policy has a fee, and never alone", () => {
    const FEE = "gid://shopify/ProductVariant/999";
    const rules = { ...RULES, feeVariantId: FEE };
    const fee = (quantity = 1) => ({
      ...line(999, false, quantity),
      merchandise: { ...line(999, false).merchandise, id: FEE },
    });
    expect(run(input([line(1, true), fee()], "US", rules))).toEqual({ operations: [] });
    expect(messages(run(input([line(1, true)], "US", rules)))).toEqual([
      "Your home trial needs its trial box fee in the cart: add the pairs again from the product page.",
    ]);
    expect(messages(run(input([line(1, true), fee(2)], "US", rules)))).toEqual([
      "One trial box fee covers the whole box: keep just one.",
    ]);
    expect(messages(run(input([fee()], "US", rules)))).toEqual([
      "The home trial box fee goes with trial pairs: remove it or add a pair to try.",
    ]);
  });

  it("sells a size marked made-to-order-only on the made-to-order option only, with or without trial rules", () => {
    const soldOut = (plan: "none" | "mto" | "trial") => {
      const base = line(7, plan === "trial");
      return {
        ...base,
        sellingPlanAllocation:
          plan === "mto"
            ? {
                sellingPlan: {
                  id: "gid://shopify/SellingPlan/2",
                  madeToOrderMarker: { value: "true" },
                },
              }
            : base.sellingPlanAllocation,
        merchandise: { ...base.merchandise, madeToOrderOnly: { value: "true" } },
      } as RunInputQuery["cart"]["lines"][number];
    };
    const refusal =
      'Little Black Heels in 7.5 / Medium is sold out: choose "Made to order" on its product page.';
    expect(messages(run(input([soldOut("none")], "US", null)))).toEqual([refusal]);
    expect(messages(run(input([soldOut("trial")])))).toContain(refusal);
    expect(messages(run(input([soldOut("mto")], "US", null)))).toEqual([]);
    // In stock (no marker): no made-to-order rule applies.
    expect(messages(run(input([line(8, false)], "US", null)))).toEqual([]);
  });
});

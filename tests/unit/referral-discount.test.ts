import fs from "node:fs";
import path from "node:path";
import { buildSchema, coerceInputValue, parse, validate, type GraphQLInputType } from "graphql";
import { describe, expect, it } from "vitest";
import { CODE_PATTERN } from "~/features/referrals/domain/codes";
import type { RunInputQuery } from "../../extensions/referral-discount/generated/api";
import { run, type ReferralRules } from "../../extensions/referral-discount/src/run";

// The referral discount Function, pure: input as Shopify sends it for the committed input query,
// output checked against the committed schema's result type.

const dir = path.resolve(import.meta.dirname, "../../extensions/referral-discount");
const schema = buildSchema(fs.readFileSync(path.join(dir, "schema.graphql"), "utf8"));

const RULES: ReferralRules = {
  codePattern: CODE_PATTERN,
  reward: { kind: "amount", amount: "20.00" },
  minimumSubtotal: "0.00",
  policyVersion: 5,
  messages: {
    applied: "$20 off your first order, from a friend",
    existingCustomer: "Referral codes are for a first order, and your account already has one.",
    ownCode: "That's your own referral code: share it with a friend instead.",
    underMinimum: "The referral reward needs an order of at least $50.",
  },
};

type Line = RunInputQuery["cart"]["lines"][number];
const line = (id: number, amount: string, giftCard = false): Line => ({
  id: `gid://shopify/CartLine/${id}`,
  quantity: 1,
  cost: { subtotalAmount: { amount } },
  merchandise: {
    __typename: "ProductVariant",
    id: `gid://shopify/ProductVariant/${id}`,
    product: { isGiftCard: giftCard },
  },
});

function input(over: {
  code?: string | null;
  entered?: { code: string; rejectable: boolean }[];
  customer?: { numberOfOrders: number; ownCode?: string } | null;
  lines?: Line[];
  rules?: unknown;
  classes?: ("ORDER" | "PRODUCT" | "SHIPPING")[];
}): RunInputQuery {
  const customer = over.customer ?? null;
  return {
    triggeringDiscountCode: over.code === undefined ? "ALLY-7KQ2" : over.code,
    enteredDiscountCodes: over.entered ?? [{ code: "ALLY-7KQ2", rejectable: true }],
    cart: {
      referral: { value: "ALLY-7KQ2" },
      buyerIdentity: {
        email: "jane@example.com",
        isAuthenticated: customer !== null,
        customer: customer && {
          id: "gid://shopify/Customer/9",
          numberOfOrders: customer.numberOfOrders,
          ownCode: customer.ownCode ? { value: customer.ownCode } : null,
        },
      },
      lines: over.lines ?? [line(1, "245.00")],
    },
    discount: {
      discountClasses: over.classes ?? ["ORDER"],
      rules: over.rules === null ? null : { jsonValue: over.rules ?? RULES },
    },
  };
}

const resultType = schema.getType("CartLinesDiscountsGenerateRunResult") as GraphQLInputType;
function checked(result: ReturnType<typeof run>) {
  const errors: string[] = [];
  coerceInputValue(result, resultType, (p, _v, e) => errors.push(`${p.join(".")}: ${e.message}`));
  expect(errors).toEqual([]);
  return result;
}

describe("referral discount function (code discount)", () => {
  it("has an input query that validates against the committed Function schema", () => {
    const query = parse(fs.readFileSync(path.join(dir, "src/run.graphql"), "utf8"));
    expect(validate(schema, query).map((e) => e.message)).toEqual([]);
  });

  it("gives a new customer or a guest $20 off the order subtotal, gift cards excluded", () => {
    for (const customer of [null, { numberOfOrders: 0 }]) {
      const result = checked(
        run(input({ customer, lines: [line(1, "245.00"), line(2, "50.00", true)] })),
      );
      expect(result.operations).toEqual([
        {
          orderDiscountsAdd: {
            selectionStrategy: "FIRST",
            candidates: [
              {
                targets: [{ orderSubtotal: { excludedCartLineIds: ["gid://shopify/CartLine/2"] } }],
                value: { fixedAmount: { amount: "20.00" } },
                conditions: [
                  {
                    orderMinimumSubtotal: {
                      minimumAmount: "0.00",
                      excludedCartLineIds: ["gid://shopify/CartLine/2"],
                    },
                  },
                ],
                message: RULES.messages.applied,
              },
            ],
          },
        },
      ]);
    }
  });

  it("a percentage when the program gives one", () => {
    const rules = { ...RULES, reward: { kind: "percent", percent: 15 } };
    const op = checked(run(input({ rules }))).operations[0];
    expect(op?.orderDiscountsAdd?.candidates[0]?.value).toEqual({ percentage: { value: "15" } });
  });

  it("nothing for an existing customer, the referrer's own code, or under the minimum", () => {
    expect(run(input({ customer: { numberOfOrders: 2 } }))).toEqual({ operations: [] });
    expect(run(input({ customer: { numberOfOrders: 0, ownCode: "ally-7kq2" } }))).toEqual({
      operations: [],
    });
    const rules = { ...RULES, minimumSubtotal: "50.00" };
    expect(run(input({ rules, lines: [line(1, "49.99"), line(2, "100.00", true)] }))).toEqual({
      operations: [],
    });
    expect(run(input({ rules, lines: [line(1, "50.00")] })).operations).toHaveLength(1);
  });

  it("nothing for a code that is not a referral code, without rules, or without the order class", () => {
    expect(run(input({ code: "WELCOME15" }))).toEqual({ operations: [] });
    expect(run(input({ rules: null }))).toEqual({ operations: [] });
    expect(run(input({ rules: { codePattern: 1 } }))).toEqual({ operations: [] });
    expect(run(input({ classes: ["PRODUCT"] }))).toEqual({ operations: [] });
  });
});

describe("referral discount function (automatic discount, the messenger)", () => {
  it("rejects a referral code that will not apply, with the reason", () => {
    const result = checked(run(input({ code: null, customer: { numberOfOrders: 1 } })));
    expect(result.operations).toEqual([
      {
        enteredDiscountCodesReject: {
          codes: [{ code: "ALLY-7KQ2" }],
          message: RULES.messages.existingCustomer,
        },
      },
    ]);
    const own = run(input({ code: null, customer: { numberOfOrders: 3, ownCode: "ALLY-7KQ2" } }));
    expect(own.operations[0]?.enteredDiscountCodesReject?.message).toBe(RULES.messages.ownCode);
    const rules = { ...RULES, minimumSubtotal: "300.00" };
    expect(
      run(input({ code: null, rules })).operations[0]?.enteredDiscountCodesReject?.message,
    ).toBe(RULES.messages.underMinimum);
  });

  it("gives nothing itself, and leaves alone codes that apply, other codes and unrejectable ones", () => {
    expect(run(input({ code: null }))).toEqual({ operations: [] });
    const entered = [
      { code: "WELCOME15", rejectable: true },
      { code: "ALLY-7KQ2", rejectable: false },
    ];
    expect(run(input({ code: null, entered, customer: { numberOfOrders: 4 } }))).toEqual({
      operations: [],
    });
  });

  it("groups codes by reason, one operation per message", () => {
    const entered = [
      { code: "ALLY-7KQ2", rejectable: true },
      { code: "BEA-22XZ", rejectable: true },
    ];
    const result = checked(
      run(
        input({
          code: null,
          entered,
          customer: { numberOfOrders: 0, ownCode: "BEA-22XZ" },
          rules: { ...RULES, minimumSubtotal: "900.00" },
        }),
      ),
    );
    expect(result.operations.map((o) => o.enteredDiscountCodesReject)).toEqual([
      { codes: [{ code: "ALLY-7KQ2" }], message: RULES.messages.underMinimum },
      { codes: [{ code: "BEA-22XZ" }], message: RULES.messages.ownCode },
    ]);
  });
});

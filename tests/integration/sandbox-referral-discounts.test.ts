import { describe, expect, it } from "vitest";
import { CODE_PATTERN } from "~/features/referrals/domain/codes";
import { memorySandbox } from "../support/sandbox-memory";
import { SandboxError } from "../sandbox/store";

// App discounts on the referral Function in the sandbox: created through the Admin API as the
// app does, codes added in bulk (asynchronously), and checkout pricing a real cart with the
// project's own `run` — the reward for a new friend, the Function's message otherwise.

const SHOP = "referral-discounts.myshopify.com";

const CODE_CREATE = `#graphql
  mutation CodeCreate($d: DiscountCodeAppInput!) {
    discountCodeAppCreate(codeAppDiscount: $d) {
      codeAppDiscount { discountId title status discountClasses }
      userErrors { field message code }
    }
  }`;
const AUTO_CREATE = `#graphql
  mutation AutoCreate($d: DiscountAutomaticAppInput!) {
    discountAutomaticAppCreate(automaticAppDiscount: $d) {
      automaticAppDiscount { discountId status }
      userErrors { field message code }
    }
  }`;
const BULK_ADD = `#graphql
  mutation BulkAdd($id: ID!, $codes: [DiscountRedeemCodeInput!]!) {
    discountRedeemCodeBulkAdd(discountId: $id, codes: $codes) {
      bulkCreation { id done codesCount }
      userErrors { field message code }
    }
  }`;
const BULK_STATUS = `#graphql
  query BulkStatus($id: ID!) {
    discountRedeemCodeBulkCreation(id: $id) {
      done importedCount failedCount
      codes(first: 10) { nodes { code errors { message } discountRedeemCode { id } } }
    }
  }`;
const BY_CODE = `#graphql
  query ByCode($code: String!) {
    codeDiscountNodeByCode(code: $code) {
      id
      codeDiscount { ... on DiscountCodeApp { title codesCount { count } } }
    }
  }`;
const SET_METAFIELD = `#graphql
  mutation Own($m: [MetafieldsSetInput!]!) { metafieldsSet(metafields: $m) { metafields { id } userErrors { field message code } } }`;

const RULES = {
  codePattern: CODE_PATTERN,
  reward: { kind: "amount", amount: "20.00" },
  minimumSubtotal: "0.00",
  policyVersion: 1,
  messages: {
    applied: "$20 off your first order",
    existingCustomer: "Referral codes are for a first order.",
    ownCode: "That's your own referral code.",
    underMinimum: "Spend more to use the referral reward.",
  },
};
const metafields = [
  { namespace: "fitting_room", key: "referral_rules", type: "json", value: JSON.stringify(RULES) },
];

async function program() {
  const sandbox = memorySandbox(SHOP);
  const { run } = sandbox;
  const code = await run(CODE_CREATE, {
    d: {
      title: "Referral: a friend's first order",
      functionHandle: "referral-discount",
      discountClasses: ["ORDER"],
      combinesWith: { orderDiscounts: false, productDiscounts: false, shippingDiscounts: false },
      metafields,
    },
  });
  expect(code.discountCodeAppCreate!.userErrors).toEqual([]);
  const discountId = (code.discountCodeAppCreate!.codeAppDiscount as { discountId: string })
    .discountId;
  const auto = await run(AUTO_CREATE, {
    d: {
      title: "Referral: messages",
      functionHandle: "referral-discount",
      discountClasses: ["ORDER"],
      metafields,
    },
  });
  expect(auto.discountAutomaticAppCreate!.userErrors).toEqual([]);
  const added = await run(BULK_ADD, {
    id: discountId,
    codes: [{ code: "MAYA-7KQ2" }, { code: "BRKS-22XZ" }],
  });
  expect(added.discountRedeemCodeBulkAdd!.userErrors).toEqual([]);
  return {
    ...sandbox,
    discountId,
    bulk: added.discountRedeemCodeBulkAdd!.bulkCreation as { id: string; done: boolean },
  };
}

const line = { handle: "little-black-heels", size: "8", width: "Medium" };

describe("sandbox referral app discounts", () => {
  it("adds codes in bulk, asynchronously, refusing a taken one", async () => {
    const { run, discountId, bulk } = await program();
    expect(bulk.done).toBe(false);
    const again = await run(BULK_ADD, {
      id: discountId,
      codes: [{ code: "maya-7kq2" }, { code: "BEA-9XYZ" }],
    });
    const id = (again.discountRedeemCodeBulkAdd!.bulkCreation as { id: string }).id;
    const status = await run(BULK_STATUS, { id });
    expect(status.discountRedeemCodeBulkCreation).toMatchObject({
      done: true,
      importedCount: 1,
      failedCount: 1,
      codes: {
        nodes: [
          {
            code: "maya-7kq2",
            errors: [{ message: "Code must be unique. Please try a different code." }],
            discountRedeemCode: null,
          },
          { code: "BEA-9XYZ", errors: [], discountRedeemCode: { id: expect.any(String) } },
        ],
      },
    });
    expect((await run(BY_CODE, { code: "bea-9xyz" })).codeDiscountNodeByCode).toMatchObject({
      id: discountId,
      codeDiscount: { codesCount: { count: 3 } },
    });
    const tooMany = await run(BULK_ADD, {
      id: discountId,
      codes: Array.from({ length: 251 }, (_, i) => ({ code: `X-${i}` })),
    });
    expect(tooMany.discountRedeemCodeBulkAdd!.userErrors[0]).toMatchObject({
      code: "TOO_MANY_ARGUMENTS",
    });
  });

  it("refuses a Function that is not a discount Function, and a blank title", async () => {
    const { run } = memorySandbox(SHOP);
    const bad = await run(CODE_CREATE, {
      d: { title: "", functionHandle: "trial-validation", discountClasses: ["ORDER"] },
    });
    expect(bad.discountCodeAppCreate!.userErrors.map((e) => e.code)).toEqual(["INVALID", "BLANK"]);
  });

  it("prices a new friend's cart with the Function: $20 off, on the order and its webhook", async () => {
    const { lifecycle, outbox } = await program();
    const order = await lifecycle.checkout(SHOP, {
      customerEmail: "olivia@example.com",
      discountCode: "maya-7kq2",
      attributes: [{ key: "_fitting_room_referral", value: "MAYA-7KQ2" }],
      shippingAddress: { address1: "12 Main St", city: "Brooklyn", zip: "11201" },
      lines: [line],
    });
    expect(order).toMatchObject({ discountCode: "MAYA-7KQ2", discountMinor: 2000 });
    const created = outbox.deliveries.find((d) => d.topic === "orders/create")!;
    expect(JSON.parse(created.body)).toMatchObject({
      discount_codes: [{ code: "MAYA-7KQ2", amount: "20.00" }],
      discount_applications: [
        { type: "discount_code", code: "MAYA-7KQ2", title: "Referral: a friend's first order" },
      ],
      note_attributes: [{ name: "_fitting_room_referral", value: "MAYA-7KQ2" }],
      shipping_address: { address1: "12 Main St", zip: "11201", country_code: "US" },
    });
  });

  it("refuses an existing customer and the referrer's own code with the Function's message", async () => {
    const { lifecycle, run, shop } = await program();
    await lifecycle.checkout(SHOP, { customerEmail: "chloe@example.ca", lines: [line] });
    const refused = lifecycle.checkout(SHOP, {
      customerEmail: "chloe@example.ca",
      discountCode: "BRKS-22XZ",
      lines: [line],
    });
    await expect(refused).rejects.toThrow(
      new SandboxError(422, "discountCode: Referral codes are for a first order."),
    );
    const maya = shop.customers.find((c) => c.email === "maya@example.com")!;
    const set = await run(SET_METAFIELD, {
      m: [
        {
          ownerId: maya.id,
          namespace: "fitting_room",
          key: "referral_code",
          type: "single_line_text_field",
          value: "MAYA-7KQ2",
        },
      ],
    });
    expect(set.metafieldsSet!.userErrors).toEqual([]);
    const own = lifecycle.checkout(SHOP, {
      customerEmail: "maya@example.com",
      discountCode: "MAYA-7KQ2",
      lines: [line],
    });
    await expect(own).rejects.toThrow("discountCode: That's your own referral code.");
    expect(() => lifecycle.placeOrder(SHOP, { discountCode: "MAYA-7KQ2", lines: [line] })).toThrow(
      "only checkout()",
    );
  });
});

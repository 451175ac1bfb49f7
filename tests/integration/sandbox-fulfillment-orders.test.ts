import { describe, expect, it } from "vitest";
import { memorySandbox } from "../support/sandbox-memory";

// Fulfillment orders in the sandbox: holds told apart by handle, release, and rescheduling of a
// pre-order's date, each on the ledger; a held order cannot be fulfilled.

const SHOP = "fo-demo.myshopify.com";

const setup = () => memorySandbox(SHOP);

const HOLD = `mutation H($id: ID!, $h: FulfillmentOrderHoldInput!) { fulfillmentOrderHold(id: $id, fulfillmentHold: $h) { fulfillmentHold { id handle } fulfillmentOrder { status } userErrors { field message code } } }`;
const RELEASE = `mutation R($id: ID!, $holds: [ID!]) { fulfillmentOrderReleaseHold(id: $id, holdIds: $holds) { fulfillmentOrder { status } userErrors { field message code } } }`;
const RESCHEDULE = `mutation S($id: ID!, $at: DateTime!) { fulfillmentOrderReschedule(id: $id, fulfillAt: $at) { fulfillmentOrder { status fulfillAt } userErrors { field message code } } }`;
const ORDER = `query O($id: ID!) { order(id: $id) { fulfillmentOrders(first: 5) { nodes { id status fulfillAt fulfillmentHolds { handle reason } } } } }`;

describe("sandbox fulfillment orders", () => {
  it("holds by handle, refuses to fulfil while held, and releases", async () => {
    const { lifecycle, run, store } = setup();
    const order = lifecycle.placeOrder(SHOP, {
      customerEmail: "olivia@example.com",
      lines: [{ handle: "bridal-heels", size: "7" }],
    });
    const fo = (
      (await run(ORDER, { id: order.id })).order!.fulfillmentOrders as {
        nodes: { id: string; status: string }[];
      }
    ).nodes[0]!;
    expect(fo.status).toBe("OPEN");
    const held = await run(HOLD, {
      id: fo.id,
      h: { reason: "OTHER", reasonNotes: "awaiting fit confirmation", handle: "fitting-room-fit" },
    });
    expect(held.fulfillmentOrderHold).toMatchObject({
      fulfillmentHold: { handle: "fitting-room-fit" },
      fulfillmentOrder: { status: "ON_HOLD" },
      userErrors: [],
    });
    const twice = await run(HOLD, {
      id: fo.id,
      h: { reason: "OTHER", handle: "fitting-room-fit" },
    });
    expect(twice.fulfillmentOrderHold!.userErrors[0]!.code).toBe(
      "DUPLICATE_FULFILLMENT_HOLD_HANDLE",
    );
    expect(() => lifecycle.fulfil(SHOP, order.id)).toThrow("on hold");
    const holdId = (held.fulfillmentOrderHold!.fulfillmentHold as { id: string }).id;
    const released = await run(RELEASE, { id: fo.id, holds: [holdId] });
    expect(released.fulfillmentOrderReleaseHold).toMatchObject({
      fulfillmentOrder: { status: "OPEN" },
      userErrors: [],
    });
    expect(lifecycle.fulfil(SHOP, order.id).status).toBe("success");
    expect(store.ledger.map((e) => e.kind)).toEqual(["fulfillment.hold", "fulfillment.release"]);
  });

  it("schedules a pre-order's fulfillment order and moves its date", async () => {
    const { lifecycle, run, store, shop } = setup();
    shop.sellingPlanGroups.push({
      id: "gid://shopify/SellingPlanGroup/9",
      name: "Made to order",
      merchantCode: "mto",
      appId: "fitting-room",
      options: [],
      productIds: [],
      productVariantIds: [],
      plans: [
        {
          id: "gid://shopify/SellingPlan/9",
          name: "Made to order",
          category: "PRE_ORDER",
          options: [],
          billingPolicy: null,
          deliveryPolicy: null,
          inventoryPolicy: null,
          metafields: [],
        },
      ],
    });
    const order = lifecycle.placeOrder(SHOP, {
      customerEmail: "maya@example.com",
      lines: [{ handle: "dressy-straps", size: "8", sellingPlanId: "gid://shopify/SellingPlan/9" }],
    });
    const fo = order.fulfillmentOrders[0]!;
    expect(fo.status).toBe("SCHEDULED");
    const moved = await run(RESCHEDULE, { id: fo.id, at: "2026-12-15T14:00:00Z" });
    expect(moved.fulfillmentOrderReschedule).toMatchObject({
      fulfillmentOrder: { status: "SCHEDULED", fulfillAt: "2026-12-15T14:00:00.000Z" },
      userErrors: [],
    });
    const open = lifecycle.placeOrder(SHOP, { lines: [{ handle: "forever-flat", size: "7" }] });
    const refused = await run(RESCHEDULE, {
      id: open.fulfillmentOrders[0]!.id,
      at: "2026-12-15T14:00:00Z",
    });
    expect(refused.fulfillmentOrderReschedule!.userErrors[0]).toMatchObject({
      message: "Fulfillment order is not scheduled.",
      code: null,
    });
    expect(store.ledger.map((e) => e.kind)).toEqual(["fulfillment.reschedule"]);
  });
});

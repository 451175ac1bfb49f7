import { describe, expect, it } from "vitest";
import { memorySandbox } from "../support/sandbox-memory";

// Fulfillment orders in the sandbox: holds told apart by handle, release, and rescheduling of a
// pre-order's date, each on the ledger; a held order cannot be fulfilled. Order edits.

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
      // Shopify sells a plan only on the products its group holds.
      productIds: shop.products.filter((p) => p.handle === "dressy-straps").map((p) => p.id),
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

  it("edits an order: adds a line on its own fulfillment order, removes one, keeps the money honest", async () => {
    const { lifecycle, run, store, shop } = setup();
    const order = lifecycle.placeOrder(SHOP, {
      customerEmail: "olivia@example.com",
      lines: [{ handle: "bridal-heels", size: "7" }],
    });
    const bridal = shop.products.find((p) => p.handle === "bridal-heels")!;
    const bigger = bridal.variants.find((v) => v.size === "7.5" && v.width === "Medium")!;
    const BEGIN = `mutation B($id: ID!) { orderEditBegin(id: $id) { calculatedOrder { id lineItems(first: 10) { nodes { id quantity variant { id } } } } userErrors { field message } } }`;
    const ADD = `mutation A($id: ID!, $v: ID!) { orderEditAddVariant(id: $id, variantId: $v, quantity: 1) { calculatedLineItem { id } userErrors { field message } } }`;
    const SET = `mutation Q($id: ID!, $line: ID!, $q: Int!) { orderEditSetQuantity(id: $id, lineItemId: $line, quantity: $q) { calculatedOrder { totalOutstandingSet { shopMoney { amount } } } userErrors { field message } } }`;
    const COMMIT = `mutation C($id: ID!) { orderEditCommit(id: $id, staffNote: "size swap") { order { lineItems(first: 10) { nodes { id currentQuantity } } } userErrors { field message } } }`;
    const begun = (await run(BEGIN, { id: order.id })).orderEditBegin as unknown as {
      calculatedOrder: { id: string; lineItems: { nodes: { id: string }[] } };
    };
    const calc = begun.calculatedOrder.id;
    const [existing] = begun.calculatedOrder.lineItems.nodes;
    const partial = await run(SET, { id: calc, line: existing!.id, q: 2 });
    expect((partial.orderEditSetQuantity as { userErrors: unknown[] }).userErrors).toHaveLength(1);
    await run(ADD, { id: calc, v: bigger.id });
    const removed = await run(SET, { id: calc, line: existing!.id, q: 0 });
    // Same price in and out: nothing owed either way.
    expect(removed.orderEditSetQuantity).toMatchObject({
      calculatedOrder: { totalOutstandingSet: { shopMoney: { amount: "0.00" } } },
    });
    const committed = await run(COMMIT, { id: calc });
    expect(committed.orderEditCommit).toMatchObject({ userErrors: [] });
    expect(order.lines.map((l) => [l.variantTitle, Boolean(l.removedByEdit)])).toEqual([
      ["7 / Medium", true],
      ["7.5 / Medium", false],
    ]);
    // The removed line's fulfillment order closed; the new line ships from a new one.
    expect(order.fulfillmentOrders.map((f) => [f.status, f.lineItemIds.length])).toEqual([
      ["CLOSED", 0],
      ["OPEN", 1],
    ]);
    expect(lifecycle.fulfil(SHOP, order.id).lineItemIds).toEqual([order.lines[1]!.id]);
    expect(store.ledger.map((e) => e.kind)).toEqual(["order.edit"]);
    // A committed edit is over; a shipped line cannot be removed.
    expect(
      (await run(ADD, { id: calc, v: bigger.id })).orderEditAddVariant as { userErrors: unknown[] },
    ).toMatchObject({ userErrors: [{ field: ["id"] }] });
    const again = (await run(BEGIN, { id: order.id })).orderEditBegin as unknown as {
      calculatedOrder: { id: string; lineItems: { nodes: { id: string }[] } };
    };
    const shipped = await run(SET, {
      id: again.calculatedOrder.id,
      line: again.calculatedOrder.lineItems.nodes[0]!.id,
      q: 0,
    });
    expect(shipped.orderEditSetQuantity).toMatchObject({
      userErrors: [{ message: "Fulfilled line items cannot be removed" }],
    });
  });
});

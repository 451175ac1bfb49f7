import { describe, expect, it } from "vitest";

import { confirmFit } from "~/features/made-to-order/index.server";
import { recordFitEvidence } from "~/services/fit-profile.server";
import { TRIAL_SHOP, advanceDays, flush, startTrialSandbox } from "../support/trial-scenario";
import { casesFor, mtoLedger, setupMtoShop } from "../support/mto-scenario";

// Made-to-order through the sandbox: orders/create opens a case; a known size is scheduled at
// once; otherwise the pair is held, the fitting pair added to the order and shipped, the fit
// confirmed, and production scheduled for the date the promise said (plus any delay).

const context = startTrialSandbox();

describe("made-to-order", () => {
  it("fitting first: holds the pair, ships the fitting pair, schedules on confirmation", async () => {
    const { planGid, fittingPair } = await setupMtoShop(context);
    const { lifecycle, store } = { lifecycle: context.sandbox.lifecycle, store: context.store };
    const order = lifecycle.placeOrder(TRIAL_SHOP, {
      customerEmail: "olivia@example.com",
      lines: [
        { handle: "little-black-heels", size: "10", width: "Extra Wide", sellingPlanId: planGid },
      ],
    });
    // Paid at checkout, not deferred.
    expect(order.financialStatus).toBe("paid");
    expect(order.fulfillmentOrders.map((f) => f.status)).toEqual(["SCHEDULED"]);
    await flush(context);
    // A duplicate delivery of orders/create changes nothing.
    await flush(context);

    const [opened] = await casesFor(order.id);
    expect(opened).toMatchObject({ path: "fitting_first", size: "10", width: "Extra Wide" });
    expect(mtoLedger(context, order.id)).toEqual(["fulfillment.hold", "order.edit"]);
    const fittingLine = order.lines.find((l) => l.productId === fittingPair.id)!;
    expect(fittingLine.variantTitle).toBe("10 / Extra Wide");
    expect(opened!.fittingPairLineItemGid).toBe(fittingLine.id);
    expect(opened!.status).toBe("fitting_pair_to_ship");

    // The warehouse can ship the fitting pair, not the held made-to-order pair.
    expect(() => lifecycle.fulfil(TRIAL_SHOP, order.id, [order.lines[0]!.id])).toThrow(/on hold/);
    const shipped = lifecycle.fulfil(TRIAL_SHOP, order.id);
    expect(shipped.lineItemIds).toEqual([fittingLine.id]);
    await advanceDays(context, 2);
    lifecycle.carrierEvent(TRIAL_SHOP, order.id, "delivered", shipped.id);
    await flush(context);
    const delivered = (await casesFor(order.id))[0]!;
    expect(delivered.status).toBe("awaiting_fit");
    expect(delivered.fittingPairDeliveredAt).not.toBeNull();

    await advanceDays(context, 1);
    const result = await confirmFit(TRIAL_SHOP, delivered.id, {
      feel: "right",
      size: "10",
      width: "Extra Wide",
      notes: "",
      by: "shopper",
    });
    await flush(context);
    const scheduled = (await casesFor(order.id))[0]!;
    expect(scheduled.status).toBe("in_production");
    expect(scheduled.scheduledShipDate).toBe(result.shipDate);
    const fo = store.order(TRIAL_SHOP, order.id).fulfillmentOrders[0]!;
    expect(fo.status).toBe("SCHEDULED");
    expect(fo.holds).toEqual([]);
    expect(fo.fulfillAt?.slice(0, 10)).toBe(result.shipDate);
    expect(mtoLedger(context, order.id)).toEqual([
      "fulfillment.hold",
      "order.edit",
      "fulfillment.release",
      "fulfillment.reschedule",
      "flow.trigger",
    ]);
    expect(store.ledger.filter((e) => e.kind === "metafield.set").at(-1)?.details).toMatchObject({
      namespace: "fitting_room",
      key: "fit",
    });
    // The customer's size is now confirmed: the next made-to-order in that size skips the fitting.
    const again = lifecycle.placeOrder(TRIAL_SHOP, {
      customerEmail: "olivia@example.com",
      lines: [{ handle: "pop-of-color", size: "10", width: "Extra Wide", sellingPlanId: planGid }],
    });
    await flush(context);
    expect((await casesFor(again.id))[0]).toMatchObject({ path: "confirmed_size" });
  });

  it("a known size is scheduled at once for order date + lead time", async () => {
    const { planGid } = await setupMtoShop(context);
    const { lifecycle, store } = { lifecycle: context.sandbox.lifecycle, store: context.store };
    const maya = store.shop(TRIAL_SHOP).customers.find((c) => c.email === "maya@example.com")!;
    await recordFitEvidence({
      shop: TRIAL_SHOP,
      customerGid: maya.id,
      size: "8",
      width: "Medium",
      source: "merchant",
      sourceRef: "import",
      at: new Date(store.clock()),
    });
    const order = lifecycle.placeOrder(TRIAL_SHOP, {
      customerEmail: "maya@example.com",
      lines: [{ handle: "dressy-straps", size: "8", width: "Medium", sellingPlanId: planGid }],
    });
    await flush(context);
    const [c] = await casesFor(order.id);
    expect(c).toMatchObject({ path: "confirmed_size", status: "in_production" });
    expect(mtoLedger(context, order.id)).toEqual(["fulfillment.reschedule"]);
    const fo = store.order(TRIAL_SHOP, order.id).fulfillmentOrders[0]!;
    expect(fo.fulfillAt?.slice(0, 10)).toBe(c!.promisedShipDate);
    expect(c!.scheduledShipDate).toBe(c!.promisedShipDate);
  });

  it("a size change swaps the line on the order and holds the new pair until its ship date", async () => {
    // The policy names no fitting pair product: the one tagged fitting-pair is used.
    const { planGid } = await setupMtoShop(context, { nameFittingPair: false });
    const { lifecycle, store } = { lifecycle: context.sandbox.lifecycle, store: context.store };
    const order = lifecycle.placeOrder(TRIAL_SHOP, {
      customerEmail: "olivia@example.com",
      lines: [{ handle: "dressy-straps", size: "7", width: "Medium", sellingPlanId: planGid }],
    });
    await flush(context);
    const shipped = lifecycle.fulfil(TRIAL_SHOP, order.id);
    lifecycle.carrierEvent(TRIAL_SHOP, order.id, "delivered", shipped.id);
    await flush(context);
    const [c] = await casesFor(order.id);
    const result = await confirmFit(TRIAL_SHOP, c!.id, {
      feel: "too_small",
      size: "7.5",
      width: "Medium",
      notes: "Tight at the toes",
      by: "shopper",
    });
    expect(result.sizeChange).toBe(true);
    await flush(context);
    const changed = (await casesFor(order.id))[0]!;
    const sandboxOrder = store.order(TRIAL_SHOP, order.id);
    const newLine = sandboxOrder.lines.at(-1)!;
    expect(newLine.variantTitle).toBe("7.5 / Medium");
    expect(sandboxOrder.lines[0]!.removedByEdit).toBe(true);
    expect(changed).toMatchObject({
      lineItemGid: newLine.id,
      size: "7.5",
      sizeChangeRequest: null,
      status: "in_production",
    });
    expect(changed.productionHoldGid).not.toBeNull();
    expect(mtoLedger(context, order.id)).toEqual([
      "fulfillment.hold",
      "order.edit",
      "order.edit",
      "fulfillment.hold",
      "flow.trigger",
    ]);
    // On the ship date the production hold is released and the pair can ship.
    const days = Math.ceil(
      (Date.parse(`${changed.scheduledShipDate}T12:00:00Z`) - store.clock()) / 86_400_000,
    );
    await advanceDays(context, days);
    const done = (await casesFor(order.id))[0]!;
    expect(done.productionHoldGid).toBeNull();
    expect(() => lifecycle.fulfil(TRIAL_SHOP, order.id, [newLine.id])).not.toThrow();
    await flush(context);
    expect((await casesFor(order.id))[0]!.status).toBe("shipped");
  });
});

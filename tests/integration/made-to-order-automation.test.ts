import { describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { localDate } from "~/domain/calendar";
import { productionShipDate, type LeadTerms } from "~/features/made-to-order/domain/ship-date";
import { defaultPolicy } from "~/domain/policy/defaults";
import { sectionFormValues } from "~/domain/policy/form";
import { savePolicySection } from "~/services/policy.server";
import { confirmFit, listCases, requestSizeChange } from "~/features/made-to-order/index.server";
import { TRIAL_SHOP, advanceDays, flush, startTrialSandbox } from "../support/trial-scenario";
import { casesFor, setupMtoShop } from "../support/mto-scenario";

// Made-to-order's clock and its failure paths: reminders and escalation, the fitting pair's
// return (or not), a cancelled order, webhooks duplicated and out of order, and a size change the
// app may not make by itself.

const context = startTrialSandbox();

const flows = (orderGid: string) =>
  context.store.ledger
    .filter((e) => e.kind === "flow.trigger" && e.orderGid === orderGid)
    .map((e) => (e.details as { handle: string }).handle);

async function fittingOrder(planGid: string, handle = "dressy-straps", size = "7") {
  const { lifecycle } = context.sandbox;
  const order = lifecycle.placeOrder(TRIAL_SHOP, {
    customerEmail: "olivia@example.com",
    lines: [{ handle, size, width: "Medium", sellingPlanId: planGid }],
  });
  await flush(context);
  const shipped = lifecycle.fulfil(TRIAL_SHOP, order.id);
  lifecycle.carrierEvent(TRIAL_SHOP, order.id, "delivered", shipped.id);
  await flush(context);
  return { order, caseId: (await casesFor(order.id))[0]!.id };
}

describe("made-to-order automation", () => {
  it("reminds after 3 days, escalates after 10, and lists the case as needing attention", async () => {
    const { planGid } = await setupMtoShop(context);
    const { order, caseId } = await fittingOrder(planGid);
    await advanceDays(context, 2);
    expect(flows(order.id)).toEqual([]);
    await advanceDays(context, 2);
    expect(flows(order.id)).toEqual(["fit-reminder-due"]);
    const reminded = context.store.ledger.find(
      (e) => e.kind === "flow.trigger" && e.orderGid === order.id,
    );
    expect(reminded?.details).toMatchObject({
      payload: { "Fit link": `https://${TRIAL_SHOP}/apps/fitting-room/fit?case=${caseId}` },
    });
    await advanceDays(context, 7);
    expect(flows(order.id)).toEqual(["fit-reminder-due", "made-to-order-attention"]);
    const { cases, counts } = await listCases(TRIAL_SHOP, "attention");
    expect(counts.attention).toBe(1);
    expect(cases[0]).toMatchObject({
      id: caseId,
      attention: "No fit confirmation",
      reminders: 1,
    });
    expect(cases[0]!.daysWaiting).toBeGreaterThanOrEqual(10);
  });

  it("closes the fitting when the fitting pair comes back, and tells the merchant when it does not", async () => {
    const { planGid } = await setupMtoShop(context);
    const { lifecycle } = context.sandbox;
    const back = await fittingOrder(planGid, "dressy-straps", "7");
    const kept = await fittingOrder(planGid, "dressy-straps", "8");
    for (const { caseId } of [back, kept])
      await confirmFit(TRIAL_SHOP, caseId, {
        feel: "right",
        size: (await prisma.mtoCase.findUniqueOrThrow({ where: { id: caseId } })).size!,
        width: "Medium",
        notes: "",
        by: "shopper",
      });
    await flush(context);
    expect(
      (await listCases(TRIAL_SHOP, "fitting_pair_to_return")).counts.fitting_pair_to_return,
    ).toBe(2);
    const fittingLine = (await prisma.mtoCase.findUniqueOrThrow({ where: { id: back.caseId } }))
      .fittingPairLineItemGid!;
    const ret = lifecycle.requestReturn(TRIAL_SHOP, back.order.id, [fittingLine]);
    lifecycle.returnStep(TRIAL_SHOP, back.order.id, "approve", ret.id);
    lifecycle.returnStep(TRIAL_SHOP, back.order.id, "process", ret.id);
    await flush(context);
    expect(
      (await prisma.mtoCase.findUniqueOrThrow({ where: { id: back.caseId } }))
        .fittingPairReturnedAt,
    ).not.toBeNull();

    await advanceDays(context, 15);
    expect(flows(back.order.id)).toEqual(["fit-confirmed"]);
    expect(flows(kept.order.id)).toEqual(["fit-confirmed", "made-to-order-attention"]);
    const attention = await listCases(TRIAL_SHOP, "attention");
    expect(attention.cases.map((c) => [c.id, c.attention])).toEqual([
      [kept.caseId, "Fitting pair not returned"],
    ]);
  });

  it("holds a case to the policy in force when it was ordered, whatever the policy says later", async () => {
    const { planGid } = await setupMtoShop(context);
    const { caseId } = await fittingOrder(planGid);
    const before = await prisma.mtoCase.findUniqueOrThrow({ where: { id: caseId } });
    const saved = await savePolicySection(
      TRIAL_SHOP,
      "madeToOrder",
      Object.entries({ ...sectionFormValues(defaultPolicy(), "madeToOrder"), leadDays: "30" }),
      "staff",
    );
    expect(saved.ok).toBe(true);
    await flush(context);
    const result = await confirmFit(TRIAL_SHOP, caseId, {
      feel: "right",
      size: "7",
      width: "Medium",
      notes: "",
      by: "shopper",
    });
    const terms = JSON.parse(before.terms) as LeadTerms & { timeZone: string };
    const today = localDate(new Date(context.store.clock()), terms.timeZone);
    expect(terms.leadDays).toBe(14);
    expect(result.shipDate).toBe(productionShipDate(today, terms).shipDate);
    expect(result.shipDate).not.toBe(
      productionShipDate(today, { ...terms, leadDays: 30 }).shipDate,
    );
  });

  it("a cancelled order releases the hold, even when orders/cancelled arrives first", async () => {
    const { planGid } = await setupMtoShop(context);
    const { lifecycle } = context.sandbox;
    const order = lifecycle.placeOrder(TRIAL_SHOP, {
      customerEmail: "olivia@example.com",
      lines: [{ handle: "dressy-straps", size: "9", width: "Medium", sellingPlanId: planGid }],
      webhookMode: "duplicate",
    });
    await flush(context);
    const held = context.store.order(TRIAL_SHOP, order.id).fulfillmentOrders[0]!;
    expect(held.status).toBe("ON_HOLD");
    // Duplicated orders/create: one case, one hold, one fitting pair.
    expect(await casesFor(order.id)).toHaveLength(1);
    expect(
      context.store.ledger.filter((e) => e.orderGid === order.id && e.kind === "order.edit"),
    ).toHaveLength(1);
    lifecycle.cancel(TRIAL_SHOP, order.id);
    await flush(context);
    expect(held.holds).toEqual([]);
    expect((await casesFor(order.id))[0]).toMatchObject({ status: "cancelled" });

    // Reordered: orders/cancelled processed before orders/create.
    const late = lifecycle.placeOrder(TRIAL_SHOP, {
      customerEmail: "olivia@example.com",
      lines: [{ handle: "dressy-straps", size: "9.5", width: "Medium", sellingPlanId: planGid }],
      webhookMode: "hold",
    });
    lifecycle.cancel(TRIAL_SHOP, late.id);
    await flush(context);
    await context.sandbox.outbox.release();
    await flush(context);
    const [c] = await casesFor(late.id);
    expect(c).toMatchObject({ status: "cancelled" });
    expect(
      context.store.ledger.filter(
        (e) => e.orderGid === late.id && e.kind.startsWith("fulfillment"),
      ),
    ).toEqual([]);
  });

  it("a size change at another price waits for the merchant, who can make it", async () => {
    const { planGid } = await setupMtoShop(context);
    const shop = context.store.shop(TRIAL_SHOP);
    const straps = shop.products.find((p) => p.handle === "dressy-straps")!;
    straps.variants.find((v) => v.size === "10" && v.width === "Wide")!.price = 27500;
    const { order, caseId } = await fittingOrder(planGid, "dressy-straps", "9");
    await confirmFit(TRIAL_SHOP, caseId, {
      feel: "too_small",
      size: "10",
      width: "Wide",
      notes: "",
      by: "shopper",
    });
    await flush(context);
    const waiting = await prisma.mtoCase.findUniqueOrThrow({ where: { id: caseId } });
    expect(waiting.status).toBe("size_change_needed");
    expect(JSON.parse(waiting.sizeChangeRequest!)).toMatchObject({
      status: "needs_merchant",
      reason: "the new size has a different price",
    });
    expect(flows(order.id)).toEqual(["made-to-order-attention"]);
    // The hold stays: nothing ships in the wrong size.
    expect(context.store.order(TRIAL_SHOP, order.id).fulfillmentOrders[0]!.status).toBe("ON_HOLD");

    await requestSizeChange(TRIAL_SHOP, caseId, "10", "Wide");
    await flush(context);
    const changed = await prisma.mtoCase.findUniqueOrThrow({ where: { id: caseId } });
    expect(changed).toMatchObject({ size: "10", width: "Wide", status: "in_production" });
    const sandboxOrder = context.store.order(TRIAL_SHOP, order.id);
    expect(sandboxOrder.lines.find((l) => l.id === changed.lineItemGid)?.variantTitle).toBe(
      "10 / Wide",
    );
    // The $10 difference is now owed on the order, for the merchant to collect.
    const { outstanding } = await import("../sandbox/payments");
    expect(outstanding(sandboxOrder)).toBe(1000);
  });
});

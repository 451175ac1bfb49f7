import { describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { defaultPolicy } from "~/domain/policy/defaults";
import { sectionFormValues } from "~/domain/policy/form";
import { savePolicySection } from "~/services/policy.server";
import { enqueue } from "~/platform/jobs/queue.server";
import { orderForPaymentSchedule } from "~/services/payment-schedules.server";
import { unauthenticated } from "~/shopify.server";
import { saveShopperChoices } from "~/features/trial/index.server";
import {
  TRIAL_SHOP,
  advanceDays,
  flush,
  ledgerFor,
  placeDeliveredTrial,
  setupTrialShop,
  trialOrderInput,
  startTrialSandbox,
} from "../support/trial-scenario";

// The trial box end to end through the sandbox: Shopify's webhooks drive the app's jobs, which
// place the hold, start the clock at delivery, wait for returns and charge what is kept, once.

const context = startTrialSandbox();

async function trialFor(orderGid: string) {
  return prisma.trial.findUniqueOrThrow({
    where: { shop_orderGid: { shop: TRIAL_SHOP, orderGid } },
    include: { lines: true, payments: { orderBy: { sequence: "asc" } } },
  });
}

describe("trial box", () => {
  it("holds the card, starts at delivery, and charges only the pair kept after 7 days", async () => {
    const { planGid } = await setupTrialShop(context);
    const { lifecycle } = context.sandbox;
    const order = lifecycle.placeOrder(TRIAL_SHOP, trialOrderInput(planGid));
    await flush(context);
    expect(ledgerFor(context, order.id)).toEqual(["authorization 490.00"]);
    expect((await trialFor(order.id)).status).toBe("awaiting_shipment");

    await advanceDays(context, 1);
    lifecycle.fulfil(TRIAL_SHOP, order.id);
    await advanceDays(context, 2);
    lifecycle.carrierEvent(TRIAL_SHOP, order.id, "delivered");
    await flush(context);
    const delivered = await trialFor(order.id);
    expect(delivered.status).toBe("delivered");
    expect(delivered.windowClosesAt).not.toBeNull();

    // The shopper says she keeps the heels (a worn-at-home size: fit evidence once charged).
    const chosen = await saveShopperChoices(TRIAL_SHOP, order.customerId!, {
      trialId: delivered.id,
      choices: [{ lineItemGid: order.lines[0]!.id, choice: "keep" }],
      exchange: null,
    });
    expect(chosen.ok).toBe(true);
    // Keep the heels, send the nudes back on day 5; the return arrives after the window closes.
    // On the way, the 7-day hold is renewed the day before it lapses, and the old one released.
    for (let day = 0; day < 5; day += 1) await advanceDays(context, 1);
    lifecycle.requestReturn(TRIAL_SHOP, order.id, [order.lines[1]!.id]);
    lifecycle.returnStep(TRIAL_SHOP, order.id, "approve");
    await advanceDays(context, 4);
    // The return is still in transit when the renewed hold nears its end: renewed again.
    const holds = [
      "authorization 490.00",
      "authorization 490.00",
      "void 490.00",
      "authorization 490.00",
      "void 490.00",
    ];
    expect(ledgerFor(context, order.id)).toEqual(holds);
    expect((await trialFor(order.id)).status).toBe("awaiting_returns");

    lifecycle.returnStep(TRIAL_SHOP, order.id, "process");
    await flush(context);
    await advanceDays(context, 30);
    // The returned pair also leaves the order (no money), so no balance is left to fall due.
    // The returned pair left the order (no money) as soon as it was back, so the balance Shopify
    // shows and reminds about is the kept pair; the settlement captures it.
    expect(ledgerFor(context, order.id)).toEqual([...holds, "refund 0.00", "capture 245.00"]);
    const trial = await trialFor(order.id);
    expect(trial).toMatchObject({ status: "charged", owedMinor: 24500, collectedMinor: 24500 });
    expect(trial.payments.map((p) => [p.kind, p.status, p.amountMinor])).toEqual([
      ["authorize", "succeeded", 49000],
      ["reauthorize", "succeeded", 49000],
      ["void", "succeeded", 0],
      ["reauthorize", "succeeded", 49000],
      ["void", "succeeded", 0],
      ["remove_lines", "succeeded", 0],
      ["capture", "succeeded", 24500],
    ]);
    expect(
      await prisma.fitEvidence.findMany({
        where: { shop: TRIAL_SHOP, customerGid: order.customerId! },
        select: { size: true, width: true, source: true },
      }),
    ).toEqual([{ size: "7.5", width: "Medium", source: "trial_kept" }]);
    // …mirrored to the customer metafield the storefront reads.
    const fit = [...context.store.shop(TRIAL_SHOP).metafields.values()].find(
      (m) => m.ownerId === order.customerId && m.key === "fit",
    );
    expect(JSON.parse(fit!.value)).toMatchObject({
      size: "7.5",
      confirmed: true,
      source: "trial_kept",
    });
  });

  it("re-authorizes a hold that would lapse mid-trial, voids the old one, and survives duplicate webhooks", async () => {
    const { planGid } = await setupTrialShop(context);
    const { lifecycle } = context.sandbox;
    const order = lifecycle.placeOrder(
      TRIAL_SHOP,
      trialOrderInput(planGid, { webhookMode: "duplicate" }),
    );
    await flush(context);
    await advanceDays(context, 3);
    lifecycle.fulfil(TRIAL_SHOP, order.id, undefined, "duplicate");
    await advanceDays(context, 2);
    lifecycle.carrierEvent(TRIAL_SHOP, order.id, "delivered", undefined, "duplicate");
    await flush(context);
    for (let day = 0; day < 9; day += 1) await advanceDays(context, 1);
    const ledger = ledgerFor(context, order.id);
    expect(ledger).toEqual([
      "authorization 490.00",
      "authorization 490.00",
      "void 490.00",
      "capture 490.00",
    ]);
    expect(await prisma.trial.count({ where: { shop: TRIAL_SHOP } })).toBe(1);
  });

  it("voids the hold as soon as every pair is back, before the window ends", async () => {
    const { order } = await placeDeliveredTrial(context, { daysInTransit: 2 });
    const { lifecycle } = context.sandbox;
    await advanceDays(context, 2);
    lifecycle.requestReturn(TRIAL_SHOP, order.id);
    lifecycle.returnStep(TRIAL_SHOP, order.id, "approve");
    await advanceDays(context, 1);
    lifecycle.returnStep(TRIAL_SHOP, order.id, "process");
    // The pairs leave the order as soon as they are back; the settlement that voids the hold
    // waits for the webhooks that removal causes (refunds/create) to be processed first.
    await advanceDays(context, 0.01);
    expect(ledgerFor(context, order.id)).toEqual([
      "authorization 490.00",
      "refund 0.00",
      "void 490.00",
    ]);
    expect((await trialFor(order.id)).status).toBe("closed");
  });

  it("puts a declined hold in front of the merchant and charges nothing", async () => {
    const { planGid } = await setupTrialShop(context);
    context.store.shop(TRIAL_SHOP).faults.failAuthorizations = 1;
    const order = context.sandbox.lifecycle.placeOrder(TRIAL_SHOP, trialOrderInput(planGid));
    await flush(context);
    await advanceDays(context, 20);
    const trial = await trialFor(order.id);
    expect(trial.status).toBe("needs_attention");
    expect(trial.attentionReason).toMatch(/declined/);
    expect(ledgerFor(context, order.id)).toEqual(["authorization.declined 490.00"]);
  });

  it("on a Standard shop whose renewed hold is declined, removes returned lines and charges the balance", async () => {
    const { planGid } = await setupTrialShop(context);
    const { lifecycle } = context.sandbox;
    const order = lifecycle.placeOrder(TRIAL_SHOP, trialOrderInput(planGid));
    await flush(context);
    lifecycle.fulfil(TRIAL_SHOP, order.id);
    await advanceDays(context, 3);
    lifecycle.carrierEvent(TRIAL_SHOP, order.id, "delivered");
    await advanceDays(context, 1);
    lifecycle.requestReturn(TRIAL_SHOP, order.id, [order.lines[0]!.id]);
    lifecycle.returnStep(TRIAL_SHOP, order.id, "approve");
    await advanceDays(context, 1);
    lifecycle.returnStep(TRIAL_SHOP, order.id, "process");
    context.store.shop(TRIAL_SHOP).faults.failAuthorizations = 1;
    await flush(context);
    await advanceDays(context, 1); // day 6: the renewal is declined
    expect((await trialFor(order.id)).status).toBe("needs_attention");
    for (let day = 0; day < 6; day += 1) await advanceDays(context, 1);
    expect(ledgerFor(context, order.id)).toEqual([
      "authorization 490.00",
      "refund 0.00",
      // The returned pair was off the order already: the renewal asks for the balance left.
      "authorization.declined 245.00",
      "charge 245.00",
    ]);
    expect(await trialFor(order.id)).toMatchObject({ status: "charged", collectedMinor: 24500 });
  });

  it("on Plus holds the policy's amount and charges the rest above it with an amount", async () => {
    const { planGid } = await setupTrialShop(context, { plus: true });
    const { lifecycle } = context.sandbox;
    const order = lifecycle.placeOrder(TRIAL_SHOP, trialOrderInput(planGid));
    await flush(context);
    lifecycle.fulfil(TRIAL_SHOP, order.id);
    lifecycle.carrierEvent(TRIAL_SHOP, order.id, "delivered");
    await advanceDays(context, 9);
    expect(ledgerFor(context, order.id)).toEqual([
      "authorization 350.00",
      "authorization 350.00",
      "void 350.00",
      "capture 350.00",
      "charge 140.00",
    ]);
    expect(await trialFor(order.id)).toMatchObject({ status: "charged", collectedMinor: 49000 });
  });

  it("fires the Flow trigger once before the window ends, and cancels the order when the policy says so", async () => {
    const { planGid } = await setupTrialShop(context);
    const { lifecycle, store } = context.sandbox;
    const order = lifecycle.placeOrder(
      TRIAL_SHOP,
      trialOrderInput(planGid, { webhookMode: "duplicate" }),
    );
    await flush(context);
    lifecycle.fulfil(TRIAL_SHOP, order.id);
    lifecycle.carrierEvent(TRIAL_SHOP, order.id, "delivered");
    for (let day = 0; day < 9; day += 1) await advanceDays(context, 1);
    const flows = store.ledger.filter((e) => e.kind === "flow.trigger" && e.orderGid === order.id);
    expect(flows).toHaveLength(1);
    // …and Shopify's own payment reminder for the deferred balance, once.
    const reminders = store.ledger.filter(
      (e) => e.kind === "payment.reminder" && e.orderGid === order.id,
    );
    expect(reminders.map((e) => e.amount?.amount)).toEqual(["490.00"]);
    expect(flows[0]!.details).toMatchObject({
      handle: "trial-ending-soon",
      payload: { order_id: order.legacyId, "Pairs not yet returned": 2 },
    });

    // A shop whose policy cancels trials with a declined card hold.
    const form = {
      ...sectionFormValues(defaultPolicy(), "trial"),
      onAuthorizationFailure: "cancel",
    };
    expect(
      await savePolicySection(TRIAL_SHOP, "trial", Object.entries(form), "staff"),
    ).toMatchObject({ ok: true });
    store.shop(TRIAL_SHOP).faults.failAuthorizations = 1;
    const declined = lifecycle.placeOrder(TRIAL_SHOP, trialOrderInput(planGid));
    await flush(context);
    expect(store.ledger.filter((e) => e.orderGid === declined.id).map((e) => e.kind)).toEqual([
      "authorization.declined",
      "order.cancel",
    ]);
    expect(await trialFor(declined.id)).toMatchObject({ status: "cancelled" });
  });

  it("concurrent jobs for one trial never act twice (trial lock, effect leases, Shopify keys)", async () => {
    const { planGid } = await setupTrialShop(context);
    const { lifecycle, store } = context.sandbox;
    const order = lifecycle.placeOrder(TRIAL_SHOP, trialOrderInput(planGid));
    await flush(context);
    const trial = await prisma.trial.findFirstOrThrow({ where: { orderGid: order.id } });
    // The renewal is due; five jobs for the same trial come due at once, run 4 at a time.
    store.clockOffsetMs += 6 * 86_400_000 + 60_000;
    for (let i = 0; i < 5; i += 1)
      await enqueue({
        type: "trial.advance",
        shop: TRIAL_SHOP,
        payload: { trialId: trial.id },
        idempotencyKey: `race-${i}`,
      });
    await flush(context);
    await advanceDays(context, 0.5);
    expect(ledgerFor(context, order.id)).toEqual([
      "authorization 490.00",
      "authorization 490.00",
      "void 490.00",
    ]);
    expect(await prisma.trialPayment.count({ where: { trialId: trial.id } })).toBe(3);
  });

  it("puts the deferred balance on payment terms the app can trace back to its order", async () => {
    const { planGid } = await setupTrialShop(context);
    const order = context.sandbox.lifecycle.placeOrder(TRIAL_SHOP, trialOrderInput(planGid));
    expect(order.paymentSchedule?.dueAt).toBeTruthy();
    // payment_schedules/due names only the schedule: the app looks the order up.
    const { admin } = await unauthenticated.admin(TRIAL_SHOP);
    expect(await orderForPaymentSchedule(admin.graphql, order.paymentSchedule!.id)).toBe(order.id);
    expect(
      await orderForPaymentSchedule(admin.graphql, "gid://shopify/PaymentSchedule/1"),
    ).toBeNull();
  });

  it("takes the free exchange into the trial: the replacement is on trial, the replaced pair is not charged", async () => {
    const { planGid } = await setupTrialShop(context);
    const { lifecycle } = context.sandbox;
    const order = lifecycle.placeOrder(TRIAL_SHOP, trialOrderInput(planGid));
    await flush(context);
    lifecycle.fulfil(TRIAL_SHOP, order.id);
    lifecycle.carrierEvent(TRIAL_SHOP, order.id, "delivered");
    await advanceDays(context, 2);
    // The nudes are half a size too small: the merchant sends 8.5 in exchange.
    lifecycle.requestReturn(TRIAL_SHOP, order.id, [order.lines[1]!.id], undefined, [
      { handle: "five-shades-of-nude", size: "8.5" },
    ]);
    lifecycle.returnStep(TRIAL_SHOP, order.id, "approve");
    await advanceDays(context, 1);
    lifecycle.returnStep(TRIAL_SHOP, order.id, "process");
    lifecycle.fulfil(TRIAL_SHOP, order.id);
    await flush(context);
    const trial = await trialFor(order.id);
    expect(
      trial.lines.map((l) => [l.variantTitle, l.exchanged, Boolean(l.returnReceivedAt)]),
    ).toEqual([
      ["7.5 / Medium", false, false],
      ["8 / Medium", true, true],
      ["8.5 / Medium", false, false],
    ]);
    for (let day = 0; day < 8; day += 1) await advanceDays(context, 1);
    // Kept: the heels and the replacement; the replaced pair came back.
    const charges = ledgerFor(context, order.id).filter((l) => /^(capture|charge) /.test(l));
    expect(charges).toEqual(["capture 490.00"]);
    expect(await trialFor(order.id)).toMatchObject({ status: "charged", owedMinor: 49000 });
  });
});

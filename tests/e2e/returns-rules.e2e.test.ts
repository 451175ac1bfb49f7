import { describe, expect, it } from "vitest";
import prisma from "~/db.server";
import {
  chooseOutcome,
  inspectLine,
  markReceived,
  openReturnCase,
  releaseExchange,
} from "~/features/returns/index.server";
import { DEMO_SHOP, seedDemoStore } from "../sandbox/seed";
import { startE2E } from "../support/e2e";

// The store's return rules through the built app and the sandbox's Shopify: orders placed and
// delivered there, returns asked for on the portal (the feature's shopper function) or in
// Shopify's customer accounts (the sandbox's returns/request), the merchant's inspection, and
// what the app then did on Shopify: approved, declined with Shopify's reason, processed with
// the money the policy says, each amount recorded with its rule.

const { sandbox, control, until, advanceClock } = startE2E();

type Line = { handle: string; size: string; width?: string };

async function deliveredOrder(
  lines: Line[],
  options: { email?: string; country?: string; sourceName?: string } = {},
) {
  const order = (await control("/orders", {
    customerEmail: options.email ?? "maya@example.com",
    shippingCountry: options.country ?? "US",
    ...(options.sourceName ? { sourceName: options.sourceName } : {}),
    lines: lines.map((l) => ({ ...l, quantity: 1 })),
  })) as { id: string };
  const snapshot = await until(
    () => prisma.returnOrder.findFirst({ where: { orderGid: order.id }, include: { lines: true } }),
    (o) => Boolean(o?.snapshotAt),
    60_000,
  );
  const id = order.id.split("/").pop();
  await control(`/orders/${id}/fulfil`, {});
  await control(`/orders/${id}/deliver`, {});
  await until(
    () => prisma.returnOrderLine.count({ where: { orderId: snapshot!.id, deliveredAt: null } }),
    (left) => left === 0,
  );
  return { gid: order.id, legacy: id!, snapshot: snapshot! };
}

/** A return asked for in Shopify's own customer accounts: the sandbox sends returns/request. */
async function customerAccountReturn(order: { legacy: string }) {
  await control(`/orders/${order.legacy}/returns`, {});
}

const caseOf = (orderGid: string) =>
  prisma.returnCase.findFirst({
    where: { order: { orderGid } },
    include: { lines: true, money: true },
  });

const shopifyReturns = (orderGid: string) => sandbox.store.order(DEMO_SHOP, orderGid).returns;

async function setUp() {
  const shop = seedDemoStore(sandbox.store);
  await control("/install", { shop: DEMO_SHOP });
  return shop;
}

async function receiveAndInspect(caseId: string, condition: "unworn" | "worn") {
  const c = await until(
    () => prisma.returnCase.findUnique({ where: { id: caseId }, include: { lines: true } }),
    (r) => r?.status === "awaiting_parcel",
  );
  await markReceived(DEMO_SHOP, caseId, "merchant");
  for (const line of c!.lines)
    await inspectLine(DEMO_SHOP, caseId, line.id, { condition, note: null }, "merchant");
  return c!;
}

const money = (c: { money: { kind: string; amountMinor: number }[] }) =>
  Object.fromEntries(c.money.map((m) => [m.kind, m.amountMinor]));

describe("the return rules on Shopify's returns", () => {
  it("store credit for an unworn full-price pair: credited in full, no fee", async () => {
    await setUp();
    const order = await deliveredOrder([{ handle: "little-black-heels", size: "8" }]);
    const line = order.snapshot.lines[0]!;
    const { caseId, decision } = await openReturnCase(DEMO_SHOP, order.snapshot.id, "portal", [
      {
        lineItemGid: line.lineItemGid,
        quantity: 1,
        reason: "SIZE_TOO_SMALL",
        outcome: "store_credit",
      },
    ]);
    expect(decision.totals).toMatchObject({ storeCredit: 24500, refund: 0, handlingFee: 0 });
    await receiveAndInspect(caseId, "unworn");
    const done = await until(
      () => caseOf(order.gid),
      (c) => c?.status === "done",
      60_000,
    );
    const credit = done!.money.find((m) => m.kind === "store_credit" || m.kind === "gift_card")!;
    expect(credit).toMatchObject({ amountMinor: 24500, status: "succeeded" });
    expect(credit.rule).toMatch(/store credit/i);
    expect(done!.money.some((m) => m.kind === "handling_fee" || m.kind === "refund")).toBe(false);
  });

  it("a sale pair: store credit only, in full, even when a refund is asked", async () => {
    await setUp();
    const order = await deliveredOrder([{ handle: "sunset-slingback", size: "8" }]);
    const line = order.snapshot.lines[0]!;
    const { caseId, decision } = await openReturnCase(DEMO_SHOP, order.snapshot.id, "portal", [
      { lineItemGid: line.lineItemGid, quantity: 1, reason: "UNWANTED", outcome: "refund" },
    ]);
    expect(decision.items[0]).toMatchObject({
      offered: ["store_credit"],
      outcome: "store_credit",
      refund: 0,
      handlingFee: 0,
      storeCredit: line.paidTotalMinor,
    });
    expect(decision.items[0]!.rule).toMatch(/^sale item: store credit only/);
    await receiveAndInspect(caseId, "unworn");
    const done = await until(
      () => caseOf(order.gid),
      (c) => c?.status === "done",
      60_000,
    );
    const amounts = money(done!);
    expect(amounts.store_credit ?? amounts.gift_card).toBe(line.paidTotalMinor);
    expect(amounts.refund).toBeUndefined();
  });

  it("declines what the rules refuse: final sale, a sample, a gift card, day 15", async () => {
    await setUp();
    const cases: [Line, string][] = [
      [{ handle: "last-call-pump", size: "8" }, "FINAL_SALE"],
      [{ handle: "sample-pump", size: "8" }, "FINAL_SALE"],
    ];
    for (const [line, reason] of cases) {
      const order = await deliveredOrder([line]);
      await customerAccountReturn(order);
      await until(
        () => shopifyReturns(order.gid)[0]?.status,
        (s) => s === "declined",
      );
      expect(shopifyReturns(order.gid)[0]!.decline).toMatchObject({ reason });
      // Declined on Shopify first, then recorded on the case.
      const c = await until(
        () => caseOf(order.gid),
        (r) => r?.status === "declined",
      );
      expect(c!.money).toEqual([]);
    }
    // A gift card is never returnable: the portal says so before anything reaches Shopify.
    const gift = await deliveredOrder([{ sku: "GIFT-50" } as never]);
    await expect(
      openReturnCase(DEMO_SHOP, gift.snapshot.id, "portal", [
        {
          lineItemGid: gift.snapshot.lines[0]!.lineItemGid,
          quantity: 1,
          reason: "UNWANTED",
          outcome: "store_credit",
        },
      ]),
    ).rejects.toMatchObject({ field: "lines[0]", message: expect.stringMatching(/gift card/i) });
    expect(shopifyReturns(gift.gid)).toEqual([]);
    const late = await deliveredOrder([{ handle: "little-black-heels", size: "8" }]);
    await advanceClock({ days: 15 });
    await customerAccountReturn(late);
    await until(
      () => shopifyReturns(late.gid)[0]?.status,
      (s) => s === "declined",
    );
    expect(shopifyReturns(late.gid)[0]!.decline).toMatchObject({ reason: "RETURN_PERIOD_ENDED" });
  });

  it("a worn pair in the US: the shopper takes store credit less 30%", async () => {
    await setUp();
    const order = await deliveredOrder([{ handle: "little-black-heels", size: "8" }]);
    await customerAccountReturn(order);
    const opened = await until(
      () => caseOf(order.gid),
      (c) => c?.status === "awaiting_parcel",
    );
    await receiveAndInspect(opened!.id, "worn");
    const waiting = await until(
      () => caseOf(order.gid),
      (c) => c?.status === "awaiting_shopper",
    );
    await chooseOutcome(DEMO_SHOP, waiting!.id, waiting!.lines[0]!.id, "store_credit", "shopper");
    const done = await until(
      () => caseOf(order.gid),
      (c) => c?.status === "done",
      60_000,
    );
    const amounts = money(done!);
    expect(amounts.restocking_fee).toBe(7350);
    expect(amounts.store_credit ?? amounts.gift_card).toBe(24500 - 7350);
    expect(amounts.refund).toBeUndefined();
    expect(done!.money.find((m) => m.kind === "restocking_fee")!.rule).toMatch(/30% restocking/);
  });

  it("a worn pair from abroad is refused and sent back: no money moves", async () => {
    await setUp();
    const order = await deliveredOrder(
      [{ handle: "little-black-heels", size: "6.5", width: "Wide" }],
      {
        email: "amelia@example.co.uk",
        country: "GB",
      },
    );
    await customerAccountReturn(order);
    const opened = await until(
      () => caseOf(order.gid),
      (c) => c?.status === "awaiting_parcel",
    );
    await receiveAndInspect(opened!.id, "worn");
    // Refused at inspection: the pair comes off the Shopify return (cancelled, with nothing left
    // on it) and goes back to the shopper.
    const done = await until(
      () => caseOf(order.gid),
      (c) => c?.status === "cancelled",
      60_000,
    );
    expect(done!.lines[0]!.removedAt).not.toBeNull();
    expect(JSON.parse(done!.decision).items[0].decline).toMatchObject({ code: "worn" });
    expect(shopifyReturns(order.gid)[0]!.status).toBe("canceled");
    expect(done!.money.filter((m) => m.amountMinor > 0 && m.kind !== "covered_shipment")).toEqual(
      [],
    );
  });

  it("abroad: one exchange shipment out is covered per order, a second is not", async () => {
    const shop = await setUp();
    const order = await deliveredOrder(
      [
        { handle: "little-black-heels", size: "6.5", width: "Wide" },
        { handle: "five-shades-of-nude", size: "6.5", width: "Wide" },
      ],
      { email: "amelia@example.co.uk", country: "GB" },
    );
    const exchangeFor = (handle: string) => {
      const variant = shop.products
        .find((p) => p.handle === handle)!
        .variants.find((v) => v.size === "7" && v.width === "Wide" && v.inventoryQuantity > 0)!;
      return { variantGid: variant.id, title: variant.title, priceMinor: variant.price };
    };
    const exchange = async (i: number, handle: string) => {
      const { caseId, decision } = await openReturnCase(DEMO_SHOP, order.snapshot.id, "portal", [
        {
          lineItemGid: order.snapshot.lines[i]!.lineItemGid,
          quantity: 1,
          reason: "SIZE_TOO_SMALL",
          outcome: "exchange",
          exchange: exchangeFor(handle),
        },
      ]);
      await until(
        () => prisma.returnCase.findUnique({ where: { id: caseId } }),
        (c) => c?.status === "awaiting_parcel",
      );
      await releaseExchange(DEMO_SHOP, caseId, "merchant");
      const released = await until(
        () => prisma.returnCase.findUnique({ where: { id: caseId }, include: { money: true } }),
        (c) => Boolean(c?.exchangeReleasedAt),
        60_000,
      );
      return { decision, released: released! };
    };
    const first = await exchange(0, "little-black-heels");
    expect(first.decision.shipping).toMatchObject({ paidBy: "shopper", hsCode: "9801.00.1012" });
    expect(first.decision.outboundExchange?.covered).toBe(true);
    expect(first.released.outboundExchangeCovered).toBe(true);
    const second = await exchange(1, "five-shades-of-nude");
    expect(second.decision.outboundExchange?.covered).toBe(false);
    expect(second.released.outboundExchangeCovered).toBe(false);
    expect(
      (await prisma.returnOrder.findUnique({ where: { id: order.snapshot.id } }))!
        .outboundExchangesUsed,
    ).toBe(1);
    const shipment = second.released.money.find((m) => m.kind === "covered_shipment")!;
    expect(JSON.parse(shipment.details)).toEqual({ covered: false });
    // Both new pairs are on the order, shipped from Shopify's exchange.
    expect(sandbox.store.order(DEMO_SHOP, order.gid).lines.length).toBeGreaterThanOrEqual(4);
  });

  it("a refund made in Shopify outside an open return is on the case before anyone processes it", async () => {
    await setUp();
    const order = await deliveredOrder([{ handle: "little-black-heels", size: "8" }]);
    await customerAccountReturn(order);
    const opened = await until(
      () => caseOf(order.gid),
      (c) => c?.status === "awaiting_parcel",
    );
    await control(`/orders/${order.legacy}/refund`, {
      lineItemIds: [opened!.lines[0]!.lineItemGid],
    });
    const event = await until(
      () =>
        prisma.returnEvent.findFirst({
          where: { caseId: opened!.id, kind: "shopify.refund_outside" },
        }),
      (e) => e !== null,
    );
    expect(event!.message).toMatch(/^Refunded in Shopify outside this return: Little Black Heels/);
    const { returnDetail } = await import("~/features/returns/index.server");
    expect((await returnDetail(DEMO_SHOP, opened!.id))!.refundedOutside).toHaveLength(1);
    // The app's own refund, through the return, is not mistaken for one.
    const other = await deliveredOrder([{ handle: "little-black-heels", size: "8" }]);
    await customerAccountReturn(other);
    const c = await until(
      () => caseOf(other.gid),
      (r) => r?.status === "awaiting_parcel",
    );
    await receiveAndInspect(c!.id, "unworn");
    await until(
      () => caseOf(other.gid),
      (r) => r?.status === "done",
      60_000,
    );
    expect(
      await prisma.returnEvent.count({ where: { caseId: c!.id, kind: "shopify.refund_outside" } }),
    ).toBe(0);
  });

  it("a marketplace order: the return is declined with the channel's instructions", async () => {
    await setUp();
    const order = await deliveredOrder([{ handle: "little-black-heels", size: "8" }], {
      sourceName: "nordstrom",
    });
    await customerAccountReturn(order);
    await until(
      () => shopifyReturns(order.gid)[0]?.status,
      (s) => s === "declined",
    );
    expect(shopifyReturns(order.gid)[0]!.decline?.note).toMatch(/Nordstrom/i);
    await expect(
      openReturnCase(DEMO_SHOP, order.snapshot.id, "portal", [
        {
          lineItemGid: order.snapshot.lines[0]!.lineItemGid,
          quantity: 1,
          reason: "UNWANTED",
          outcome: "refund",
        },
      ]),
    ).rejects.toMatchObject({ field: "order" });
  });
});

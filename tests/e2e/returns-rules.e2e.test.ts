import { describe, expect, it } from "vitest";
import prisma from "~/db.server";
import {
  chooseOutcome,
  inspectLine,
  markReceived,
  openReturnCase,
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
  seedDemoStore(sandbox.store);
  await control("/install", { shop: DEMO_SHOP });
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

  it("declines on Shopify what the rules refuse: final sale, a sample, day 15", async () => {
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
      const c = await caseOf(order.gid);
      expect(c).toMatchObject({ status: "declined" });
      expect(c!.money).toEqual([]);
    }
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

import { describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { decideReturn } from "~/features/returns/domain/decide";
import {
  TERMS,
  ask,
  context,
  dayAfterDelivery,
  line,
} from "~/features/returns/domain/test-fixtures";
import {
  fitFeedbackRollup,
  listReturns,
  returnDetail,
  returnQueueCounts,
  returnsCsv,
} from "~/features/returns/index.server";
import { loader as exportLoader } from "~/routes/app.returns.export";
import { adminRequest, installShop } from "../support/shopify";

// The merchant's side of returns: queues and their filters, the detail, the CSV export and the
// fit-feedback rollup, each scoped to the shop.

const SHOP = "returns-admin.myshopify.com";
const OTHER = "someone-else.myshopify.com";
let n = 0;

interface Seed {
  shop?: string;
  status: string;
  country?: string;
  reason?: string;
  outcome?: "refund" | "store_credit" | "exchange";
  fitFeedback?: string | null;
  variantTitle?: string;
  exchangeTitle?: string | null;
  requestedAt?: Date;
}

async function seed(s: Seed) {
  n += 1;
  const shop = s.shop ?? SHOP;
  const orderLine = line({
    lineItemGid: `gid://shopify/LineItem/${n}`,
    variantTitle: s.variantTitle ?? "8 / Medium",
  });
  const outcome = s.outcome ?? "refund";
  const decision = decideReturn(
    context({ lines: [orderLine], shippingCountry: s.country ?? "US" }),
    [ask({ lineItemGid: orderLine.lineItemGid, outcome, reason: s.reason ?? "SIZE_TOO_SMALL" })],
  );
  const order = await prisma.returnOrder.create({
    data: {
      shop,
      orderGid: `gid://shopify/Order/${n}`,
      orderName: `#${1000 + n}`,
      customerEmail: `shopper${n}@example.com`,
      customerName: `Shopper ${n}`,
      shippingCountry: s.country ?? "US",
      currencyCode: "USD",
      policyVersion: TERMS.policyVersion,
      terms: JSON.stringify(TERMS),
      placedAt: new Date("2026-11-20T12:00:00Z"),
      lines: {
        create: {
          lineItemGid: orderLine.lineItemGid,
          productGid: "gid://shopify/Product/1",
          title: orderLine.title,
          variantTitle: orderLine.variantTitle,
          quantity: 1,
          paidTotalMinor: orderLine.paidTotal,
          unitPriceMinor: orderLine.unitPrice,
          deliveredAt: orderLine.deliveredAt,
        },
      },
    },
  });
  return prisma.returnCase.create({
    data: {
      shop,
      orderId: order.id,
      source: "portal",
      policyVersion: TERMS.policyVersion,
      decision: JSON.stringify(decision),
      requestedAt: s.requestedAt ?? dayAfterDelivery(3),
      approvedAt: s.status === "to_review" ? null : dayAfterDelivery(3),
      status: s.status,
      lines: {
        create: {
          lineItemGid: orderLine.lineItemGid,
          quantity: 1,
          reason: s.reason ?? "SIZE_TOO_SMALL",
          fitFeedback: s.fitFeedback === undefined ? "too_tight" : s.fitFeedback,
          outcome,
          exchangeTitle: s.exchangeTitle ?? null,
        },
      },
    },
  });
}

describe("the Returns queues", () => {
  it("counts each queue, lists it oldest first, and filters by reason, outcome and market", async () => {
    const older = await seed({
      status: "awaiting_parcel",
      requestedAt: new Date("2026-12-02T10:00:00Z"),
    });
    const newer = await seed({
      status: "awaiting_parcel",
      country: "FR",
      reason: "STYLE",
      outcome: "store_credit",
    });
    await seed({ status: "to_review" });
    await seed({ status: "declined" });
    await seed({ status: "cancelled" });
    await seed({ shop: OTHER, status: "awaiting_parcel" });

    expect(await returnQueueCounts(SHOP)).toMatchObject({
      to_review: 1,
      awaiting_parcel: 2,
      to_inspect: 0,
      done: 0,
      closed: 2,
    });
    const all = await listReturns(SHOP, "awaiting_parcel");
    expect(all.rows.map((r) => r.id)).toEqual([older.id, newer.id]);
    expect(all.markets).toEqual(TERMS.markets.map((m) => m.name));
    expect(all.rows[1]).toMatchObject({ market: "International", outcomes: ["store_credit"] });

    const byReason = await listReturns(SHOP, "awaiting_parcel", { reason: "STYLE" });
    expect(byReason.rows.map((r) => r.id)).toEqual([newer.id]);
    const byOutcome = await listReturns(SHOP, "awaiting_parcel", { outcome: "refund" });
    expect(byOutcome.rows.map((r) => r.id)).toEqual([older.id]);
    const byMarket = await listReturns(SHOP, "awaiting_parcel", { market: "United States" });
    expect(byMarket.rows.map((r) => r.id)).toEqual([older.id]);
    expect((await listReturns(SHOP, "closed")).rows).toHaveLength(2);
  });

  it("shows a return's lines with their rule and sentence, and nothing of another shop's", async () => {
    const c = await seed({ status: "awaiting_parcel" });
    const detail = await returnDetail(SHOP, c.id);
    expect(detail).toMatchObject({
      status: "awaiting_parcel",
      can: { review: false, markReceived: true },
      lines: [{ refund: 24500 - 1299, handlingFee: 1299, asked: "refund" }],
    });
    expect(detail!.lines[0]!.rule).toContain(`returns policy v${TERMS.policyVersion}`);
    expect(detail!.lines[0]!.shopper).toMatch(/\$12\.99/);
    expect(await returnDetail(OTHER, c.id)).toBeNull();
  });
});

describe("the returns export and fit feedback", () => {
  it("exports every returned line of the date range, amounts in the currency's units", async () => {
    await seed({ status: "done", requestedAt: new Date("2026-10-01T10:00:00Z") });
    const inRange = await seed({ status: "done", requestedAt: new Date("2026-10-15T10:00:00Z") });
    await seed({ shop: OTHER, status: "done", requestedAt: new Date("2026-10-15T11:00:00Z") });
    const csv = await returnsCsv(SHOP, { from: "2026-10-10", to: "2026-10-31" });
    const [header, ...rows] = csv.trim().split("\n");
    expect(header!.split(",")).toEqual(expect.arrayContaining(["refund", "handling_fee", "rule"]));
    expect(rows).toHaveLength(1);
    const order = await prisma.returnOrder.findUniqueOrThrow({ where: { id: inRange.orderId } });
    expect(rows[0]).toContain(`${order.orderName},,done,${order.customerEmail}`);
    expect(rows[0]).toContain(",245.00,232.01,0.00,12.99,0.00,USD,3,");
  });

  it("answers a bad range with 400 naming the field", async () => {
    await installShop(null, SHOP);
    const response = await exportLoader({
      request: adminRequest(SHOP, "/app/returns/export?from=2026-10-31&to=2026-10-01"),
      params: {},
      context: {},
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/^from: /);
  });

  it("rolls up why pairs come back by product and size, with the sizes they are exchanged into", async () => {
    const at = new Date("2026-11-05T10:00:00Z");
    await seed({
      status: "done",
      variantTitle: "8 / Medium",
      fitFeedback: "too_tight",
      requestedAt: at,
    });
    await seed({
      status: "done",
      variantTitle: "8 / Medium",
      fitFeedback: "too_tight",
      outcome: "exchange",
      exchangeTitle: "8.5 / Medium",
      requestedAt: at,
    });
    await seed({
      status: "done",
      variantTitle: "8 / Medium",
      fitFeedback: "heel_slip",
      requestedAt: at,
    });
    await seed({
      status: "awaiting_parcel",
      variantTitle: "9 / Wide",
      fitFeedback: null,
      reason: "STYLE",
      requestedAt: at,
    });
    await seed({ status: "declined", variantTitle: "9 / Wide", requestedAt: at });
    const rollup = await fitFeedbackRollup(SHOP, { from: "2026-11-01", to: "2026-11-30" });
    expect(rollup).toEqual([
      {
        product: "Little Black Heels",
        size: "8 / Medium",
        returned: 3,
        feedback: { too_tight: 2, heel_slip: 1 },
        exchangedInto: [{ size: "8.5 / Medium", count: 1 }],
      },
      {
        product: "Little Black Heels",
        size: "9 / Wide",
        returned: 1,
        feedback: { style: 1 },
        exchangedInto: [],
      },
    ]);
  });
});

import { describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { startOfLocalDay } from "~/domain/calendar";
import { defaultPolicy } from "~/domain/policy/defaults";
import { sectionFormValues } from "~/domain/policy/form";
import { formatLocalDate } from "~/features/made-to-order/index.server";
import { savePolicySection } from "~/services/policy.server";
import { DEMO_SHOP, seedDemoStore } from "../sandbox/seed";
import { DESKTOP_CHROME } from "../support/browser";
import { startE2E } from "../support/e2e";

// Made-to-order end to end: the built app against the sandbox, a shopper in headless Chromium.
// A sold-out size on the product page offers made-to-order with a date → order → the pair is held
// and the fitting pair added and shipped → delivered → the shopper confirms the fit on the
// storefront page on the day the promise counted on → the hold is released and the fulfillment
// scheduled for exactly the date shown on the product page.

const { sandbox, control, until, advanceClock, browser } = startE2E();

describe("made-to-order in the browser", () => {
  it("sold-out size → made to order with a date → fitting pair → fit confirmed → scheduled for that date", async () => {
    const shop = seedDemoStore(sandbox.store);
    await control("/install", { shop: DEMO_SHOP });
    await until(
      () => shop.sellingPlanGroups.length,
      (n) => n === 2,
    );
    const fittingPair = shop.products.find((p) => p.handle === "fitting-pair")!;
    const saved = await savePolicySection(
      DEMO_SHOP,
      "madeToOrder",
      Object.entries({
        ...sectionFormValues(defaultPolicy(), "madeToOrder"),
        fittingPairProductId: fittingPair.id,
      }),
      "staff",
    );
    expect(saved.ok).toBe(true);

    const page = await browser().newPage();
    await page.goto(`${sandbox.url}/store/account?email=olivia%40example.com`);
    await page.goto(`${sandbox.url}/store/products/little-black-heels`);
    const heels = shop.products.find((p) => p.handle === "little-black-heels")!;
    const soldOut = heels.variants.find((v) => v.size === "10" && v.width === "Extra Wide")!;
    expect(soldOut.inventoryQuantity).toBe(0);
    const radio = page.locator(`input[name="id"][value="${soldOut.legacyId}"]`);
    await page.locator("label", { has: radio }).click();
    const dateLine = page.locator("[data-fr-mto-date][data-ship-date]");
    await dateLine.waitFor();
    const shown = (await dateLine.getAttribute("data-ship-date"))!;
    expect(await dateLine.getAttribute("data-path")).toBe("fitting_first");
    expect(await dateLine.textContent()).toBe(
      `Ships about ${formatLocalDate(shown)} if you confirm your fit soon after the fitting pair arrives.`,
    );
    await page.getByText("We send a black fitting pair in this size").waitFor();
    // The theme's own button would sell the sold-out size as if in stock: the block turns it off.
    expect(await page.getByRole("button", { name: "Add to cart" }).isDisabled()).toBe(true);
    await page.getByRole("button", { name: "Order made to order" }).click();
    await page.getByRole("heading", { name: "Your cart" }).waitFor();
    await page.getByText(/Made to order: ships about 14 days/).waitFor();
    await page.getByRole("button", { name: "Place order" }).click();
    const orderGid = (await page.locator("[data-order-id]").textContent())!.trim();
    const orderName = (await page.locator("[data-order-name]").textContent())!.trim();

    // The app holds the pair and adds the fitting pair to the order; the date it records is the
    // date the product page showed.
    const opened = await until(
      () => prisma.mtoCase.findFirst({ where: { orderGid } }),
      (c) => Boolean(c?.fittingPairLineItemGid),
      // Two policy publishes just spent the shop's rate limit: the job may wait for it to refill.
      60_000,
    );
    expect(opened!.promisedShipDate).toBe(shown);
    const id = orderGid.split("/").pop();
    await control(`/orders/${id}/fulfil`, {});
    await control(`/orders/${id}/deliver`, {});
    await until(
      () => prisma.mtoCase.findUnique({ where: { id: opened!.id } }),
      (c) => c?.status === "awaiting_fit",
    );

    // Confirm on the day the promise counted on (mid-day in the shop's zone).
    const terms = JSON.parse(opened!.terms) as { timeZone: string };
    const confirmAt =
      startOfLocalDay(opened!.expectedConfirmationDate!, terms.timeZone).getTime() + 12 * 3_600_000;
    const { now } = (await control("/clock")) as { now: string };
    await advanceClock({ ms: Math.max(0, confirmAt - Date.parse(now)) });

    await page.goto(`${sandbox.url}/apps/fitting-room/fit`);
    await page.getByText(`How did the fitting pair in 10 / Extra Wide feel?`).waitFor();
    await page.getByRole("button", { name: "Confirm my size" }).click();
    await page.getByText("Thank you! Your size is confirmed.").waitFor();

    const scheduled = await until(
      () => prisma.mtoCase.findUnique({ where: { id: opened!.id } }),
      (c) => Boolean(c?.scheduledAt),
    );
    expect(scheduled!.scheduledShipDate).toBe(shown);
    const fo = sandbox.store.order(DEMO_SHOP, orderGid).fulfillmentOrders[0]!;
    expect(fo).toMatchObject({ status: "SCHEDULED", holds: [] });
    expect(fo.fulfillAt).toBe(startOfLocalDay(shown, terms.timeZone).toISOString());
    expect(
      sandbox.store.ledger
        .filter((e) => e.orderGid === orderGid && /^(fulfillment|order\.edit)/.test(e.kind))
        .map((e) => e.kind),
    ).toEqual(["fulfillment.hold", "order.edit", "fulfillment.release", "fulfillment.reschedule"]);
    await page.close();

    // The merchant's view: the In production queue, then the case with both dates.
    const admin = await browser().newPage({ userAgent: DESKTOP_CHROME });
    await admin.goto(
      `${sandbox.url}/admin?shop=${DEMO_SHOP}&path=${encodeURIComponent("/app/made-to-order?queue=in_production")}`,
    );
    const frame = admin.frameLocator("iframe").first();
    await frame.locator("html[data-hydrated=true]").waitFor({ state: "attached" });
    await frame.locator(`[data-ship-date="${shown}"]`).waitFor();
    await frame.getByText(orderName).last().click();
    await frame.getByRole("heading", { name: "Timeline" }).waitFor();
    await frame.locator(`[data-scheduled-ship-date="${shown}"]`).waitFor();
    await admin.close();
  });
});

import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import prisma from "~/db.server";
import { DEMO_SHOP, seedDemoStore } from "../sandbox/seed";
import { DESKTOP_CHROME } from "../support/browser";
import { startE2E } from "../support/e2e";

// A return end to end: the built app against the sandbox, in headless Chromium. A delivered,
// full-price pair → the shopper asks for a refund on the storefront's return page → the app
// approves it on Shopify → the merchant receives the parcel and inspects the pair in the Returns
// queue → the app processes the return: the price back less the $12.99 handling fee, each
// amount on the case with its rule.

const { sandbox, control, until, browser } = startE2E();

async function screenshot(page: Page, name: string) {
  if (process.env.E2E_SCREENSHOTS)
    await page.screenshot({ path: `${process.env.E2E_SCREENSHOTS}/${name}.png`, fullPage: true });
}

describe("a return in the browser", () => {
  it("portal refund request → approved → received and inspected in the admin → refunded less the fee", async () => {
    const shop = seedDemoStore(sandbox.store);
    await control("/install", { shop: DEMO_SHOP });
    const heels = shop.products.find((p) => p.handle === "little-black-heels")!;
    const pair = heels.variants.find((v) => v.inventoryQuantity > 0 && v.size === "8")!;
    const price = pair.price;

    const page = await browser().newPage();
    await page.goto(`${sandbox.url}/store/account?email=olivia%40example.com`);
    await page.goto(`${sandbox.url}/store/products/little-black-heels`);
    const radio = page.locator(`input[name="id"][value="${pair.legacyId}"]`);
    await page.locator("label", { has: radio }).click();
    await page.getByRole("button", { name: "Add to cart" }).click();
    await page.getByRole("heading", { name: "Your cart" }).waitFor();
    await page.getByRole("button", { name: "Place order" }).click();
    const orderGid = (await page.locator("[data-order-id]").textContent())!.trim();
    const orderName = (await page.locator("[data-order-name]").textContent())!.trim();
    await until(
      () => prisma.returnOrder.findFirst({ where: { orderGid } }),
      (o) => Boolean(o?.snapshotAt),
      60_000,
    );
    const id = orderGid.split("/").pop();
    await control(`/orders/${id}/fulfil`, {});
    await control(`/orders/${id}/deliver`, {});
    await until(
      () => prisma.returnOrderLine.findFirst({ where: { order: { orderGid } } }),
      (l) => Boolean(l?.deliveredAt),
    );

    // The shopper, signed in, on the storefront's return page.
    await page.goto(`${sandbox.url}/apps/fitting-room/returns`);
    await page.locator("li[data-order]", { hasText: orderName }).getByRole("link").click();
    await page.getByLabel("Return this item").check();
    await page.getByLabel("Refund to my original payment (less the $12.99 handling fee)").check();
    await page.getByRole("button", { name: "See my refund" }).click();
    await page.getByRole("button", { name: "Request this return" }).click();
    await page.getByRole("heading", { name: `Return for order ${orderName}` }).waitFor();
    const approved = await until(
      () => prisma.returnCase.findFirst({ where: { order: { orderGid } } }),
      (c) => c?.status === "awaiting_parcel" && Boolean(c.returnGid),
    );
    await page.close();

    // The merchant: the Awaiting parcel queue, then the case.
    const admin = await browser().newPage({ userAgent: DESKTOP_CHROME });
    await admin.goto(
      `${sandbox.url}/admin?shop=${DEMO_SHOP}&path=${encodeURIComponent("/app/returns?queue=awaiting_parcel")}`,
    );
    const frame = admin.frameLocator("iframe").first();
    await frame.locator("html[data-hydrated=true]").waitFor({ state: "attached" });
    await frame.getByText(orderName).last().waitFor();
    await screenshot(admin, "10-returns-queue");
    await frame.getByText(orderName).last().click();
    await frame.getByRole("heading", { name: "Pairs" }).waitFor();
    await frame.getByRole("button", { name: "Parcel received" }).click();
    await frame.getByText("Parcel received; inspect each pair.").waitFor();
    await frame.getByRole("button", { name: "Save inspection" }).click();
    await frame.getByText(/^Inspected\./).waitFor();

    const done = await until(
      () => prisma.returnCase.findUnique({ where: { id: approved!.id }, include: { money: true } }),
      (c) => c?.status === "done",
      60_000,
    );
    const refund = done!.money.find((m) => m.kind === "refund")!;
    const fee = done!.money.find((m) => m.kind === "handling_fee")!;
    expect(refund).toMatchObject({ amountMinor: price - 1299, status: "succeeded" });
    expect(fee).toMatchObject({ amountMinor: 1299 });
    expect(refund.rule).toMatch(/handling fee/i);
    const cents = (n: number) => (n / 100).toFixed(2);
    expect(
      sandbox.store.ledger
        .filter((e) => e.orderGid === orderGid && /^(refund|return\.fee)/.test(e.kind))
        .map((e) => `${e.kind} ${e.amount?.amount ?? ""}`),
    ).toEqual([`return.fee ${cents(1299)}`, `refund ${cents(price - 1299)}`]);

    // The case shows every amount with its rule and the policy version.
    await admin.goto(
      `${sandbox.url}/admin?shop=${DEMO_SHOP}&path=${encodeURIComponent(`/app/returns/${done!.id}`)}`,
    );
    await frame.getByRole("heading", { name: "Money" }).waitFor();
    expect(refund.rule).toContain(`returns policy v${refund.policyVersion}`);
    // Once on the pair (what was decided), once on the refund (what was paid).
    await frame.getByText(`Rule: ${refund.rule}`, { exact: true }).nth(1).waitFor();
    await frame.getByText(`Rule: ${fee.rule}`, { exact: true }).waitFor();
    // And on the timeline, where it happened.
    await frame
      .getByText(`refund $${cents(price - 1299)} succeeded: ${refund.rule}`, { exact: true })
      .waitFor();
    await frame.locator('[data-condition="unworn"]').waitFor();
    await screenshot(admin, "10b-return-case");

    // The queue's export: every returned line of the range, with its amounts and rule.
    await admin.goto(
      `${sandbox.url}/admin?shop=${DEMO_SHOP}&path=${encodeURIComponent("/app/returns?queue=done")}`,
    );
    await frame.locator("html[data-hydrated=true]").waitFor({ state: "attached" });
    const [download] = await Promise.all([
      admin.waitForEvent("download"),
      frame.getByRole("button", { name: "Export CSV" }).click(),
    ]);
    const csv = await new Response(
      (await download.createReadStream()) as unknown as ReadableStream,
    ).text();
    const [header, row] = csv.trim().split("\n");
    expect(header).toMatch(/^requested_at,order,return,status,/);
    expect(row).toContain(`${orderName},${approved!.returnName ?? done!.returnName},done`);
    expect(row).toContain(`,${cents(price)},${cents(price - 1299)},0.00,12.99,0.00,USD,`);
    await admin.close();
  });
});

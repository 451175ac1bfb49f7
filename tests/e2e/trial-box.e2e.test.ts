import { describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { DEMO_SHOP, seedDemoStore } from "../sandbox/seed";
import { DESKTOP_CHROME } from "../support/browser";
import { startE2E } from "../support/e2e";

// The trial box end to end: the built app (with its in-process worker) against the sandbox, a
// shopper in headless Chromium. Product page "Try at home" → order → delivery → keep one of two
// on the keep/return page → the clock moves past the window → exactly one charge, for one pair.

const { sandbox, control, until, advanceClock, browser } = startE2E();

const money = (orderGid: string) =>
  sandbox.store.ledger
    .filter((e) => e.orderGid === orderGid && /^(authorization|charge|capture|void)/.test(e.kind))
    .map((e) => `${e.kind} ${e.amount?.amount ?? ""}`.trim());

describe("trial box in the browser", () => {
  it("product page → trial order → delivery → keep 1 of 2 → +7 days → one charge for one pair", async () => {
    const shop = seedDemoStore(sandbox.store);
    await control("/install", { shop: DEMO_SHOP });
    // The install publishes the policy and creates the purchase options (trial, made-to-order).
    await until(
      () => shop.sellingPlanGroups.length,
      (n) => n === 2,
    );

    const page = await browser().newPage();
    await page.goto(`${sandbox.url}/store/account?email=olivia%40example.com`);
    const variantId = (handle: string, size: string) =>
      shop.products
        .find((p) => p.handle === handle)!
        .variants.find((v) => v.size === size && v.width === "Medium")!.legacyId;

    for (const [handle, size] of [
      ["little-black-heels", "7.5"],
      ["five-shades-of-nude", "8"],
    ] as const) {
      await page.goto(`${sandbox.url}/store/products/${handle}`);
      await page.getByText("You have 7 full days from delivery to decide").waitFor();
      await page.getByText("Trial box fee $25.").waitFor();
      // The theme hides the radio inside its size label, as real themes do: click the label.
      const radio = page.locator(`input[name="id"][value="${variantId(handle, size)}"]`);
      await page.locator("label", { has: radio }).click();
      expect(await radio.isChecked()).toBe(true);
      await page.getByLabel("Try at home first: pay only for what you keep").check();
      await page.getByRole("button", { name: "Add to cart" }).click();
      await page.getByRole("heading", { name: "Your cart" }).waitFor();
    }
    expect(await page.getByText("Try at home for 7 days").count()).toBe(2);
    // The box fee is its own line, added once by the block for the whole box, paid at checkout.
    expect(await page.getByText(/^Home trial box fee/).count()).toBe(1);
    await page.getByRole("button", { name: "Place order" }).click();
    const orderGid = (await page.locator("[data-order-id]").textContent())!.trim();
    const orderName = (await page.locator("[data-order-name]").textContent())!.trim();

    // The app opens the trial and places the hold right after the order.
    const trial = await until(
      () => prisma.trial.findFirst({ where: { orderGid }, include: { lines: true } }),
      (t) => Boolean(t?.authorizationGid),
    );
    expect(money(orderGid)).toEqual(["authorization 490.00"]);

    const id = orderGid.split("/").pop();
    await control(`/orders/${id}/fulfil`, {});
    await control(`/orders/${id}/deliver`, {});
    await until(
      () => prisma.trial.findUnique({ where: { id: trial!.id } }),
      (t) => t?.status === "delivered",
    );

    // Keep the heels, return the nudes, on the storefront page behind the app proxy.
    await page.goto(`${sandbox.url}/apps/fitting-room/trial`);
    const [heels, nudes] = trial!.lines.sort((a, b) => a.title.localeCompare(b.title)).reverse();
    await page.check(`input[name="choice:${heels!.lineItemGid}"][value="keep"]`);
    await page.check(`input[name="choice:${nudes!.lineItemGid}"][value="return"]`);
    await page.getByRole("button", { name: "Save my choices" }).click();
    await page
      .getByText(/we charge \$245 on/)
      .first()
      .waitFor();

    await control(`/orders/${id}/returns`, { lineItemIds: [nudes!.lineItemGid] });
    await control(`/orders/${id}/approve-return`, {});
    await advanceClock({ days: 2 });
    await control(`/orders/${id}/process-return`, {});
    await until(
      () => prisma.trialLine.findFirst({ where: { lineItemGid: nudes!.lineItemGid } }),
      (l) => Boolean(l?.returnReceivedAt),
    );
    // Day by day past the window, as the worker would live it: each day's due work (the hold's
    // renewal a day before it lapses) is done before the next day starts.
    for (let day = 0; day < 7; day += 1) await advanceClock({ days: 1 });
    // The app has done everything that came due: the money and the trial are final, not "soon".
    const charges = money(orderGid).filter((e) => /^(capture|charge)/.test(e));
    expect(charges).toEqual(["capture 245.00"]);
    expect((await prisma.trial.findUnique({ where: { id: trial!.id } }))?.status).toBe("charged");
    await page.close();

    // The merchant's view in the admin shell: the Trials list, then the trial's page by client-side
    // navigation inside the frame, with the one capture and the rule behind it.
    const admin = await browser().newPage({ userAgent: DESKTOP_CHROME });
    await admin.goto(`${sandbox.url}/admin?shop=${DEMO_SHOP}&path=/app/trials`);
    const frame = admin.frameLocator("iframe").first();
    await frame.getByText("Trial day").last().waitFor();
    await frame.locator("html[data-hydrated=true]").waitFor({ state: "attached" });
    await frame.getByText(orderName).last().click();
    await frame.getByRole("heading", { name: "Timeline" }).waitFor();
    await frame.getByText("Charged $245 from the hold").waitFor();
    await admin.close();
  });
});

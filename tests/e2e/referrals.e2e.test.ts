import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import prisma from "~/db.server";
import { DEMO_SHOP, seedDemoStore } from "../sandbox/seed";
import { DESKTOP_CHROME } from "../support/browser";
import { startE2E } from "../support/e2e";
import { saveReferralPolicy } from "../support/referrals";

// A referral end to end: the built app against the sandbox, in headless Chromium. Maya (a kept,
// paid order) opens her referrals page and gets her link → her friend follows it: Shopify's
// /discount/ path applies the code, the theme embed puts the referral on the cart, and the
// product page says whose link it is → the friend's first order is priced by the discount
// Function ($20 off) → delivered, the return window passes → Maya is credited $20 once, and the
// merchant's Referrals page shows it paid.

const { sandbox, control, until, advanceClock, browser } = startE2E();

async function screenshot(page: Page, name: string) {
  if (process.env.E2E_SCREENSHOTS)
    await page.screenshot({ path: `${process.env.E2E_SCREENSHOTS}/${name}.png`, fullPage: true });
}

/** The demo store installed, its referral program saved and running on Shopify. */
async function runningProgram() {
  const shop = seedDemoStore(sandbox.store);
  await control("/install", { shop: DEMO_SHOP });
  await saveReferralPolicy(DEMO_SHOP);
  await until(
    () => shop.appDiscounts.length,
    (n) => n === 2,
    60_000,
  );
  return shop;
}

describe("a referral in the browser", () => {
  it("referrer's page → link → friend's first order with $20 off → window passes → paid on the Referrals page", async () => {
    const shop = await runningProgram();
    // Maya's own order, paid and kept: she may refer.
    const first = (await control("/orders", {
      customerEmail: "maya@example.com",
      lines: [{ handle: "little-black-heels", size: "8" }],
    })) as { id: string };
    await until(
      () => prisma.referralIdentity.findFirst({ where: { orderGid: first.id } }),
      Boolean,
    );

    const maya = await browser().newPage();
    await maya.goto(`${sandbox.url}/store/account?email=maya%40example.com`);
    await maya.goto(`${sandbox.url}/apps/fitting-room/referrals`);
    const code = (await maya.locator("[data-referral-code]").textContent())!.trim();
    const link = await maya.locator("[data-referral-link]").first().inputValue();
    expect(link).toBe(`https://${DEMO_SHOP}/apps/fitting-room/r/${code}`);
    await until(
      () => prisma.referralCode.findFirst({ where: { code } }),
      (c) => c?.status === "active",
      60_000,
    );
    await maya.reload();
    await screenshot(maya, "11-referrals-shopper");
    await maya.close();

    // The friend follows the link (on the sandbox's storefront).
    const friend = await browser().newPage();
    await friend.goto(`${sandbox.url}/store/account?email=olivia%40example.com`);
    const attributed = friend.waitForResponse((r) => r.url().endsWith("/cart/update.js"));
    await friend.goto(`${sandbox.url}/apps/fitting-room/r/${code}`);
    expect((await attributed).ok()).toBe(true);
    // The embed tidies the address bar once the referral is on the cart.
    await friend.waitForURL(`${sandbox.url}/store/`);
    await friend.goto(`${sandbox.url}/store/products/little-black-heels`);
    await friend
      .locator("[data-fitting-room-referral-applied]", {
        hasText: "$20 off your first order from Maya's link.",
      })
      .waitFor();
    await screenshot(friend, "11b-referral-applied");
    const heels = shop.products.find((p) => p.handle === "little-black-heels")!;
    const pair = heels.variants.find((v) => v.inventoryQuantity > 0 && v.size === "8")!;
    await friend
      .locator("label", { has: friend.locator(`input[value="${pair.legacyId}"]`) })
      .click();
    await friend.getByRole("button", { name: "Add to cart" }).click();
    await friend.getByRole("heading", { name: "Your cart" }).waitFor();
    await friend.getByRole("button", { name: "Place order" }).click();
    await friend.locator("[data-discount]", { hasText: `Discount ${code}: −20.00` }).waitFor();
    const orderGid = (await friend.locator("[data-order-id]").textContent())!.trim();
    const orderName = (await friend.locator("[data-order-name]").textContent())!.trim();
    await friend.close();

    const opened = await until(
      () => prisma.referralCase.findFirst({ where: { orderGid } }),
      (c) => Boolean(c),
    );
    expect(opened).toMatchObject({ code, discountMinor: 2000, rewardMinor: 2000 });
    const order = shop.orders.find((o) => o.id === orderGid)!;
    expect(order.customAttributes).toEqual(
      expect.arrayContaining([
        { key: "_fitting_room_referral", value: code },
        { key: "_fitting_room_referrer", value: "Maya" },
      ]),
    );
    const id = orderGid.split("/").pop();
    await control(`/orders/${id}/fulfil`, {});
    await control(`/orders/${id}/deliver`, {});
    await until(
      () => prisma.referralCase.findUnique({ where: { id: opened!.id } }),
      (c) => c?.status === "waiting_window",
    );
    await advanceClock({ days: 16 }, { timeoutMs: 60_000 });
    const paid = await until(
      () => prisma.referralCase.findUnique({ where: { id: opened!.id }, include: { money: true } }),
      (c) => c?.status === "paid",
      60_000,
    );
    expect(paid!.money).toMatchObject([{ kind: "store_credit", amountMinor: 2000 }]);
    const mayaGid = shop.customers.find((c) => c.email === "maya@example.com")!.id;
    expect(shop.storeCredit.get(mayaGid)).toBe(2000);

    // The merchant: the referral on the Referrals page, paid, and its page with the rule.
    const admin = await browser().newPage({ userAgent: DESKTOP_CHROME });
    await admin.goto(
      `${sandbox.url}/admin?shop=${DEMO_SHOP}&path=${encodeURIComponent("/app/referrals")}`,
    );
    const frame = admin.frameLocator("iframe").first();
    await frame.locator("html[data-hydrated=true]").waitFor({ state: "attached" });
    const row = frame.locator("tr", { hasText: orderName });
    await row.getByText("Paid").waitFor();
    await screenshot(admin, "11c-referrals-admin");
    await row.getByText(orderName).click();
    await frame.getByText(`Rule: ${paid!.money[0]!.rule}`).first().waitFor();
    await screenshot(admin, "11d-referral");
    await admin.close();
  });

  it("ambassador applies on the storefront → approved with an own reward in the admin → sees their code", async () => {
    await runningProgram();
    const chloe = await browser().newPage();
    await chloe.goto(`${sandbox.url}/store/account?email=chloe%40example.ca`);
    await chloe.goto(`${sandbox.url}/apps/fitting-room/ambassadors`);
    await chloe.getByLabel("Your name").fill("Chloe Martin");
    await chloe.getByLabel("Email").fill("chloe@example.ca");
    await chloe.getByLabel("Where you post").fill("@chloewalks");
    // Too short: the page says which field, and keeps what was typed.
    await chloe.getByLabel("Why you'd like to represent the brand").fill("Love it");
    await chloe.getByRole("button", { name: "Apply" }).click();
    await chloe.getByRole("alert").getByText("Why: tell us in a sentence or two").waitFor();
    expect(await chloe.getByLabel("Your name").inputValue()).toBe("Chloe Martin");
    await screenshot(chloe, "12-ambassador-form-error");
    await chloe
      .getByLabel("Why you'd like to represent the brand")
      .fill("I post outfit videos every week and my followers ask about my heels.");
    await chloe.getByRole("button", { name: "Apply" }).click();
    await chloe.locator('[data-ambassador-state="applied"]').waitFor();

    const admin = await browser().newPage({ userAgent: DESKTOP_CHROME });
    await admin.goto(
      `${sandbox.url}/admin?shop=${DEMO_SHOP}&path=${encodeURIComponent("/app/referrals")}`,
    );
    const frame = admin.frameLocator("iframe").first();
    await frame.locator("html[data-hydrated=true]").waitFor({ state: "attached" });
    await frame.getByText("Ambassador applications (1)").waitFor();
    await frame.getByText("Chloe Martin · @chloewalks").waitFor();
    await screenshot(admin, "12b-ambassador-applications");
    await frame.getByLabel("Own reward (optional)").fill("30");
    await frame.getByRole("button", { name: "Approve" }).click();
    const referrer = await until(
      () => prisma.referrer.findFirst({ where: { shop: DEMO_SHOP }, include: { codes: true } }),
      (r) => r?.ambassadorStatus === "approved" && r.codes.length === 1,
    );
    expect(referrer!.ambassadorRewardMinor).toBe(3000);
    const code = referrer!.codes[0]!.code;
    const approved = frame.getByText(`Approved: the ambassador's code is ${code}.`);
    await approved.waitFor();
    // Still there once the page has reloaded its data (no application left, no referral yet).
    await frame.getByText("Referred orders").waitFor();
    expect(await approved.isVisible()).toBe(true);
    await screenshot(admin, "12c-ambassador-approved");
    await admin.close();

    await until(
      () => prisma.referralCode.findFirst({ where: { code } }),
      (c) => c?.status === "active",
      60_000,
    );
    await chloe.goto(`${sandbox.url}/apps/fitting-room/referrals`);
    expect((await chloe.locator("[data-referral-code]").textContent())!.trim()).toBe(code);
    await chloe.close();
  });
});

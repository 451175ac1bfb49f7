import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import prisma from "~/db.server";
import { DESKTOP_CHROME, routeShopifyCdn } from "../support/browser";
import { startE2E } from "../support/e2e";
import { installShop, sessionToken } from "../support/shopify";

// The built app in headless Chromium, embedded as the admin would load it: settings page,
// invalid input answered field by field with nothing saved, then a valid save.
const SHOP = "demo-shoes.myshopify.com";
const { sandbox, browser, appUrl } = startE2E();

async function openEmbedded(path: string): Promise<Page> {
  // shopify-app-remix answers 410 to a "HeadlessChrome" user agent (bot protection).
  const page = await browser().newPage({ userAgent: DESKTOP_CHROME });
  page.setDefaultTimeout(60_000);
  await routeShopifyCdn(page);
  const token = sessionToken(SHOP, "4242", process.env.SHOPIFY_API_SECRET, 3600);
  const url = new URL(`${appUrl()}${path}`);
  url.searchParams.set("shop", SHOP);
  url.searchParams.set(
    "host",
    Buffer.from(`admin.shopify.com/store/demo-shoes`).toString("base64url"),
  );
  url.searchParams.set("embedded", "1");
  url.searchParams.set("id_token", token);
  await page.goto(url.toString());
  // Typing before React hydrates would be lost: the inputs are controlled.
  await page.locator("html[data-hydrated=true]").waitFor({ state: "attached" });
  return page;
}

/** Clicks the page's own Save button and waits for the form's POST to be answered. */
async function save(page: Page): Promise<number> {
  const [response] = await Promise.all([
    page.waitForResponse(
      (r) => r.request().method() === "POST" && r.url().includes("/app/settings/"),
    ),
    page.getByRole("button", { name: "Save", exact: true }).first().click(),
  ]);
  return response.status();
}

/** E2E_SCREENSHOTS=dir keeps what the browser showed, for a person to look at. */
async function screenshot(page: Page, name: string) {
  if (process.env.E2E_SCREENSHOTS)
    await page.screenshot({ path: `${process.env.E2E_SCREENSHOTS}/${name}.png`, fullPage: true });
}

describe("settings in the browser", () => {
  it("shows field errors for bad input, saves nothing, then saves a valid form", async () => {
    await installShop(sandbox.store, SHOP);
    const page = await openEmbedded("/app/settings/trial");
    await page.getByRole("heading", { name: "At-home trial" }).waitFor();
    expect(await page.getByLabel("Trial box fee").inputValue()).toBe("25.00");

    await page.getByLabel("Trial box fee").fill("-5");
    await page.getByLabel("Countries").fill("US, XX");
    await page.getByLabel("Discount for keeping a sample pair").fill("120");
    await expect.poll(() => page.locator("#app-bridge-save-bar").isVisible()).toBe(true);
    expect(await save(page)).toBe(422);

    await page.getByText("Must not be negative").waitFor();
    await page.getByText('Unknown country code "XX"').waitFor();
    await page.getByText("Must be 100% or less").waitFor();
    await page.getByText("Nothing was saved").first().waitFor();
    expect(await prisma.policyVersion.count({ where: { shop: SHOP } })).toBe(1);
    await screenshot(page, "settings-invalid");
    // What the merchant typed stays in the form, next to its error.
    expect(await page.getByLabel("Trial box fee").inputValue()).toBe("-5");
    expect(await page.getByLabel("Countries").inputValue()).toBe("US, XX");

    await page.getByLabel("Trial box fee").fill("0");
    await page.getByLabel("Countries").fill("US");
    await page.getByLabel("Discount for keeping a sample pair").fill("25");
    expect(await save(page)).toBe(200);
    await page.getByText("Saved as version 2").waitFor();
    const latest = await prisma.policyVersion.findFirstOrThrow({
      where: { shop: SHOP },
      orderBy: { version: "desc" },
    });
    expect(latest.version).toBe(2);
    expect(JSON.parse(latest.document).trial).toMatchObject({
      boxFee: { amount: 0 },
      sampleDiscountPercent: 25,
    });
    await page.close();
  });

  it("renders the overview with the app's navigation", async () => {
    await installShop(sandbox.store, SHOP);
    const page = await openEmbedded("/app");
    await page.getByText("No orders yet").waitFor();
    await page.getByText("Policies in force (version 1)").waitFor();
    await screenshot(page, "overview");
    await page.waitForFunction(() =>
      (
        window as unknown as {
          __appBridgeEvents: { type: string; detail: { links?: unknown[] } }[];
        }
      ).__appBridgeEvents.some((e) => e.type === "navMenu" && (e.detail.links?.length ?? 0) > 0),
    );
    const nav = await page.evaluate(() =>
      (
        window as unknown as {
          __appBridgeEvents: { type: string; detail: { links?: { label: string }[] } }[];
        }
      ).__appBridgeEvents
        .filter((e) => e.type === "navMenu")
        .at(-1),
    );
    expect(nav?.detail.links?.map((l) => l.label)).toEqual([
      "Overview",
      "Trials",
      "Made-to-order",
      "Returns",
      "Referrals",
      "Fit",
      "Settings",
    ]);
    await page.close();
  });
});

import { describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { deliveryEstimate } from "~/domain/delivery";
import { sectionFormValues } from "~/domain/policy/form";
import { setClockSource } from "~/platform/clock.server";
import { SHOP_SYNC_JOB } from "~/platform/shops.server";
import { enqueue } from "~/platform/jobs/queue.server";
import { DELIVERY_REFRESH_JOB } from "~/services/delivery-schedule.server";
import { productPageEstimate } from "~/features/made-to-order/index.server";
import { loader as countryLoader } from "~/routes/proxy.country";
import { getCurrentPolicy, savePolicySection } from "~/services/policy.server";
import { seedDemoStore } from "../sandbox/seed";
import { renderStorefront } from "../sandbox/storefront";
import { proxyRequest } from "../support/proxy";
import { startSandbox } from "../support/sandbox";
import { installShop } from "../support/shopify";
import { runJobs } from "../support/worker";

// The product page's Delivery block end to end: the install publishes the schedule to the app
// metafield, the sandbox renders the block with liquidjs at the sandbox's clock, and the dates it
// prints are deliveryEstimate's for that instant and country. No proxy request is involved.

const SHOP = "delivery-demo.myshopify.com";
const context = startSandbox();

async function openShop(nowIso: string) {
  const { store } = context;
  store.clockOffsetMs = Date.parse(nowIso) - Date.now();
  setClockSource(() => store.clock());
  seedDemoStore(store, SHOP);
  await installShop(store, SHOP);
  await enqueue({ type: SHOP_SYNC_JOB, shop: SHOP, payload: {}, idempotencyKey: `sync:${SHOP}` });
  await runJobs();
}

async function block(country: string) {
  const { store } = context;
  const page = await renderStorefront(
    store,
    store.shop(SHOP),
    "/store/products/little-black-heels",
    null,
    country,
  );
  const html =
    /<div class="shopify-app-block" data-block="fitting-room-theme\/delivery">([\s\S]*?)<\/div>\s*(?=<div class="shopify-app-block"|$)/.exec(
      page.html,
    )?.[1];
  return (html ?? "").replace(/\s+/g, " ");
}

describe("the Delivery block", () => {
  it("states the tier's cost and the in-stock dates deliveryEstimate gives, before the cut-off", async () => {
    await openShop("2026-12-08T15:00:00Z"); // Tuesday 10:00 in New York
    const html = await block("US");
    const { shipping } = (await getCurrentPolicy(SHOP)).document;
    const expected = deliveryEstimate({
      shipping,
      country: "US",
      kind: "in_stock",
      now: new Date("2026-12-08T15:00:00Z"),
      cutOff: shipping.dailyCutOff,
    });
    expect(expected).toMatchObject({
      shipBy: "2026-12-10",
      arriveFrom: "2026-12-14",
      arriveBy: "2026-12-17",
    });
    expect(html).toContain("Free shipping to United States.");
    expect(html).toContain("In stock: ships by Dec 10, arrives Dec 14–Dec 17.");
    expect(html).toContain('data-ship-by="2026-12-10"');
    expect(html).toContain("Orders after 14:00");
    expect(html).toContain(
      "Home trial: ships in 2–3 business days; your 7 days at home start at delivery.",
    );
  });

  it("states the made-to-order promise the order side makes for a shopper it does not know", async () => {
    await openShop("2026-12-08T15:00:00Z");
    for (const country of ["US", "GB"]) {
      const estimate = await productPageEstimate({
        shop: SHOP,
        customerGid: null,
        variantTitle: "10 / Extra Wide",
        country,
      });
      expect(estimate.path).toBe("fitting_first");
      const html = await block(country);
      expect(html).toContain(`data-fr-delivery-mto data-ship-date="${estimate.shipDate}"`);
      expect(html).toContain("Sold-out sizes are made to order: fit first, then ships about");
    }
  });

  it("moves to the next business day after the cut-off, with no new publish", async () => {
    await openShop("2026-12-11T18:59:00Z"); // Friday 13:59
    expect(await block("US")).toContain('data-ship-by="2026-12-15"');
    context.store.clockOffsetMs += 2 * 60_000; // Friday 14:01: Monday starts, ships by Tuesday
    expect(await block("US")).toContain('data-ship-by="2026-12-16"');
    expect(
      await prisma.effect.count({
        where: { kind: "metafield.set", key: { contains: "delivery" } },
      }),
    ).toBe(1);
  });

  it("names another tier's cost, refuses a country without shipping with the store's contact", async () => {
    await openShop("2026-12-08T15:00:00Z");
    const gb = await block("GB");
    expect(gb).toMatch(/Shipping to United Kingdom: \$\d+\.\d\d\./);
    expect(gb).toContain("The home trial isn't offered in United Kingdom.");
    expect(await block("DE")).toContain(
      "We don't ship to Germany yet — ask us at hello@delivery-demo.example.",
    );
  });

  it("switches the country through Shopify's localization form, on a page outside the product form", async () => {
    await openShop("2026-12-08T15:00:00Z");
    const html = await block("US");
    // App blocks may sit inside the theme's product form: a nested form would end it early.
    expect(html).not.toContain("<form");
    expect(html).not.toContain("<script");
    const href =
      /<a href="([^"]*\/apps\/fitting-room\/country[^"]*)">Shipping to another country\?<\/a>/
        .exec(html)?.[1]
        ?.replace(/&amp;/g, "&");
    expect(href).toBeDefined();
    const link = new URL(href!, "https://delivery-demo.example");
    expect(link.searchParams.get("return_to")).toBe("/store/products/little-black-heels");
    expect(link.searchParams.get("countries")!.split(",")).toEqual(
      expect.arrayContaining(["US", "DE", "GB"]),
    );
    expect(link.searchParams.get("current")).toBe("US");

    // The app proxy page: Shopify's localization form, one button per country.
    const page = await countryLoader({
      request: proxyRequest(
        SHOP,
        "/country",
        null,
        {},
        {
          query: Object.fromEntries(link.searchParams),
        },
      ),
      params: {},
      context: {},
    });
    expect(page.status).toBe(200);
    const text = await page.text();
    const form =
      /<form method="post" action="\/localization"[\s\S]*?<\/form>/.exec(text)?.[0] ?? "";
    expect(form).toContain('<input type="hidden" name="form_type" value="localization">');
    expect(form).toContain(
      '<input type="hidden" name="return_to" value="/store/products/little-black-heels">',
    );
    expect(form).toContain('<button type="submit" name="country_code" value="DE">Germany</button>');

    // What the shopper's browser posts: the storefront now shows Germany and keeps it.
    const posted = await fetch(`${context.url}/localization`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        form_type: "localization",
        _method: "put",
        return_to: "/store/products/little-black-heels",
        country_code: "DE",
      }),
    });
    expect(posted.status).toBe(302);
    expect(posted.headers.get("location")).toBe("/store/products/little-black-heels");
    const product = await fetch(`${context.url}/store/products/little-black-heels`, {
      headers: { cookie: posted.headers.get("set-cookie")!.split(";")[0]! },
    });
    expect(await product.text()).toContain("We don't ship to Germany yet");
  });

  it("refuses a switch link that would send the shopper off the store", async () => {
    await openShop("2026-12-08T15:00:00Z");
    const page = await countryLoader({
      request: proxyRequest(
        SHOP,
        "/country",
        null,
        {},
        {
          query: { return_to: "//evil.example/x", countries: "US,DE" },
        },
      ),
      params: {},
      context: {},
    });
    expect(page.status).toBe(400);
    expect(await page.text()).not.toContain("<form");
  });

  it("uses the cut-off the merchant saves, and the daily refresh republishes once a day", async () => {
    await openShop("2026-12-08T15:00:00Z");
    const policy = await getCurrentPolicy(SHOP);
    const form = Object.entries({
      ...sectionFormValues(policy.document, "shipping"),
      dailyCutOff: "09:30",
    });
    expect(await savePolicySection(SHOP, "shipping", form, "staff")).toMatchObject({ ok: true });
    await runJobs();
    // 10:00 is past a 09:30 cut-off: handling starts Wednesday.
    expect(await block("US")).toContain('data-ship-by="2026-12-11"');
    const refresh = await prisma.job.findMany({ where: { type: DELIVERY_REFRESH_JOB } });
    expect(refresh).toHaveLength(1);
    expect(refresh[0]?.runAt.toISOString()).toBe("2026-12-09T12:00:00.000Z");
  });

  it("refuses a cut-off that is not a time, naming the field", async () => {
    await openShop("2026-12-08T15:00:00Z");
    const policy = await getCurrentPolicy(SHOP);
    const form = Object.entries({
      ...sectionFormValues(policy.document, "shipping"),
      dailyCutOff: "2pm",
    });
    const saved = await savePolicySection(SHOP, "shipping", form, "staff");
    expect(saved).toMatchObject({
      ok: false,
      errors: { dailyCutOff: expect.stringMatching(/24-hour/) },
    });
  });
});

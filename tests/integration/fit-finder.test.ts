import { describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { allowTry } from "~/platform/rate-limit.server";
import { FIT_FINDER_LIMIT } from "~/services/fit-finder.server";
import { productPageEstimate } from "~/features/made-to-order/index.server";
import { customerOrderByGid, submitShopperReturn } from "~/features/returns/index.server";
import { saveShopperChoices } from "~/features/trial/index.server";
import { sectionFormValues } from "~/domain/policy/form";
import { action as finderAction, loader as finderLoader } from "~/routes/proxy.fit-finder";
import { fitPage } from "~/services/fit-outcomes.server";
import { importSizesCsv, importTaggedSizes } from "~/services/fit-import.server";
import { getCurrentPolicy, savePolicySection } from "~/services/policy.server";
import { unauthenticated } from "~/shopify.server";
import { signProxyQuery } from "../sandbox/storefront";
import { proxyRequest } from "../support/proxy";
import { TEST_SECRET } from "../support/shopify";
import {
  TRIAL_SHOP,
  advanceDays,
  flush,
  setupTrialShop,
  startTrialSandbox,
} from "../support/trial-scenario";

// The fit finder through the app proxy and the sandbox: answers are recommended from the chart
// until shoppers like the one asking have kept pairs; a pair bought with an answer (line property
// _fit_answer) and kept counts for the next shopper; sizes the store already tags are imported.

const context = startTrialSandbox();

const product = () =>
  context.store.shop(TRIAL_SHOP).products.find((p) => p.handle === "little-black-heels")!;
const customer = (email: string) =>
  context.store.shop(TRIAL_SHOP).customers.find((c) => c.email === email)!;

function ask(
  customerLegacyId: string | null,
  answers: Record<string, string | string[]>,
  json = true,
) {
  const body = new URLSearchParams({
    product_id: product().legacyId,
    product_url: "/products/little-black-heels",
    root: "/",
  });
  for (const [k, v] of Object.entries(answers)) for (const item of [v].flat()) body.append(k, item);
  return finderAction({
    request: proxyRequest(TRIAL_SHOP, "/fit-finder", customerLegacyId, {
      method: "POST",
      headers: json ? { Accept: "application/json" } : {},
      body,
    }),
    params: {},
    context: {},
  });
}

async function yourSizeOf(customerLegacyId: string) {
  const response = await finderLoader({
    request: proxyRequest(
      TRIAL_SHOP,
      "/fit-finder",
      customerLegacyId,
      { headers: { Accept: "application/json" } },
      { query: { product_id: product().legacyId } },
    ),
    params: {},
    context: {},
  });
  return ((await response.json()) as { yourSize: unknown }).yourSize;
}

async function setMinimum(minimumOutcomes: number, extra: Record<string, string> = {}) {
  const policy = await getCurrentPolicy(TRIAL_SHOP);
  const form = {
    ...sectionFormValues(policy.document, "fit"),
    minimumOutcomes: String(minimumOutcomes),
    ...extra,
  };
  const saved = await savePolicySection(TRIAL_SHOP, "fit", Object.entries(form), "staff");
  expect(saved).toMatchObject({ ok: true });
}

describe("fit finder", () => {
  it("recommends from the chart while data is thin, and says so", async () => {
    await setupTrialShop(context);
    const answer = (await (
      await ask(null, { usual_size: "8", usual_width: "Medium", notes: "wide_forefoot" })
    ).json()) as Record<string, unknown>;
    expect(answer).toMatchObject({ size: "8", width: "Wide", basis: "chart", confidence: "low" });
    expect(answer.sentences).toEqual([
      "No shopper like you has tried Little Black Heels yet: this is from our size chart.",
      "Our size chart: Little Black Heels fits true to size.",
      "Wide forefoot: one width wider.",
    ]);
    const variant = product().variants.find((v) => v.title === "8 / Wide")!;
    expect(answer.variant).toEqual({ id: variant.legacyId, available: true });
    expect(await prisma.fitAnswer.count({ where: { shop: TRIAL_SHOP } })).toBe(1);
  });

  it("works without JavaScript: the question page, then the answer with a cart form", async () => {
    await setupTrialShop(context);
    const form = await finderLoader({
      request: proxyRequest(
        TRIAL_SHOP,
        "/fit-finder",
        null,
        {},
        { query: { product_id: product().legacyId } },
      ),
      params: {},
      context: {},
    });
    const page = await form.text();
    expect(page).toContain('<select name="usual_size">');
    expect(page).toContain('name="notes" value="narrow_heel"');
    const answer = await (
      await ask(null, { usual_size: "8", usual_width: "Medium", between: "1" }, false)
    ).text();
    expect(answer).toContain('data-recommended="8.5 / Medium"');
    expect(answer).toContain('action="/cart/add"');
    expect(answer).toMatch(/name="properties\[_fit_answer\]" value="c\w+"/);
    expect(answer).toContain("Between sizes, we take the larger one.");
  });

  it("pools the other styles of a chart's product type while the product's own data is thin", async () => {
    await setupTrialShop(context);
    // Heels get their own chart row; three shoppers who wear 8 M kept another heel in 8.5 M.
    await setMinimum(3, {
      "charts.1.family": "Heels",
      "charts.1.offsetHalves": "0",
      "charts.1.widthRule": "as_usual",
      "charts.1.between": "up",
    });
    const other = context.store
      .shop(TRIAL_SHOP)
      .products.find((p) => p.productType === "Heels" && p.handle !== "little-black-heels")!;
    // Stored lower-cased, as the finder writes them: the chart row's "Heels" still finds them.
    for (const [i, family] of ["heels", "heels", "heels", "*"].entries())
      await prisma.fitOutcome.create({
        data: {
          shop: TRIAL_SHOP,
          productGid: `gid://shopify/Product/${other.legacyId}`,
          productTitle: other.title,
          size: "8.5",
          width: "Medium",
          result: "kept",
          source: "trial",
          sourceRef: `other-${i}`,
          usualSize: "8",
          usualWidth: "Medium",
          family,
          at: new Date(),
        },
      });
    const answer = (await (
      await ask(null, { usual_size: "8", usual_width: "Medium" })
    ).json()) as Record<string, unknown>;
    expect(answer).toMatchObject({ size: "8.5", width: "Medium", basis: "data" });
    expect((answer.sentences as string[])[0]).toBe(
      "Of 3 shoppers who wear 8 M elsewhere and kept a pair of our heels (other styles too), 3 kept 8.5 M.",
    );
    // The fourth pair is the "*" row's: products the chart does not name are no family.
    expect(await prisma.fitAnswer.findFirst({ where: { shop: TRIAL_SHOP } })).toMatchObject({
      family: "heels",
      basis: "data",
    });
  });

  it("refuses a signed query naming its shopper or shop twice, on the finder as on every proxy page", async () => {
    await setupTrialShop(context);
    const olivia = customer("olivia@example.com").legacyId;
    const twice = proxyRequest(
      TRIAL_SHOP,
      "/fit-finder",
      olivia,
      {},
      {
        query: { product_id: product().legacyId },
      },
    );
    const url = new URL(twice.url);
    // Shopify signs a repeated parameter as its values joined by commas.
    const params = Object.fromEntries(url.searchParams);
    delete params.signature;
    params.logged_in_customer_id = `${olivia},${customer("maya@example.com").legacyId}`;
    url.search = "";
    for (const [k, v] of Object.entries(params))
      for (const value of k === "logged_in_customer_id" ? v.split(",") : [v])
        url.searchParams.append(k, value);
    url.searchParams.set("signature", signProxyQuery(params, TEST_SECRET()));
    await expect(
      finderLoader({ request: new Request(url), params: {}, context: {} }),
    ).rejects.toMatchObject({ status: 400 });
    await expect(
      finderAction({
        request: new Request(url, {
          method: "POST",
          body: new URLSearchParams({ usual_size: "8" }),
        }),
        params: {},
        context: {},
      }),
    ).rejects.toMatchObject({ status: 400 });
    expect(await prisma.fitAnswer.count()).toBe(0);
  });

  it("refuses bad answers naming the field, and a forged signature", async () => {
    await setupTrialShop(context);
    const bad = await ask(null, { usual_size: "13", usual_width: "Medium" });
    expect(bad.status).toBe(422);
    expect(await bad.json()).toMatchObject({ field: "usualSize" });
    const badNote = await ask(null, { usual_size: "8", usual_width: "Medium", notes: "flat_feet" });
    expect(await badNote.json()).toMatchObject({ field: "notes" });
    const forged = finderAction({
      request: proxyRequest(
        TRIAL_SHOP,
        "/fit-finder",
        null,
        { method: "POST", body: new URLSearchParams({ product_id: "1" }) },
        { tamper: true },
      ),
      params: {},
      context: {},
    });
    await expect(forged).rejects.toMatchObject({ status: 400 });
    expect(await prisma.fitAnswer.count()).toBe(0);
  });

  it("limits the answers one address may send, in the database every instance shares", async () => {
    await setupTrialShop(context);
    expect((await ask(null, { usual_size: "8", usual_width: "Medium" })).status).toBe(200);
    // The rest of the allowance spent as another instance would: through the shared table.
    const key = "fit-finder|unknown";
    for (let i = 1; i < FIT_FINDER_LIMIT.tries; i++)
      expect(await allowTry(TRIAL_SHOP, key, FIT_FINDER_LIMIT)).toBe(true);
    const refused = await ask(null, { usual_size: "8", usual_width: "Medium" });
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({ field: "rate" });
    expect(await prisma.fitAnswer.count()).toBe(1);
    // A new window lets the address in again.
    const later = Date.now() + FIT_FINDER_LIMIT.windowMs + 1;
    expect(await allowTry(TRIAL_SHOP, key, FIT_FINDER_LIMIT, later)).toBe(true);
    expect(await prisma.rateLimit.count()).toBe(1);
  });

  it("counts a kept trial pair bought with an answer for the next shopper with the same answers", async () => {
    const { planGid } = await setupTrialShop(context);
    await setMinimum(1);
    const olivia = customer("olivia@example.com");
    const first = (await (
      await ask(olivia.legacyId, { usual_size: "8", usual_width: "Medium" })
    ).json()) as { answerId: string; basis: string };
    expect(first.basis).toBe("chart");
    const { lifecycle } = context.sandbox;
    const order = lifecycle.placeOrder(TRIAL_SHOP, {
      customerEmail: olivia.email,
      paymentMethod: "card_on_file",
      lines: [
        {
          handle: "little-black-heels",
          size: "8",
          width: "Medium",
          sellingPlanId: planGid,
          properties: { _fit_answer: first.answerId },
        },
      ],
    });
    await flush(context);
    expect(await prisma.fitAnswer.findUnique({ where: { id: first.answerId } })).toMatchObject({
      lineItemGid: order.lines[0]!.id,
      orderedSize: "8",
      orderedWidth: "Medium",
    });
    lifecycle.fulfil(TRIAL_SHOP, order.id);
    await advanceDays(context, 2);
    lifecycle.carrierEvent(TRIAL_SHOP, order.id, "delivered");
    await flush(context);
    const trial = await prisma.trial.findFirstOrThrow({
      where: { shop: TRIAL_SHOP, orderGid: order.id },
    });
    await saveShopperChoices(TRIAL_SHOP, order.customerId!, {
      trialId: trial.id,
      choices: [{ lineItemGid: order.lines[0]!.id, choice: "keep" }],
      exchange: null,
    });
    await advanceDays(context, 9);
    expect(await prisma.fitOutcome.findMany({ where: { shop: TRIAL_SHOP } })).toMatchObject([
      {
        result: "kept",
        source: "trial",
        size: "8",
        width: "Medium",
        usualSize: "8",
        usualWidth: "Medium",
        answerId: first.answerId,
        followed: true,
      },
    ]);
    const next = (await (await ask(null, { usual_size: "8", usual_width: "Medium" })).json()) as {
      basis: string;
      sentences: string[];
    };
    expect(next.basis).toBe("data");
    expect(next.sentences[0]).toBe(
      "Of 1 shoppers who wear 8 M elsewhere and kept a pair of Little Black Heels, 1 kept 8 M.",
    );
    const page = await fitPage(TRIAL_SHOP);
    expect(page.rows).toMatchObject([
      { product: "Little Black Heels", size: "8", width: "Medium", kept: 1, returned: 0 },
    ]);
    expect(page.finder).toMatchObject({ answers: 2, bought: 1, followed: 1, followedKept: 1 });
  });

  it("imports sizes the store tags on customers, so they see their size and skip the fitting pair", async () => {
    await setupTrialShop(context);
    const maya = customer("maya@example.com");
    const estimate = () =>
      productPageEstimate({
        shop: TRIAL_SHOP,
        customerGid: maya.id,
        variantTitle: "8 / Medium",
        country: "US",
      });
    // Before the import the app does not know Maya's size: a fitting pair first.
    expect(await yourSizeOf(maya.legacyId)).toBeNull();
    expect((await estimate()).path).toBe("fitting_first");
    const { admin } = await unauthenticated.admin(TRIAL_SHOP);
    expect(await importTaggedSizes(TRIAL_SHOP, admin.graphql)).toEqual({
      imported: 2,
      unreadable: [],
    });
    expect(await yourSizeOf(maya.legacyId)).toEqual({ size: "8", width: "Medium" });
    expect((await estimate()).path).toBe("confirmed_size");
    // The customer metafield the storefront reads carries the confirmed size.
    const metafield = [...context.store.shop(TRIAL_SHOP).metafields.values()].find(
      (m) => m.ownerId === maya.id && m.key === "fit",
    );
    expect(JSON.parse(metafield!.value)).toMatchObject({
      size: "8",
      width: "Medium",
      confirmed: true,
      source: "merchant",
    });
  });

  it("reads only the tagged customers of a large store, through Shopify's tag search", async () => {
    await setupTrialShop(context);
    const shop = context.store.shop(TRIAL_SHOP);
    for (let i = 0; i < 250; i += 1)
      shop.customers.push({
        ...context.store.gid("Customer"),
        email: `shopper${i}@example.com`,
        firstName: "Shopper",
        lastName: String(i),
        country: "US",
        confirmedSize: null,
      });
    const { admin } = await unauthenticated.admin(TRIAL_SHOP);
    const read: string[] = [];
    const counting: typeof admin.graphql = async (operation, options) => {
      const response = await admin.graphql(operation, options);
      const body = (await response.clone().json()) as {
        data?: { customers?: { nodes: { email: string }[] } };
      };
      read.push(...(body.data?.customers?.nodes ?? []).map((c) => c.email));
      return response;
    };
    expect(await importTaggedSizes(TRIAL_SHOP, counting)).toEqual({ imported: 2, unreadable: [] });
    // Maya (size:8 Medium) and Amelia (size:6.5 Wide) are the only customers the app saw.
    expect(read.sort()).toEqual(["amelia@example.co.uk", "maya@example.com"]);
  });

  it("imports a CSV only when every row reads, naming the row and column otherwise", async () => {
    await setupTrialShop(context);
    const { admin } = await unauthenticated.admin(TRIAL_SHOP);
    expect(
      await importSizesCsv(
        TRIAL_SHOP,
        "email,size,width\nolivia@example.com,7.5,Wide\nchloe@example.ca,13,Wide\n",
        admin.graphql,
      ),
    ).toEqual({
      imported: 0,
      errors: [{ row: 3, field: "size", message: "Not a size and width we sell: 13 Wide" }],
    });
    expect(await prisma.fitEvidence.count()).toBe(0);
    const tooLong = `email,size,width\n${"olivia@example.com,7.5,Wide\n".repeat(501)}`;
    expect(await importSizesCsv(TRIAL_SHOP, tooLong, admin.graphql)).toEqual({
      imported: 0,
      errors: [{ row: 502, field: "file", message: "At most 500 rows per import: split the file" }],
    });
    const ok = await importSizesCsv(
      TRIAL_SHOP,
      "Email,Size,Width\nolivia@example.com,7.5,Wide\nnobody@example.com,8,M\n",
      admin.graphql,
    );
    expect(ok).toEqual({
      imported: 1,
      errors: [{ row: 3, field: "email", message: "No customer with this email" }],
    });
    expect(await prisma.fitEvidence.findMany({ where: { shop: TRIAL_SHOP } })).toMatchObject([
      { size: "7.5", width: "Wide", source: "merchant" },
    ]);
  });

  it("counts a pair bought outright as kept once its return window closes, and a fit return", async () => {
    await setupTrialShop(context);
    const olivia = customer("olivia@example.com");
    const { lifecycle } = context.sandbox;
    const order = lifecycle.placeOrder(TRIAL_SHOP, {
      customerEmail: olivia.email,
      lines: [
        { handle: "little-black-heels", size: "8", width: "Medium" },
        { handle: "five-shades-of-nude", size: "8", width: "Wide" },
      ],
    });
    await flush(context);
    lifecycle.fulfil(TRIAL_SHOP, order.id);
    await advanceDays(context, 1);
    lifecycle.carrierEvent(TRIAL_SHOP, order.id, "delivered");
    await flush(context);
    const returnOrderId = await customerOrderByGid(TRIAL_SHOP, olivia.id, order.id);
    await submitShopperReturn(
      TRIAL_SHOP,
      returnOrderId!,
      { customerGid: olivia.id, guestToken: null },
      "portal",
      [
        {
          lineItemGid: order.lines[1]!.id,
          quantity: 1,
          reason: "SIZE_TOO_SMALL",
          fitFeedback: "too_tight",
          outcome: "store_credit",
        },
      ],
    );
    // Before the window closes nothing is kept yet; the return is a fit return at once.
    await advanceDays(context, 10);
    expect(
      await prisma.fitOutcome.findMany({
        where: { shop: TRIAL_SHOP },
        select: { result: true, feedback: true, source: true, size: true, width: true },
      }),
    ).toEqual([
      { result: "returned", feedback: "too_small", source: "return", size: "8", width: "Wide" },
    ]);
    await advanceDays(context, 6);
    const outcomes = await prisma.fitOutcome.findMany({
      where: { shop: TRIAL_SHOP },
      orderBy: { createdAt: "asc" },
      select: { result: true, source: true, productTitle: true },
    });
    expect(outcomes).toEqual([
      { result: "returned", source: "return", productTitle: "Five Shades of Nude" },
      { result: "kept", source: "purchase", productTitle: "Little Black Heels" },
    ]);
  });
});

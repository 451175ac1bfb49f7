import type { LoaderFunctionArgs } from "@remix-run/node";
import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { returnTerms } from "~/features/returns/domain/terms";
import { inspectLine } from "~/features/returns/index.server";
import { loader as apiLoader } from "~/routes/api.customer-account.returns";
import { action as statusAction, loader as statusLoader } from "~/routes/proxy.returns.$id";
import { action as portalAction, loader as portalLoader } from "~/routes/proxy.returns";
import { getCurrentPolicy } from "~/services/policy.server";
import { proxyRequest } from "../support/proxy";
import { installShop, sessionToken } from "../support/shopify";

// The shopper's return portal behind the signed app proxy, and the customer-account API: who may
// see an order, what each line can become and why not, the preview's exact amounts, submit, the
// status page and its tracking form. Orders are the returns policy's snapshots, written directly.

const SHOP = "portal-demo.myshopify.com";
const MAYA = { gid: "gid://shopify/Customer/501", legacy: "501", email: "maya@example.com" };
const OLIVIA = { gid: "gid://shopify/Customer/502", legacy: "502" };
const DAY = 86_400_000;
let n = 0;

async function placeOrder(
  options: {
    country?: string;
    sourceName?: string | null;
    lines?: { tags?: string[]; purchaseOption?: string | null; title?: string }[];
  } = {},
) {
  n += 1;
  const policy = await getCurrentPolicy(SHOP);
  const lines = options.lines ?? [{}];
  return prisma.returnOrder.create({
    data: {
      shop: SHOP,
      orderGid: `gid://shopify/Order/${9000 + n}`,
      orderName: `#${1000 + n}`,
      customerGid: MAYA.gid,
      customerEmail: MAYA.email,
      sourceName: options.sourceName ?? "web",
      shippingCountry: options.country ?? "US",
      currencyCode: "USD",
      policyVersion: policy.version,
      terms: JSON.stringify(returnTerms(policy.document, policy.version)),
      placedAt: new Date(Date.now() - 6 * DAY),
      lines: {
        create: lines.map((l, i) => ({
          lineItemGid: `gid://shopify/LineItem/${n * 100 + i}`,
          productGid: "gid://shopify/Product/1",
          variantGid: "gid://shopify/ProductVariant/11",
          title: l.title ?? "Little Black Heels",
          variantTitle: "8 / Medium",
          quantity: 1,
          paidTotalMinor: 24500,
          unitPriceMinor: 24500,
          tags: JSON.stringify(l.tags ?? ["classic-pump"]),
          purchaseOption: l.purchaseOption ?? null,
          deliveredAt: new Date(Date.now() - 3 * DAY),
        })),
      },
    },
    include: { lines: true },
  });
}

const call = async (
  fn: (args: LoaderFunctionArgs) => Promise<Response>,
  request: Request,
  params: Record<string, string> = {},
) => {
  try {
    return await fn({ request, params, context: {} });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
};

function post(fields: Record<string, string>, ip = "203.0.113.1") {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.set(k, v);
  return { method: "POST", body, headers: { "x-forwarded-for": ip } };
}

const page = (customer: string | null, query: Record<string, string> = {}, path = "/returns") =>
  proxyRequest(SHOP, path, customer, {}, { query });

function lineFields(order: Awaited<ReturnType<typeof placeOrder>>, outcome: string, i = 0) {
  return {
    orderId: order.id,
    [`lines[${i}].selected`]: "1",
    [`lines[${i}].gid`]: order.lines[i]!.lineItemGid,
    [`lines[${i}].quantity`]: "1",
    [`lines[${i}].reason`]: "SIZE_TOO_SMALL",
    [`lines[${i}].fit`]: "too_tight",
    [`lines[${i}].size`]: "8.5",
    [`lines[${i}].width`]: "Medium",
    [`lines[${i}].outcome`]: outcome,
  };
}

beforeEach(async () => {
  await installShop(null, SHOP);
});

describe("return portal access", () => {
  it("refuses unsigned or forged requests", async () => {
    const forged = proxyRequest(SHOP, "/returns", MAYA.legacy, {}, { tamper: true });
    expect((await call(portalLoader, forged)).status).toBe(400);
    const unsigned = new Request(`https://fitting-room.test/proxy/returns?shop=${SHOP}`);
    expect((await call(portalLoader, unsigned)).status).toBe(400);
  });

  it("lists a signed-in customer's own orders and hides them from anyone else", async () => {
    const order = await placeOrder();
    const mine = await call(portalLoader, page(MAYA.legacy));
    expect(await mine.text()).toContain(`data-order="${order.id}"`);
    const theirs = await call(portalLoader, page(OLIVIA.legacy, { order: order.id }));
    expect(theirs.status).toBe(404);
    expect(await theirs.text()).not.toContain("Little Black Heels");
    const guessed = await call(portalLoader, page(null, { order: order.id }));
    expect(guessed.status).toBe(404);
  });

  it("finds a guest's order by number and email, says the same on any miss, and limits tries", async () => {
    const order = await placeOrder();
    const find = (orderName: string, email: string, ip: string) =>
      call(
        portalAction,
        proxyRequest(SHOP, "/returns", null, post({ intent: "find", orderName, email }, ip)),
      );
    const wrongEmail = await find(order.orderName, "someone@example.com", "198.51.100.7");
    const unknown = await find("#999999", MAYA.email, "198.51.100.7");
    expect(wrongEmail.status).toBe(404);
    expect(unknown.status).toBe(404);
    const text = (r: string) => r.replace(/value="[^"]*"/g, "");
    expect(text(await wrongEmail.text())).toBe(text(await unknown.text()));

    const hit = await find(order.orderName.slice(1), MAYA.email.toUpperCase(), "198.51.100.8");
    expect(hit.status).toBe(303);
    const location = hit.headers.get("location")!;
    const token = new URL(location, "https://x").searchParams.get("token")!;
    expect(token).toMatch(/\./);
    const shown = await call(portalLoader, page(null, { token }));
    expect(await shown.text()).toContain(`data-line="${order.lines[0]!.lineItemGid}"`);
    const forged = await call(portalLoader, page(null, { token: `${order.id}.9999999999.AAAA` }));
    const forgedHtml = await forged.text();
    expect(forgedHtml).not.toContain("data-line=");
    expect(forgedHtml).toContain('data-form="find"');

    for (let i = 0; i < 3; i += 1) await find("#1", "x@example.com", "198.51.100.7");
    const limited = await find(order.orderName, MAYA.email, "198.51.100.7");
    expect(limited.status).toBe(429);
    expect(await limited.text()).toContain("Too many tries");
  });
});

describe("return portal lines and preview", () => {
  it("says why a line cannot come back, and sends trial pairs and marketplace orders elsewhere", async () => {
    const order = await placeOrder({
      lines: [{ tags: ["final-sale"] }, { purchaseOption: "trial" }, {}],
    });
    const html = await (await call(portalLoader, page(MAYA.legacy, { order: order.id }))).text();
    expect(html).toContain('data-why="final_sale"');
    expect(html).toContain("Items marked final sale cannot be returned");
    expect(html).toContain('data-elsewhere="trial"');
    expect(html).toContain('href="/apps/fitting-room/trial"');
    expect(html.match(/data-returnable="yes"/g)).toHaveLength(1);

    const nordstrom = await placeOrder({ sourceName: "nordstrom" });
    const redirected = await (
      await call(portalLoader, page(MAYA.legacy, { order: nordstrom.id }))
    ).text();
    expect(redirected).toContain("data-marketplace");
    expect(redirected).not.toContain('data-form="lines"');
  });

  it("previews a refund less the $12.99 handling fee, and store credit in full", async () => {
    const order = await placeOrder();
    const refund = await call(
      portalAction,
      proxyRequest(
        SHOP,
        "/returns",
        MAYA.legacy,
        post({ intent: "preview", ...lineFields(order, "refund") }),
      ),
    );
    const refundHtml = await refund.text();
    expect(refund.status).toBe(200);
    expect(refundHtml).toContain('data-fee="1299"');
    expect(refundHtml).toContain('data-total-refund="23201"');
    expect(refundHtml).toContain("$232.01");
    const credit = await (
      await call(
        portalAction,
        proxyRequest(
          SHOP,
          "/returns",
          MAYA.legacy,
          post({ intent: "preview", ...lineFields(order, "store_credit") }),
        ),
      )
    ).text();
    expect(credit).toContain('data-total-credit="24500"');
    expect(credit).not.toContain("data-fee=");
    expect(await prisma.returnCase.count()).toBe(0);
  });

  it("names the field a request gets wrong, and is translated", async () => {
    const order = await placeOrder();
    const fields = { intent: "preview", ...lineFields(order, "exchange"), locale: "fr" };
    const response = await call(
      portalAction,
      proxyRequest(SHOP, "/returns", MAYA.legacy, post(fields)),
    );
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('data-error="lines[0].exchange"');
    expect(html).toContain('lang="fr"');
    expect(html).toContain("Commande");
  });
});

describe("submitting and following a return", () => {
  it("opens a case on submit, redirects to its status page, and takes the shopper's tracking", async () => {
    const order = await placeOrder({ country: "CA" });
    const submit = await call(
      portalAction,
      proxyRequest(
        SHOP,
        "/returns",
        MAYA.legacy,
        post({ intent: "submit", ...lineFields(order, "store_credit") }),
      ),
    );
    expect(submit.status).toBe(303);
    const c = await prisma.returnCase.findFirstOrThrow({
      where: { orderId: order.id },
      include: { lines: true },
    });
    expect(c.source).toBe("portal");
    expect(c.lines[0]).toMatchObject({
      reason: "SIZE_TOO_SMALL",
      fitFeedback: "too_tight",
      wantedSize: "8.5",
    });
    expect(submit.headers.get("location")).toContain(`/apps/fitting-room/returns/${c.id}`);

    const status = await call(
      statusLoader,
      page(MAYA.legacy, { submitted: "1" }, `/returns/${c.id}`),
      { id: c.id },
    );
    const html = await status.text();
    expect(html).toContain('data-step="requested" data-done="yes"');
    expect(html).toContain('data-step="received" data-done="no"');
    expect(
      await (
        await call(statusLoader, page(OLIVIA.legacy, {}, `/returns/${c.id}`), { id: c.id })
      ).status,
    ).toBe(404);

    await prisma.returnCase.update({ where: { id: c.id }, data: { approvedAt: new Date() } });
    const approved = await (
      await call(statusLoader, page(MAYA.legacy, {}, `/returns/${c.id}`), { id: c.id })
    ).text();
    expect(approved).toContain('data-hs-code="9801.00.1012"');
    expect(approved).toContain('data-form="tracking"');
    const bad = await call(
      statusAction,
      proxyRequest(
        SHOP,
        `/returns/${c.id}`,
        MAYA.legacy,
        post({ intent: "tracking", trackingNumber: "!" }),
      ),
      { id: c.id },
    );
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('data-error="trackingNumber"');
    const saved = await call(
      statusAction,
      proxyRequest(
        SHOP,
        `/returns/${c.id}`,
        MAYA.legacy,
        post({
          intent: "tracking",
          trackingNumber: "CP123456789CA",
          trackingUrl: "https://track.example/CP123456789CA",
        }),
      ),
      { id: c.id },
    );
    expect(saved.status).toBe(303);
    expect(
      (await prisma.returnCase.findUniqueOrThrow({ where: { id: c.id } })).trackingNumber,
    ).toBe("CP123456789CA");
  });
});

describe("a worn pair's choice", () => {
  it("asks the shopper for store credit less 30% or the pair sent back, and records the choice", async () => {
    const order = await placeOrder();
    const submit = await call(
      portalAction,
      proxyRequest(
        SHOP,
        "/returns",
        MAYA.legacy,
        post({ intent: "submit", ...lineFields(order, "refund") }),
      ),
    );
    expect(submit.status).toBe(303);
    const c = await prisma.returnCase.findFirstOrThrow({
      where: { orderId: order.id },
      include: { lines: true },
    });
    await prisma.returnCase.update({ where: { id: c.id }, data: { approvedAt: new Date() } });
    await inspectLine(SHOP, c.id, c.lines[0]!.id, { condition: "worn", note: null }, "warehouse");
    const html = await (
      await call(statusLoader, page(MAYA.legacy, {}, `/returns/${c.id}`), { id: c.id })
    ).text();
    expect(html).toContain('data-form="choice"');
    expect(html).toContain("Store credit less a 30% restocking fee");
    const choose = (customer: string) =>
      call(
        statusAction,
        proxyRequest(
          SHOP,
          `/returns/${c.id}`,
          customer,
          post({ intent: "choice", lineId: c.lines[0]!.id, outcome: "store_credit" }),
        ),
        { id: c.id },
      );
    expect((await choose(OLIVIA.legacy)).status).toBe(404);
    expect((await choose(MAYA.legacy)).status).toBe(303);
    const line = await prisma.returnCaseLine.findUniqueOrThrow({ where: { id: c.lines[0]!.id } });
    expect(line.outcome).toBe("store_credit");
  });
});

describe("customer-account API", () => {
  const apiRequest = (token: string | null, orderGid: string) =>
    new Request(
      `https://fitting-room.test/api/customer-account/returns?orderId=${encodeURIComponent(orderGid)}`,
      {
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          origin: "https://extensions.shopifycdn.com",
        },
      },
    );

  it("answers 401 without a valid session token, and only the customer's own order", async () => {
    const order = await placeOrder();
    expect((await call(apiLoader, apiRequest(null, order.orderGid))).status).toBe(401);
    expect(
      (
        await call(
          apiLoader,
          apiRequest(sessionToken(SHOP, MAYA.gid, "wrong-secret"), order.orderGid),
        )
      ).status,
    ).toBe(401);
    const theirs = await call(
      apiLoader,
      apiRequest(sessionToken(SHOP, OLIVIA.gid), order.orderGid),
    );
    expect(theirs.status).toBe(404);
    const mine = await call(apiLoader, apiRequest(sessionToken(SHOP, MAYA.gid), order.orderGid));
    expect(mine.status).toBe(200);
    expect(mine.headers.get("access-control-allow-origin")).toBe("*");
    const body = (await mine.json()) as { order: { lines: { returnable: boolean }[] } };
    expect(body.order.lines[0]!.returnable).toBe(true);
  });
});

// E2E_SCREENSHOTS=docs/screenshots writes the portal's pages as headless Chromium renders them.
describe.skipIf(!process.env.E2E_SCREENSHOTS)("portal screenshots", () => {
  it("renders the order, the preview and the status page", async () => {
    const { chromium } = await import("playwright-core");
    const { findChromium } = await import("../support/browser");
    const choice = await findChromium();
    const browser = await chromium.launch({
      executablePath: choice.executablePath,
      args: choice.args,
    });
    try {
      const order = await placeOrder({
        lines: [
          {},
          { title: "Forever Flat", tags: ["final-sale"] },
          { title: "Trial pump", purchaseOption: "trial" },
        ],
      });
      const shots: [string, Response][] = [
        ["9-return-portal", await call(portalLoader, page(MAYA.legacy, { order: order.id }))],
        [
          "9a-return-preview",
          await call(
            portalAction,
            proxyRequest(
              SHOP,
              "/returns",
              MAYA.legacy,
              post({ intent: "preview", ...lineFields(order, "refund") }),
            ),
          ),
        ],
      ];
      const submit = await call(
        portalAction,
        proxyRequest(
          SHOP,
          "/returns",
          MAYA.legacy,
          post({ intent: "submit", ...lineFields(order, "refund") }),
        ),
      );
      const id = submit.headers.get("location")!.split("/returns/")[1]!.split("?")[0]!;
      await prisma.returnCase.update({
        where: { id },
        data: { approvedAt: new Date(), labelUrl: "https://carrier.example/labels/1.pdf" },
      });
      shots.push([
        "9b-return-status",
        await call(statusLoader, page(MAYA.legacy, {}, `/returns/${id}`), { id }),
      ]);
      const tab = await browser.newPage({ viewport: { width: 800, height: 900 } });
      for (const [name, response] of shots) {
        await tab.setContent(await response.text());
        await tab.screenshot({
          path: `${process.env.E2E_SCREENSHOTS}/${name}.png`,
          fullPage: true,
        });
      }
    } finally {
      await browser.close();
    }
  });
});

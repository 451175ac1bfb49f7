// @vitest-environment jsdom
/// <reference types="@shopify/ui-extensions/customer-account.order-status.block.render" />
import { getExtension } from "@shopify/ui-extensions-tester";
import { waitFor } from "@testing-library/preact";
import { chromium, type Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { OrderStatusAnswer } from "../../../app/domain/order-status";
import { findChromium } from "../../../tests/support/browser";
import { pair, referral, ret, trial } from "./parts";
import { speakEnglish } from "./translate";

// The order status block as a shopper sees it: the extension's own module rendered by Shopify's
// extension tester for an answer of the shape the backend gives (tests/integration/order-status),
// and the DOM it produced — Polaris web components and all — laid out in headless Chromium with
// plain styles for those elements (Shopify's real styling is not available offline). With
// E2E_SCREENSHOTS=docs/screenshots the pages are kept as 15*-customer-account-*.png.

const extension = getExtension("customer-account.order-status.block.render");
const ORDER = "gid://shopify/Order/1";
const STORE = "https://ally-shoes.com";

const CASES: { name: string; order: string; answer: OrderStatusAnswer; visible: string[] }[] = [
  {
    name: "15-customer-account-order",
    order: "#1001",
    answer: {
      orderId: ORDER,
      parts: [
        trial({ undecided: 2, charge: { amount: 49000, currency: "USD", date: "2026-12-13" } }),
        referral,
      ],
    },
    visible: [
      "Home trial",
      "Day 3 of 7 at home",
      "We charge $490.00 on Dec 13, 2026 for the pairs you keep.",
      "Keep or return your pairs",
      "Give $20.00, get $20.00",
      "Share your referral link",
    ],
  },
  {
    name: "15b-customer-account-made-to-order",
    order: "#1002",
    answer: {
      orderId: ORDER,
      parts: [{ kind: "made_to_order", pairs: [pair({ shipDate: "2026-12-29" })] }],
    },
    visible: [
      "Made to order",
      "Little Black Heels (10 / Extra Wide): your fitting pair has arrived. Confirm your fit to start production.",
      "Confirm today and it ships about Dec 29, 2026.",
      "Confirm your fit",
    ],
  },
  {
    name: "15c-customer-account-return",
    order: "#1003",
    answer: {
      orderId: ORDER,
      parts: [
        {
          kind: "returns",
          returns: [ret({ state: "refunded", requestedAt: "2026-11-20" })],
          request: { path: "/apps/fitting-room/returns?order=r1", lastDay: "2026-12-18" },
        },
      ],
    },
    visible: [
      "Returns",
      "Refunded $232.01 to your original payment.",
      "You can ask for a return until Dec 18, 2026.",
      "Request a return or exchange",
    ],
  },
];

// Plain stand-ins for the Polaris web components the block uses, read from their attributes.
const STYLE = `
  body { margin: 0; font: 14px/1.45 system-ui, sans-serif; color: #303030; background: #f1f1f1; }
  main { max-width: 560px; margin: 24px auto; }
  header { font-size: 20px; font-weight: 650; margin: 0 0 12px; }
  s-section { display: block; background: #fff; border-radius: 12px; padding: 20px;
    box-shadow: 0 1px 2px rgba(0,0,0,.12); }
  s-section[heading]::before { content: attr(heading); display: block; font-size: 16px;
    font-weight: 650; margin-bottom: 12px; }
  s-stack { display: flex; flex-direction: column; gap: 16px; }
  s-stack[gap="small-200"] { gap: 4px; }
  s-heading { display: block; font-weight: 650; }
  s-text { display: block; }
  s-link { display: block; color: #005bd3; text-decoration: underline; }
  s-link[href]::after { content: " → " attr(href); color: #8a8a8a; font-size: 12px;
    text-decoration: none; }
  footer { color: #8a8a8a; font-size: 12px; margin-top: 12px; }
`;

function page(order: string, block: string) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><style>${STYLE}</style></head>
<body><main><header>Order ${order}</header>${block}
<footer>The extension's output in Shopify's extension tester (customer-account.order-status.block.render), Polaris web components styled plainly.</footer>
</main></body></html>`;
}

let browser: Browser;

beforeAll(async () => {
  const { executablePath, args } = await findChromium();
  browser = await chromium.launch({ executablePath, args, headless: true });
});
afterAll(() => browser?.close());

describe("order status block in a browser", () => {
  beforeEach(() => {
    extension.setUp();
    speakEnglish(extension.shopify.i18n);
    extension.shopify.shop.storefrontUrl = STORE;
  });
  afterEach(() => extension.tearDown());

  for (const c of CASES)
    it(`${c.name}: the block's own DOM, laid out and readable`, async () => {
      extension.fetch = vi.fn(
        async () => new Response(JSON.stringify(c.answer)),
      ) as unknown as typeof extension.fetch;
      await extension.render();
      await waitFor(() => expect(document.body.querySelector("s-section")).not.toBeNull());
      const tab = await browser.newPage({ viewport: { width: 640, height: 400 } });
      try {
        await tab.setContent(page(c.order, document.body.innerHTML));
        const section = tab.locator("s-section");
        expect(await section.getAttribute("heading")).toBe("Your fitting room");
        const shown = await section.innerText();
        for (const line of c.visible) expect(shown).toContain(line);
        // Every link opens the store's own app proxy page.
        const links = await tab
          .locator("s-link")
          .evaluateAll((ls) => ls.map((l) => l.getAttribute("href") ?? ""));
        expect(links.length).toBeGreaterThan(0);
        for (const href of links)
          expect(href).toMatch(/^https:\/\/ally-shoes\.com\/apps\/fitting-room\//);
        if (process.env.E2E_SCREENSHOTS)
          await tab.screenshot({
            path: `${process.env.E2E_SCREENSHOTS}/${c.name}.png`,
            fullPage: true,
          });
      } finally {
        await tab.close();
      }
    });
});

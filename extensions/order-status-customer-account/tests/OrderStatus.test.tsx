// @vitest-environment jsdom
/// <reference types="@shopify/ui-extensions/customer-account.order-status.block.render" />
import { getExtension } from "@shopify/ui-extensions-tester";
import { waitFor } from "@testing-library/preact";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { OrderStatusAnswer } from "../../../app/domain/order-status";
import { statusUrl } from "../src/order-status";
import { referral, trial } from "./parts";
import { speakEnglish } from "./translate";

// The order status block with Shopify's own extension tester: mock `shopify` global (its order,
// shop and session token), the app's answer from a mock fetch, a real render with the English
// locale file.

const extension = getExtension("customer-account.order-status.block.render");
const ORDER = "gid://shopify/Order/1";

const answer: OrderStatusAnswer = {
  orderId: ORDER,
  parts: [
    trial({ undecided: 2, charge: { amount: 49000, currency: "USD", date: "2026-12-13" } }),
    referral,
  ],
};

function respond(body: unknown, status = 200) {
  const fetch = vi.fn(async () => new Response(JSON.stringify(body), { status }));
  extension.fetch = fetch as unknown as typeof extension.fetch;
  return fetch;
}

const texts = () => [...document.body.querySelectorAll("s-text")].map((t) => t.textContent);

describe("order status block", () => {
  beforeEach(() => {
    extension.setUp();
    speakEnglish(extension.shopify.i18n);
  });
  afterEach(() => extension.tearDown());

  it("asks the app about this order with its session token and shows each part with its links", async () => {
    const fetch = respond(answer);
    await extension.render();
    await waitFor(() => expect(document.body.querySelector("s-section")).not.toBeNull());
    expect(fetch).toHaveBeenCalledWith(statusUrl(ORDER), {
      headers: { Authorization: "Bearer mock-session-token" },
    });
    expect(document.body.querySelector("s-section")!.getAttribute("heading")).toBe(
      "Your fitting room",
    );
    expect([...document.body.querySelectorAll("s-heading")].map((h) => h.textContent)).toEqual([
      "Home trial",
      "Give $20.00, get $20.00",
    ]);
    expect(texts()).toEqual([
      "Day 3 of 7 at home",
      "Decide on each pair and send back what you don't keep by the end of Dec 12, 2026.",
      "2 pairs still to decide on.",
      "We charge $490.00 on Dec 13, 2026 for the pairs you keep.",
      "Friends get $20.00 off their first order with your link, and you get $20.00 once they keep it.",
      "Your code: MAYA-7K2Q",
      "https://mock-shop.myshopify.com/apps/fitting-room/r/MAYA-7K2Q",
    ]);
    const links = [...document.body.querySelectorAll("s-link")].map((l) => [
      l.textContent,
      l.getAttribute("href"),
    ]);
    expect(links).toEqual([
      ["Keep or return your pairs", "https://mock-shop.myshopify.com/apps/fitting-room/trial"],
      ["Share your referral link", "https://mock-shop.myshopify.com/apps/fitting-room/r/MAYA-7K2Q"],
    ]);
  });

  it("renders nothing when the app has nothing for the order, or refuses", async () => {
    const empty = respond({ orderId: ORDER, parts: [] });
    await extension.render();
    await waitFor(() => expect(empty).toHaveBeenCalled());
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(document.body.querySelector("s-section")).toBeNull();
    extension.tearDown();

    extension.setUp();
    const refused = respond({ error: "This order is not available.", field: "orderId" }, 404);
    await extension.render();
    await waitFor(() => expect(refused).toHaveBeenCalled());
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(document.body.innerHTML).toBe("");
  });

  it("does not ask without an order", async () => {
    const fetch = respond(answer);
    extension.shopify.order.value = undefined;
    await extension.render();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(fetch).not.toHaveBeenCalled();
    expect(document.body.querySelector("s-section")).toBeNull();
  });
});

import { describe, expect, it, vi } from "vitest";
import type { OrderStatusPart } from "../../../app/domain/order-status";
import {
  loadOrderStatus,
  minorToMajor,
  sections,
  statusUrl,
  storefrontBase,
  type Formatters,
} from "../src/order-status";
import { pair, referral, ret, trial } from "./parts";
import { keysOf, loadLocale, translator } from "./translate";

// The order status block's words and links, without a customer account: each policy's part as
// the shopper reads it, in English and French, and what the block does when the app has nothing.

const en = loadLocale("en.default");
const fr = loadLocale("fr");
const STORE = "https://ally-shoes.com";

const f = (locale: "en" | "fr" = "en"): Formatters => ({
  t: translator(locale === "en" ? en : fr, locale),
  money: (amount, currency) =>
    new Intl.NumberFormat("en-US", { style: "currency", currency }).format(
      minorToMajor(amount, currency),
    ),
  date: (value) => value,
  storefront: STORE,
});

const answer = (...parts: OrderStatusPart[]) => ({ orderId: "gid://shopify/Order/1", parts });
const one = (p: OrderStatusPart, locale: "en" | "fr" = "en") => sections(answer(p), f(locale))[0]!;

describe("home trial", () => {
  it("at home: the day, the last day, what is left to decide, the charge and the keep/return page", () => {
    expect(one(trial())).toEqual({
      kind: "trial",
      heading: "Home trial",
      lines: [
        "Day 3 of 7 at home",
        "Decide on each pair and send back what you don't keep by the end of 2026-12-12.",
        "1 pair still to decide on.",
        "We charge $245.00 on 2026-12-13 for the pairs you keep.",
      ],
      links: [{ label: "Keep or return your pairs", href: `${STORE}/apps/fitting-room/trial` }],
    });
    expect(one(trial({ undecided: 2 })).lines[2]).toBe("2 pairs still to decide on.");
    expect(
      one(trial({ charge: { amount: 0, currency: "USD", date: "2026-12-13" } })).lines,
    ).toContain("Send back the pairs marked for return in time and nothing is charged.");
  });

  it("before delivery, once decided, charged or closed; no keep/return link after the window", () => {
    expect(one(trial({ phase: "not_delivered", day: null, charge: null })).lines).toEqual([
      "Your trial box is on its way. Your 7 days start the day it is delivered.",
    ]);
    const decided = one(trial({ phase: "decided", day: null }));
    expect(decided.lines).toEqual([
      "Your trial has ended. We charge $245.00 on 2026-12-13 for the pairs you kept.",
    ]);
    expect(decided.links).toEqual([]);
    expect(
      one(
        trial({ phase: "charged", charge: { amount: 24500, currency: "USD", date: "2026-12-13" } }),
      ).lines,
    ).toEqual(["Charged $245.00 on 2026-12-13 for the pairs you kept."]);
    expect(
      one(trial({ phase: "closed", charge: { amount: 0, currency: "USD", date: "2026-12-13" } }))
        .lines,
    ).toEqual(["Your trial is over: nothing was charged."]);
  });
});

describe("made to order", () => {
  it("each pair's step, the date it ships about, and one fit link for the pairs to confirm", () => {
    const section = one({
      kind: "made_to_order",
      pairs: [
        pair(),
        pair({ title: "Forever Flat", variantTitle: null, state: "fitting_pair_shipped" }),
        pair({ state: "in_production", shipDate: "2026-12-20", fitPath: null }),
        pair({ state: "shipped", shipDate: null, fitPath: null }),
      ],
    });
    expect(section.lines).toEqual([
      "Little Black Heels (10 / Extra Wide): your fitting pair has arrived. Confirm your fit to start production.",
      "Confirm today and it ships about 2026-12-24.",
      "Forever Flat: your fitting pair has shipped. Confirm your fit once you have tried it.",
      "Confirm today and it ships about 2026-12-24.",
      "Little Black Heels (10 / Extra Wide): in production.",
      "Ships about 2026-12-20.",
      "Little Black Heels (10 / Extra Wide): shipped.",
    ]);
    expect(section.links).toEqual([
      { label: "Confirm your fit", href: `${STORE}/apps/fitting-room/fit?case=c1` },
    ]);
  });
});

describe("returns", () => {
  it("each return's state with its amount, a declined return's reason, and the portal while returnable", () => {
    const section = one({
      kind: "returns",
      returns: [
        ret(),
        ret({ state: "in_transit" }),
        ret({ state: "refunded" }),
        ret({ state: "credited", refund: 0, storeCredit: 24500 }),
        ret({ state: "declined", declineNote: "Items marked final sale cannot be returned." }),
      ],
      request: { path: "/apps/fitting-room/returns?order=o1", lastDay: "2026-12-19" },
    });
    expect(section.lines).toEqual([
      "Return requested on 2026-12-05: we are reviewing it.",
      "Your return is on its way to us.",
      "Refunded $232.01 to your original payment.",
      "$245.00 added to your store credit.",
      "Your return request was declined.",
      "Items marked final sale cannot be returned.",
      "You can ask for a return until 2026-12-19.",
    ]);
    expect(section.links).toEqual([
      {
        label: "Request a return or exchange",
        href: `${STORE}/apps/fitting-room/returns?order=o1`,
      },
    ]);
    const done = one({ kind: "returns", returns: [ret({ state: "approved" })], request: null });
    expect(done).toMatchObject({
      lines: ["Return approved: send the pairs back to us."],
      links: [],
    });
  });
});

describe("referral", () => {
  it("the offer, the code and the link on the store", () => {
    expect(one(referral)).toEqual({
      kind: "referral",
      heading: "Give $20.00, get $20.00",
      lines: [
        "Friends get $20.00 off their first order with your link, and you get $20.00 once they keep it.",
        "Your code: MAYA-7K2Q",
        `${STORE}/apps/fitting-room/r/MAYA-7K2Q`,
      ],
      links: [
        { label: "Share your referral link", href: `${STORE}/apps/fitting-room/r/MAYA-7K2Q` },
      ],
    });
    const percent = one({ ...referral, friendReward: { kind: "percent", percent: 15 } });
    expect(percent.heading).toBe("Give 15%, get $20.00");
  });
});

describe("the block", () => {
  it("has nothing to show without parts, and skips a part it does not know", () => {
    expect(sections(null, f())).toEqual([]);
    expect(sections(answer(), f())).toEqual([]);
    const unknown = { kind: "gift_wrap" } as unknown as OrderStatusPart;
    expect(sections(answer(unknown, referral), f()).map((s) => s.kind)).toEqual(["referral"]);
  });

  it("keeps the app's order of parts", () => {
    const all = answer(trial(), { kind: "made_to_order", pairs: [pair()] }, referral);
    expect(sections(all, f()).map((s) => s.kind)).toEqual(["trial", "made_to_order", "referral"]);
  });

  it("says everything in French too, with the same keys in both files", () => {
    expect(keysOf(fr).sort()).toEqual(keysOf(en).sort());
    expect(one(trial(), "fr").lines[0]).toBe("Jour 3 sur 7 à la maison");
    expect(one(trial({ undecided: 2 }), "fr").lines[2]).toBe("2 paires encore à décider.");
    const states = [
      "requested",
      "approved",
      "in_transit",
      "received",
      "refunded",
      "credited",
      "resolved",
      "declined",
    ] as const;
    const returns = one(
      { kind: "returns", returns: states.map((state) => ret({ state })), request: null },
      "fr",
    );
    expect(returns.lines).toHaveLength(states.length);
  });
});

describe("money, links and the app's answer", () => {
  it("formats minor units with the currency's own decimals", () => {
    expect(minorToMajor(24500, "USD")).toBe(245);
    expect(minorToMajor(24500, "JPY")).toBe(24500);
    expect(minorToMajor(1500, "KWD")).toBe(1.5);
  });

  it("links to the store's own URL, or its myshopify domain", () => {
    expect(storefrontBase({ storefrontUrl: "https://ally-shoes.com/", myshopifyDomain: "x" })).toBe(
      "https://ally-shoes.com",
    );
    expect(storefrontBase({ myshopifyDomain: "ally.myshopify.com" })).toBe(
      "https://ally.myshopify.com",
    );
  });

  it("asks the app with the session token, and takes any failure as nothing to show", async () => {
    const ok = vi.fn(async () => new Response(JSON.stringify(answer(referral))));
    expect(await loadOrderStatus("gid://shopify/Order/7", "tok", ok)).toEqual(answer(referral));
    expect(ok).toHaveBeenCalledWith(statusUrl("gid://shopify/Order/7"), {
      headers: { Authorization: "Bearer tok" },
    });
    expect(statusUrl("gid://shopify/Order/7")).toBe(
      "https://fitting-room.example.com/api/customer-account/order-status?orderId=gid%3A%2F%2Fshopify%2FOrder%2F7",
    );
    const notFound = async () => new Response(JSON.stringify({ error: "x" }), { status: 404 });
    expect(await loadOrderStatus("gid://shopify/Order/7", "tok", notFound)).toBeNull();
    // A refusal is nothing to show, whatever its body says.
    const refused = async () => new Response(JSON.stringify(answer(referral)), { status: 500 });
    expect(await loadOrderStatus("gid://shopify/Order/7", "tok", refused)).toBeNull();
    const down = async () => Promise.reject(new TypeError("network"));
    expect(await loadOrderStatus("gid://shopify/Order/7", "tok", down)).toBeNull();
    const odd = async () => new Response(JSON.stringify({ parts: "none" }));
    expect(await loadOrderStatus("gid://shopify/Order/7", "tok", odd)).toBeNull();
  });
});

/// <reference types="vite/client" />
import crypto from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { receiveWebhook } from "~/platform/webhooks/inbox.server";
import { ALL_TOPICS, type WebhookTopic } from "~/platform/webhooks/topics";
import { examplePayload } from "../support/payloads";
import { installShop, webhookRequest } from "../support/shopify";
import { signProxyQuery } from "../sandbox/storefront";
import { runJobs } from "../support/worker";
import { startSandbox } from "../support/sandbox";

// Generated hostile input, 1,000 cases per surface: every case is refused (or, for a delivery
// the app does not serve, acknowledged and dropped) and none has an effect: no shop, order,
// job, case or money row appears, and no answer carries another customer's data.

const SHOP = "demo-shoes.myshopify.com";
const RUNS = 1000;
const context = startSandbox();

async function effects() {
  const [shops, orders, events, jobs, moneyEffects, trials, returns, referrals, answers] =
    await Promise.all([
      prisma.shop.count(),
      prisma.shopOrder.count(),
      prisma.orderEvent.count(),
      prisma.job.count(),
      prisma.effect.count(),
      prisma.trial.count(),
      prisma.returnCase.count(),
      prisma.referralCase.count(),
      prisma.fitAnswer.count(),
    ]);
  return { shops, orders, events, jobs, moneyEffects, trials, returns, referrals, answers };
}

type Mutation =
  | "forged"
  | "unsigned"
  | "other app"
  | "hmac suffix"
  | "hmac truncated"
  | "not installed"
  | "bad domain"
  | "truncated body"
  | "array body"
  | "oversized"
  | "topic mismatch"
  | "no webhook id";

const MUTATIONS: Mutation[] = [
  "forged",
  "unsigned",
  "other app",
  "hmac suffix",
  "hmac truncated",
  "not installed",
  "bad domain",
  "truncated body",
  "array body",
  "oversized",
  "topic mismatch",
  "no webhook id",
];

function hostileDelivery(topic: WebhookTopic, mutation: Mutation, noise: string): Request {
  const payload = { ...examplePayload(topic), note: noise };
  const valid = webhookRequest(topic, payload);
  const hmac = valid.headers.get("x-shopify-hmac-sha256")!;
  switch (mutation) {
    case "forged":
      return webhookRequest(topic, payload, { hmac: crypto.randomBytes(32).toString("base64") });
    case "unsigned":
      return webhookRequest(topic, payload, { hmac: null });
    case "other app":
      return webhookRequest(topic, payload, { secret: `another-app-${noise}` });
    case "hmac suffix":
      // Headers trim surrounding whitespace, so a blank suffix would leave the true HMAC.
      return webhookRequest(topic, payload, { hmac: `${hmac}${noise.trim() || "="}` });
    case "hmac truncated":
      return webhookRequest(topic, payload, { hmac: hmac.slice(0, -4) });
    case "not installed":
      return webhookRequest(topic, payload, { shop: "not-installed.myshopify.com" });
    case "bad domain":
      return webhookRequest(topic, payload, { shop: `evil.example.com/${noise}` });
    case "truncated body": {
      const raw = JSON.stringify(payload);
      return webhookRequest(topic, raw.slice(0, Math.max(1, raw.length - 1 - noise.length)));
    }
    case "array body":
      return webhookRequest(topic, [payload, noise]);
    case "oversized": {
      const headers = new Headers(valid.headers);
      headers.set("content-length", String(3 * 1024 * 1024));
      return new Request(valid.url, { method: "POST", headers, body: "{}" });
    }
    case "topic mismatch":
      return webhookRequest(topic, payload, { topicHeader: "orders/fabricated" });
    case "no webhook id": {
      const headers = new Headers(valid.headers);
      headers.delete("x-shopify-webhook-id");
      return new Request(valid.url, { method: "POST", headers, body: JSON.stringify(payload) });
    }
  }
}

const EXPECTED: Record<Mutation, number[]> = {
  forged: [401],
  unsigned: [401],
  "other app": [401],
  "hmac suffix": [401],
  "hmac truncated": [401],
  // Signed by Shopify for a shop without the app: acknowledged so it is not retried, kept nowhere.
  "not installed": [200],
  "bad domain": [400],
  "truncated body": [400],
  "array body": [400],
  oversized: [413],
  "topic mismatch": [400],
  "no webhook id": [400],
};

describe("hostile webhook deliveries", () => {
  it(`refuses ${RUNS} generated bad deliveries with no effect`, async () => {
    await installShop(context.store, SHOP);
    const before = await effects();
    const seen = new Map<Mutation, number>();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ALL_TOPICS),
        fc.constantFrom(...MUTATIONS),
        fc.string({ maxLength: 12 }),
        async (topic, mutation, noise) => {
          const response = await receiveWebhook(hostileDelivery(topic, mutation, noise), topic);
          seen.set(mutation, (seen.get(mutation) ?? 0) + 1);
          expect(EXPECTED[mutation], `${mutation} on ${topic}`).toContain(response.status);
        },
      ),
      { numRuns: RUNS },
    );
    await runJobs();
    expect(await effects()).toEqual(before);
    expect(await prisma.webhookDelivery.count({ where: { status: { not: "rejected" } } })).toBe(0);
    // Every kind of bad delivery was tried, not only the first few.
    expect([...seen.keys()].sort()).toEqual([...MUTATIONS].sort());
  });

  it(`a replayed delivery id has one effect however often it comes (${RUNS} replays)`, async () => {
    await installShop(context.store, SHOP);
    const payload = examplePayload("orders/create");
    const first = await receiveWebhook(
      webhookRequest("orders/create", payload, { webhookId: "replayed" }),
      "orders/create",
    );
    expect(first.status).toBe(200);
    await runJobs();
    const after = await effects();
    await fc.assert(
      fc.asyncProperty(fc.boolean(), async (sameBody) => {
        const body = sameBody ? payload : { ...payload, total_price: "1.00" };
        const again = await receiveWebhook(
          webhookRequest("orders/create", body, { webhookId: "replayed" }),
          "orders/create",
        );
        expect(again.status).toBe(200);
      }),
      { numRuns: RUNS },
    );
    await runJobs();
    expect(await effects()).toEqual(after);
    expect(await prisma.webhookDelivery.count()).toBe(1);
  });
});

type ProxyModule = {
  loader?: (args: { request: Request; params: Record<string, string>; context: object }) => unknown;
  action?: (args: { request: Request; params: Record<string, string>; context: object }) => unknown;
};
const PROXY_ROUTES = Object.entries(
  import.meta.glob<ProxyModule>("../../app/routes/proxy.*.tsx", { eager: true }),
).map(([file, module]) => ({
  name: file.replace(/^.*\/routes\/proxy\./, "").replace(/\.tsx$/, ""),
  module,
}));

type ProxyMutation =
  | "no signature"
  | "bad signature"
  | "stale"
  | "future"
  | "tampered customer"
  | "tampered shop"
  | "repeated customer"
  | "repeated shop"
  | "another secret";

const PROXY_MUTATIONS: ProxyMutation[] = [
  "no signature",
  "bad signature",
  "stale",
  "future",
  "tampered customer",
  "tampered shop",
  "repeated customer",
  "repeated shop",
  "another secret",
];

function hostileProxy(path: string, mutation: ProxyMutation, method: string): Request {
  const secret = process.env.SHOPIFY_API_SECRET as string;
  const now = Math.floor(Date.now() / 1000);
  const params: Record<string, string | string[]> = {
    shop: SHOP,
    logged_in_customer_id: "191167",
    path_prefix: "/apps/fitting-room",
    timestamp: String(mutation === "stale" ? now - 3600 : mutation === "future" ? now + 3600 : now),
  };
  if (mutation === "repeated customer") params.logged_in_customer_id = ["191167", "777"];
  if (mutation === "repeated shop") params.shop = [SHOP, "other.myshopify.com"];
  const signature =
    mutation === "bad signature"
      ? "0".repeat(64)
      : signProxyQuery(params, mutation === "another secret" ? "another-secret" : secret);
  if (mutation === "tampered customer") params.logged_in_customer_id = "777";
  if (mutation === "tampered shop") params.shop = "other.myshopify.com";
  const url = new URL(`https://fitting-room.test/proxy/${path}`);
  for (const [k, v] of Object.entries(params))
    for (const value of Array.isArray(v) ? v : [v]) url.searchParams.append(k, value);
  if (mutation !== "no signature") url.searchParams.set("signature", signature);
  return new Request(
    url,
    method === "POST" ? { method, body: new URLSearchParams({ action: "keep" }) } : {},
  );
}

describe("hostile app proxy requests", () => {
  it(`refuses ${RUNS} generated bad proxy requests on every proxy page, leaking and writing nothing`, async () => {
    await installShop(context.store, SHOP);
    const before = await effects();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...PROXY_ROUTES),
        fc.constantFrom(...PROXY_MUTATIONS),
        fc.constantFrom("GET", "POST"),
        async (route, mutation, method) => {
          const fn = method === "GET" ? route.module.loader : route.module.action;
          if (!fn) return;
          const path = route.name.replace(/\.\$\w+$/, "/x").replace(/\./g, "/");
          let status: number;
          let body = "";
          try {
            const result = await fn({
              request: hostileProxy(path, mutation, method),
              params: { id: "x", code: "x" },
              context: {},
            });
            status = result instanceof Response ? result.status : 200;
          } catch (thrown) {
            if (!(thrown instanceof Response)) throw thrown;
            status = thrown.status;
            body = await thrown.text();
          }
          expect(status, `${method} ${route.name} ${mutation}`).toBeGreaterThanOrEqual(400);
          expect(status, `${method} ${route.name} ${mutation}`).toBeLessThan(500);
          expect(body).not.toContain("191167");
        },
      ),
      { numRuns: RUNS },
    );
    expect(await effects()).toEqual(before);
  });
});

import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import prisma from "~/db.server";
import { startTestApp } from "../support/app-server";
import { startSandbox } from "../support/sandbox";
import { seedDemoStore, DEMO_SHOP } from "../sandbox/seed";
import { signProxyQuery } from "../sandbox/storefront";

// The built app against the sandbox, driven only through the sandbox's control API, as a script
// outside the project would: install, order lifecycle webhooks, clock, storefront, app proxy.
let app: { url: string; stop: () => Promise<void> } | undefined;
const sandbox = startSandbox({ appUrl: () => app?.url ?? null });

// A browser and a server on 2 shared cores: give each step room.
vi.setConfig({ testTimeout: 90_000, hookTimeout: 90_000 });

beforeAll(async () => {
  app = await startTestApp(sandbox.url);
});
afterAll(async () => app?.stop());

async function control(path: string, body?: unknown) {
  const response = await fetch(
    `${sandbox.url}/__sandbox${path}`,
    body === undefined ? {} : { method: "POST", body: JSON.stringify(body) },
  );
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function until<T>(
  read: () => Promise<T>,
  ok: (value: T) => boolean,
  timeoutMs = 15_000,
): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() - start > timeoutMs) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Each test starts from an empty database: the app is installed again, as a merchant would. */
async function install() {
  expect((await control("/install", { shop: DEMO_SHOP })).body).toMatchObject({ status: 200 });
  await until(
    () => prisma.shop.count({ where: { domain: DEMO_SHOP } }),
    (n) => n === 1,
  );
}

describe("sandbox scenario through the control API", () => {
  it("installs the app by token exchange and drives an order to delivery and a return", async () => {
    seedDemoStore(sandbox.store);
    const install = await control("/install", { shop: DEMO_SHOP });
    expect(install.body).toMatchObject({ status: 200 });
    await until(
      () => prisma.session.count({ where: { shop: DEMO_SHOP } }),
      (n) => n === 1,
    );
    expect(sandbox.store.shop(DEMO_SHOP).accessTokens.size).toBeGreaterThanOrEqual(1);

    const order = await control("/orders", {
      customerEmail: "olivia@example.com",
      lines: [
        { handle: "little-black-heels", size: "8", width: "Medium" },
        { handle: "little-black-heels", size: "8.5", width: "Medium" },
      ],
    });
    expect(order.status).toBe(201);
    const id = String(order.body.id).split("/").pop();
    await control(`/orders/${id}/fulfil`, {});
    await control(`/orders/${id}/deliver`, {});
    await control("/clock", { advanceDays: 3 });
    await control(`/orders/${id}/returns`, {});

    // Webhooks arrive concurrently and in no guaranteed order: wait until all have been processed.
    const EXPECTED = [
      "order.created",
      "order.paid",
      "fulfillment.created",
      "fulfillment.delivered",
      "return.requested",
    ];
    const kinds = await until(
      async () =>
        (
          await prisma.orderEvent.findMany({
            where: { orderGid: String(order.body.id) },
            orderBy: { occurredAt: "asc" },
          })
        ).map((e) => e.kind),
      (k) => EXPECTED.every((kind) => k.includes(kind)),
    );
    expect(kinds).toEqual(
      expect.arrayContaining([
        "order.created",
        "order.paid",
        "fulfillment.created",
        "fulfillment.delivered",
        "return.requested",
      ]),
    );
    // The mirror follows the newest orders/updated, which may still be in the queue.
    const mirrored = await until(
      () => prisma.shopOrder.findFirstOrThrow({ where: { orderGid: String(order.body.id) } }),
      (o) => o.fulfillmentStatus === "fulfilled",
    );
    expect(mirrored).toMatchObject({
      totalMinor: 49000,
      email: "olivia@example.com",
      fulfillmentStatus: "fulfilled",
    });
    // The sandbox's ids exceed 2^53 and arrive exact.
    expect(mirrored.orderGid).toBe(order.body.id);
    const returnEvent = await prisma.orderEvent.findFirstOrThrow({
      where: { kind: "return.requested" },
    });
    expect(returnEvent.occurredAt.getTime() - Date.now()).toBeGreaterThan(
      2.9 * 86_400_000 + sandbox.store.clockOffsetMs - 3 * 86_400_000,
    );
  });

  it("delivers duplicates and late, out-of-order webhooks that the app absorbs", async () => {
    seedDemoStore(sandbox.store);
    await install();
    const order = await control("/orders", {
      customerEmail: "maya@example.com",
      lines: [{ handle: "forever-flat", size: "7", width: "Wide" }],
      webhookMode: "duplicate",
    });
    const id = String(order.body.id).split("/").pop();
    // Wait for this order's own events: a late delivery from the previous test may still land.
    await until(
      () =>
        prisma.orderEvent.count({
          where: { kind: { in: ["order.created", "order.paid"] }, orderGid: String(order.body.id) },
        }),
      (n) => n === 2,
    );
    await until(
      async () =>
        (await control("/webhooks")).body as unknown as { topic: string; responses: number[] }[],
      // The order's own topics were duplicated (stock webhooks go out once).
      (d) => d.filter((x) => x.topic.startsWith("orders/")).every((x) => x.responses.length === 2),
    );
    const deliveries = (await control("/webhooks")).body as unknown as {
      topic: string;
      responses: number[];
      webhookId: string;
    }[];
    const created = deliveries.find((d) => d.topic === "orders/create");
    expect(created?.responses).toEqual([200, 200]);
    expect(await prisma.webhookDelivery.count({ where: { id: created?.webhookId } })).toBe(1);
    expect(
      await prisma.orderEvent.count({
        where: { kind: "order.created", orderGid: String(order.body.id) },
      }),
    ).toBe(1);

    // Hold the "fulfilled" update, then cancel: the cancellation arrives first, the stale update late.
    await control(`/orders/${id}/fulfil`, { webhookMode: "hold" });
    await control(`/orders/${id}/cancel`, {});
    await until(
      () => prisma.shopOrder.findFirst({ where: { orderGid: String(order.body.id) } }),
      (o) => Boolean(o?.cancelledAt),
    );
    const released = await control("/webhooks/release", {});
    expect(released.body.released).toBe(2);
    await until(
      () => prisma.orderEvent.count({ where: { kind: "fulfillment.created" } }),
      (n) => n === 1,
    );
    await until(
      () => prisma.webhookDelivery.count({ where: { status: "accepted" } }),
      (n) => n === 0,
    );
    // The mirror follows the newest orders/updated, which may still be in the queue.
    const mirrored = await until(
      () => prisma.shopOrder.findFirstOrThrow({ where: { orderGid: String(order.body.id) } }),
      (o) => o.fulfillmentStatus === "fulfilled",
    );
    expect(mirrored.cancelledAt).not.toBeNull();
  });

  it("retries a webhook the app did not accept, on Shopify's schedule, until it is", async () => {
    let status = 500;
    const failing = http.createServer((_req, res) => {
      res.writeHead(status);
      res.end();
    });
    await new Promise<void>((r) => failing.listen(0, "127.0.0.1", r));
    const url = `http://127.0.0.1:${(failing.address() as AddressInfo).port}`;
    sandbox.sandbox.outbox.configure({ appUrl: url, apiSecret: "x", apiVersion: "2026-10" });
    seedDemoStore(sandbox.store);
    await control("/orders", { lines: [{ handle: "bridal-heels", size: "7", width: "Medium" }] });
    const first = await until(
      async () => sandbox.sandbox.outbox.deliveries[0],
      (d) => (d?.responses.length ?? 0) > 0,
    );
    expect(first?.responses).toEqual([500]);
    expect(await control("/webhooks/deliver-due", {})).toMatchObject({ body: { delivered: 0 } }); // not due yet
    status = 200;
    await control("/clock", { advanceMs: 10_001 });
    expect(first?.responses).toEqual([500, 200]);
    expect(first?.status).toBe("delivered");
    failing.close();
  });

  it("renders the storefront and forwards the app proxy with Shopify's signature", async () => {
    seedDemoStore(sandbox.store);
    const page = await fetch(`${sandbox.url}/store/products/little-black-heels`).then((r) =>
      r.text(),
    );
    expect(page).toContain("Little Black Heels");
    expect(page).toMatch(/class="sold-out"[^>]*title="Sold out"/);
    const proxied = await fetch(`${sandbox.url}/apps/fitting-room/policy`, {
      headers: {
        Cookie: `sandbox_customer=${sandbox.store.shop(DEMO_SHOP).customers[0]?.legacyId}`,
      },
    });
    expect(proxied.status).toBe(200);
    expect(await proxied.json()).toMatchObject({
      version: 1,
      trial: { windowDays: 7, countries: ["US"] },
    });
    // Tampered or unsigned proxy requests are refused by the app.
    const unsigned = await fetch(
      `${app?.url}/proxy/policy?shop=${DEMO_SHOP}&timestamp=1&signature=bad`,
    );
    expect(unsigned.status).toBe(400);
    const params = {
      shop: DEMO_SHOP,
      logged_in_customer_id: "",
      path_prefix: "/apps/fitting-room",
      timestamp: String(Math.floor(Date.now() / 1000)),
    };
    const signed = new URLSearchParams({
      ...params,
      signature: signProxyQuery(params, process.env.SHOPIFY_API_SECRET as string),
    });
    expect((await fetch(`${app?.url}/proxy/policy?${signed}`)).status).toBe(200);
  });

  it("takes a return through approval, processing and closing, refusing steps out of order", async () => {
    seedDemoStore(sandbox.store);
    await install();
    const order = await control("/orders", {
      customerEmail: "maya@example.com",
      lines: [{ handle: "pop-of-color", size: "8", width: "Medium" }],
    });
    const id = String(order.body.id).split("/").pop();
    await control(`/orders/${id}/fulfil`, {});
    await control(`/orders/${id}/deliver`, {});
    await control(`/orders/${id}/returns`, {});
    expect((await control(`/orders/${id}/process-return`, {})).body.error).toBe(
      "returnId: a requested return cannot be processed",
    );
    await control(`/orders/${id}/approve-return`, {});
    await control(`/orders/${id}/process-return`, {});
    await control(`/orders/${id}/close-return`, {});
    const steps = await until(
      async () =>
        (
          await prisma.orderEvent.findMany({
            where: { orderGid: String(order.body.id), kind: { startsWith: "return." } },
          })
        )
          .map((e) => e.kind)
          .sort(),
      (k) => k.length === 4,
    );
    expect(steps).toEqual([
      "return.approved",
      "return.closed",
      "return.processed",
      "return.requested",
    ]);
  });

  it("answers bad control input with the field named", async () => {
    seedDemoStore(sandbox.store);
    expect(await control("/orders", { lines: [] })).toEqual({
      status: 422,
      body: { error: "lines: at least one line is required" },
    });
    expect(
      (await control("/orders", { customerEmail: "nobody@example.com", lines: [{ sku: "X" }] }))
        .body.error,
    ).toMatch(/^customerEmail:/);
    expect((await control("/plan", { plan: "gold" })).body.error).toMatch(/^plan:/);
    expect((await control("/clock", { advanceDays: -1 })).status).toBe(422);
  });
});

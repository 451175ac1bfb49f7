import { spawn } from "node:child_process";
import http from "node:http";
import type net from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import prisma from "~/db.server";
import { enqueue } from "~/platform/jobs/queue.server";
import { SHOP_SYNC_JOB } from "~/platform/shops.server";
import { freePort, startAppServer, type AppServer } from "../support/app-server";
import { projectRoot } from "../support/operations";
import { installShop, sessionToken } from "../support/shopify";

// The built app as deployed (scripts/serve.mjs, in-process worker) against a Shopify that takes
// every Admin call and never answers: its job is leased and stuck when SIGTERM arrives.
const SHOP = "demo-shoes.myshopify.com";
const GRACE_MS = 1000;
const BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/143.0 Safari/537.36";

let shopify: http.Server;
const sockets = new Set<net.Socket>();
const adminCalls: string[] = [];
let app: AppServer;

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

beforeAll(async () => {
  shopify = http.createServer((req, res) => {
    // The app reads the sandbox clock before each batch of jobs; that one is answered.
    if (req.url === "/__sandbox/clock") return void res.end(JSON.stringify({ offsetMs: 0 }));
    adminCalls.push(req.url ?? "");
  });
  shopify.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => shopify.listen(0, "127.0.0.1", resolve));
});

afterAll(async () => {
  await app?.stop();
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => shopify.close(resolve));
});

async function until<T>(read: () => Promise<T> | T, ok: (value: T) => boolean, what: string) {
  for (let i = 0; i < 200; i += 1) {
    const value = await read();
    if (ok(value)) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** An installed shop with a job that will hang in its first Admin call. */
async function stuckJob() {
  await installShop(null, SHOP);
  adminCalls.length = 0;
  return enqueue({
    type: SHOP_SYNC_JOB,
    shop: SHOP,
    payload: {},
    idempotencyKey: `ops-e2e:${Date.now()}`,
  });
}

async function expectReleased(id: string) {
  // Handed back for the next worker, not leased to a process that is gone.
  expect(await prisma.job.findUniqueOrThrow({ where: { id } })).toMatchObject({
    status: "queued",
    lockedBy: null,
    lockedAt: null,
  });
}

const shopifyUrl = () => `http://127.0.0.1:${(shopify.address() as net.AddressInfo).port}`;

describe("the app server in operation", () => {
  it("serves /healthz and /metrics, logs no secrets, and on SIGTERM releases its stuck job and exits 0", async () => {
    const job = await stuckJob();
    app = await startAppServer({
      DATABASE_URL: process.env.DATABASE_URL as string,
      SHOPIFY_API_KEY: process.env.SHOPIFY_API_KEY as string,
      SHOPIFY_API_SECRET: process.env.SHOPIFY_API_SECRET as string,
      FITTING_ROOM_SANDBOX_URL: shopifyUrl(),
      SHUTDOWN_GRACE_MS: String(GRACE_MS),
      LOG_LEVEL: "info",
      METRICS_TOKEN: "app-scrape",
    });

    // The worker has claimed the job and its Admin call is waiting on Shopify.
    await until(
      () => adminCalls.length,
      (n) => n > 0,
      "the job's Admin call",
    );
    expect(await prisma.job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({
      status: "running",
    });

    const health = await fetch(`${app.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true });

    const token = sessionToken(SHOP, "4242", process.env.SHOPIFY_API_SECRET, 3600);
    await fetch(`${app.url}/app?embedded=1&shop=${SHOP}&id_token=${token}&hmac=c0ffee`, {
      headers: { "User-Agent": BROWSER },
      redirect: "manual",
    });
    const unsigned = await fetch(`${app.url}/webhooks/orders/create`, {
      method: "POST",
      body: "{}",
    });
    expect(unsigned.status).toBe(401);

    const metrics = await (
      await fetch(`${app.url}/metrics`, { headers: { Authorization: "Bearer app-scrape" } })
    ).text();
    expect(metrics).toContain(`fitting_room_job_running{type="${SHOP_SYNC_JOB}"} 1`);
    expect(metrics).toMatch(
      /fitting_room_webhook_ack_seconds_count\{topic="orders\/create",status="401"\} 1/,
    );

    const started = Date.now();
    const exited = new Promise<number | null>((resolve) => app.child.once("exit", resolve));
    app.child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(Date.now() - started).toBeLessThan(GRACE_MS + 3000);

    await expectReleased(job.id);

    const log = app.stdout();
    expect(log).toContain("id_token=[redacted]");
    expect(log).toContain("hmac=[redacted]");
    expect(log).not.toContain(token);
    expect(log).not.toContain("c0ffee");
    expect(log).toContain('"url":"/webhooks/orders/create","status":401');
    // Probes and scrapes that succeed are not logged.
    expect(log).not.toMatch(/"url":"\/(healthz|metrics)"/);
    expect(log).toContain("jobs still running at shutdown released");
  });
});

describe("npm run worker in operation", () => {
  it("serves its own metrics and, on SIGTERM to its process group, releases its stuck job and exits 0", async () => {
    const job = await stuckJob();
    const metricsPort = await freePort();
    const child = spawn(process.execPath, [path.join(projectRoot, "scripts/worker.mjs")], {
      cwd: projectRoot,
      detached: true,
      stdio: "ignore",
      env: {
        ...process.env,
        NODE_ENV: "production",
        LOG_LEVEL: "warn",
        FITTING_ROOM_SANDBOX_URL: shopifyUrl(),
        SHUTDOWN_GRACE_MS: String(GRACE_MS),
        WORKER_METRICS_PORT: String(metricsPort),
        METRICS_TOKEN: "scrape-me",
      },
    });
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    try {
      await until(
        () => adminCalls.length,
        (n) => n > 0,
        "the worker's Admin call",
      );
      const scrape = (token: string) =>
        fetch(`http://127.0.0.1:${metricsPort}/metrics`, {
          headers: { Authorization: `Bearer ${token}` },
        });
      expect((await scrape("wrong")).status).toBe(401);
      expect(await (await scrape("scrape-me")).text()).toContain(
        `fitting_room_job_running{type="${SHOP_SYNC_JOB}"} 1`,
      );

      const started = Date.now();
      // As a terminal's Ctrl-C or a container stop: every process of the group gets it.
      process.kill(-(child.pid as number), "SIGTERM");
      expect(await exited).toBe(0);
      expect(Date.now() - started).toBeLessThan(GRACE_MS + 3000);
      await expectReleased(job.id);
    } finally {
      if (child.exitCode === null) process.kill(-(child.pid as number), "SIGKILL");
    }
  });
});

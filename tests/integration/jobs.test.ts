import { afterEach, describe, expect, it, vi } from "vitest";
import { HttpResponseError } from "@shopify/shopify-api";
import { SessionNotFoundError } from "@shopify/shopify-app-remix/server";
import prisma from "~/db.server";
import { enqueue, claimJobs, LEASE_MS } from "~/platform/jobs/queue.server";
import { runJob, Worker } from "~/platform/jobs/worker.server";
import type { JobHandler } from "~/platform/jobs/types";
import { RetryableJobError } from "~/platform/jobs/errors.server";
import { IN_FLIGHT_MS, performEffect } from "~/platform/effects.server";
import { resetClock, setClockSource } from "~/platform/clock.server";
import { jobEngine, registerJobSchedule } from "~/platform/jobs/engine.server";

const SHOP = "demo-shoes.myshopify.com";
// The worker runs what its job table says: these tests hand it a table of their own.
const handlers: Record<string, JobHandler> = {};

afterEach(() => {
  for (const type of Object.keys(handlers)) delete handlers[type];
  resetClock();
});

function withHandler(handler: JobHandler) {
  handlers["test.job"] = handler;
}

async function job(key = "k1", runAt?: Date) {
  return enqueue({ type: "test.job", shop: SHOP, payload: { n: 1 }, idempotencyKey: key, runAt });
}

describe("durable jobs", () => {
  it("enqueues once per idempotency key", async () => {
    const a = await job("same");
    const b = await job("same");
    expect(a.id).toBe(b.id);
    expect(await prisma.job.count()).toBe(1);
  });

  it("runs a job only once it is due", async () => {
    const ran: string[] = [];
    withHandler(async ({ job: j }) => void ran.push(j.id));
    const start = Date.parse("2026-11-21T10:00:00Z");
    setClockSource(() => start);
    const later = await job("later", new Date(start + 60_000));
    const worker = new Worker({ id: "w", handlers });
    expect(await worker.drain()).toBe(0);
    setClockSource(() => start + 61_000);
    expect(await worker.drain()).toBe(1);
    expect(ran).toEqual([later.id]);
    expect((await prisma.job.findUniqueOrThrow({ where: { id: later.id } })).status).toBe(
      "succeeded",
    );
  });

  it("retries a retryable failure with growing backoff, then gives up at the cap", async () => {
    withHandler(async () => {
      throw new RetryableJobError("Shopify 503");
    });
    let clock = Date.parse("2026-11-21T10:00:00Z");
    setClockSource(() => clock);
    const created = await prisma.job.create({
      data: {
        type: "test.job",
        shop: SHOP,
        payload: "{}",
        idempotencyKey: "flaky",
        maxAttempts: 3,
        runAt: new Date(clock),
      },
    });
    const delays: number[] = [];
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      const [claimed] = await claimJobs("w", 1);
      expect(claimed?.attempts).toBe(attempt);
      await runJob(claimed!, handlers);
      const after = await prisma.job.findUniqueOrThrow({ where: { id: created.id } });
      if (attempt < 3) {
        expect(after.status).toBe("queued");
        delays.push(after.runAt.getTime() - clock);
        clock = after.runAt.getTime();
      } else {
        expect(after.status).toBe("dead");
        expect(after.lastError).toMatch(/Shopify 503/);
      }
    }
    expect(delays[0]).toBeGreaterThanOrEqual(2_500);
    expect(delays[1]).toBeGreaterThanOrEqual(5_000);
  });

  it.each([401, 402, 403, 404, 423])("stops at once on HTTP %i", async (code) => {
    withHandler(async () => {
      throw new HttpResponseError({ message: "no", code, statusText: "no" });
    });
    await job(`terminal-${code}`);
    await new Worker({ id: "w", handlers }).drain();
    expect((await prisma.job.findFirstOrThrow()).status).toBe("dead");
    expect((await prisma.job.findFirstOrThrow()).attempts).toBe(1);
  });

  it("stops at once when the shop has no session, and retries a 429", async () => {
    withHandler(async ({ job: j }) => {
      if (j.idempotencyKey === "no-session") throw new SessionNotFoundError("gone");
      throw new HttpResponseError({
        message: "slow down",
        code: 429,
        statusText: "Too Many Requests",
      });
    });
    await job("no-session");
    await job("throttled");
    await new Worker({ id: "w", handlers }).drain();
    const rows = await prisma.job.findMany({ orderBy: { idempotencyKey: "asc" } });
    expect(rows.map((r) => [r.idempotencyKey, r.status])).toEqual([
      ["no-session", "dead"],
      ["throttled", "queued"],
    ]);
  });

  it("re-runs a job whose worker died after claiming it, once the lease expires", async () => {
    const ran: number[] = [];
    withHandler(async ({ job: j }) => void ran.push(j.attempts));
    let clock = Date.parse("2026-11-21T10:00:00Z");
    setClockSource(() => clock);
    await job("crashy");
    const [claimed] = await claimJobs("dying-worker", 1); // …and the process dies here
    expect(claimed?.status).toBe("running");
    expect(await new Worker({ id: "w2", handlers }).drain()).toBe(0); // still leased
    clock += LEASE_MS + 1;
    expect(await new Worker({ id: "w2", handlers }).drain()).toBe(1);
    expect(ran).toEqual([2]);
  });

  it("never lets a stale worker finish a job another worker reclaimed", async () => {
    let clock = Date.parse("2026-11-21T10:00:00Z");
    setClockSource(() => clock);
    await job("stale");
    const [first] = await claimJobs("slow", 1);
    clock += LEASE_MS + 1;
    const [second] = await claimJobs("fast", 1);
    expect(second?.id).toBe(first?.id);
    withHandler(async () => {});
    await runJob(first!, handlers); // the slow worker finishes late: its completion must not count
    expect((await prisma.job.findFirstOrThrow()).status).toBe("running");
    await runJob(second!, handlers);
    expect((await prisma.job.findFirstOrThrow()).status).toBe("succeeded");
  });

  it("starts a new job in a free slot while a slow one still runs", async () => {
    let release!: () => void;
    const slowDone = new Promise<void>((resolve) => (release = resolve));
    const started: string[] = [];
    const finished: string[] = [];
    withHandler(async ({ job: j }) => {
      started.push(j.idempotencyKey);
      if (j.idempotencyKey === "slow") await slowDone;
      finished.push(j.idempotencyKey);
    });
    const worker = new Worker({ id: "pool", handlers, concurrency: 2, pollMs: 50 });
    await job("slow");
    worker.start();
    try {
      while (!started.includes("slow")) await new Promise((r) => setTimeout(r, 10));
      await job("fast");
      worker.nudge();
      for (let i = 0; i < 300 && !finished.includes("fast"); i += 1)
        await new Promise((r) => setTimeout(r, 10));
      // A batch worker would wait for the slow job before claiming again.
      expect(finished).toEqual(["fast"]);
    } finally {
      release();
      await worker.stop();
    }
    expect(finished).toEqual(["fast", "slow"]);
  });

  it("gives every shop with due work a job in each claim, however long another's backlog", async () => {
    const start = Date.parse("2026-11-21T10:00:00Z");
    setClockSource(() => start + 3_600_000);
    const busy = "busy-shoes.myshopify.com";
    const quiet = "quiet-shoes.myshopify.com";
    await prisma.shop.createMany({ data: [{ domain: busy }, { domain: quiet }] });
    await prisma.job.createMany({
      data: Array.from({ length: 40 }, (_, n) => ({
        type: "test.job",
        shop: busy,
        payload: "{}",
        idempotencyKey: `sweep-${n}`,
        runAt: new Date(start + n * 1_000),
      })),
    });
    // Due after the whole backlog: first-in-first-out would reach it after 40 jobs.
    const webhook = await enqueue({
      type: "test.job",
      shop: quiet,
      payload: {},
      idempotencyKey: "quiet-webhook",
      runAt: new Date(start + 60_000),
    });
    const claimed = await claimJobs("w", 4);
    expect(claimed.map((j) => j.id)).toContain(webhook.id);
    expect(claimed).toHaveLength(4);
    // The busy shop's oldest go first among the rest; nothing is claimed twice.
    expect(claimed.filter((j) => j.shop === busy).map((j) => j.idempotencyKey)).toEqual(
      expect.arrayContaining(["sweep-0", "sweep-1", "sweep-2"]),
    );
    expect(await claimJobs("w2", 100)).toHaveLength(37);
    expect(await claimJobs("w3", 100)).toHaveLength(0);
  });
});

describe("side effects recorded before they are attempted", () => {
  const spec = {
    shop: SHOP,
    key: "charge:order-1",
    kind: "test.charge",
    request: { amount: 1299 },
  };

  it("performs an effect once and returns the stored result afterwards", async () => {
    const call = vi.fn(async () => ({ reference: "ref-1" }));
    expect(await performEffect(spec, call)).toEqual({ reference: "ref-1" });
    expect(await performEffect(spec, call)).toEqual({ reference: "ref-1" });
    expect(call).toHaveBeenCalledTimes(1);
  });

  it("after a crash between the call and its bookkeeping, reconciles instead of calling again", async () => {
    const remote: string[] = [];
    // First attempt reaches "Shopify" and the process dies before recording the result.
    await expect(
      performEffect(spec, async (key) => {
        remote.push(key);
        throw new Error("process killed");
      }),
    ).rejects.toThrow("process killed");
    const row = await prisma.effect.findFirstOrThrow();
    expect(row).toMatchObject({ status: "pending", attempts: 1 });
    const call = vi.fn(async () => ({ reference: "second" }));
    // While the first attempt may still be in flight, nobody touches the effect.
    await expect(performEffect(spec, call)).rejects.toThrow("may still be in flight");
    expect(call).not.toHaveBeenCalled();
    const later = Date.now() + IN_FLIGHT_MS + 1;
    setClockSource(() => later);
    const result = await performEffect(spec, call, {
      reconcile: async () => (remote.length ? { reference: "found" } : undefined),
    });
    expect(result).toEqual({ reference: "found" });
    expect(call).not.toHaveBeenCalled();
    expect(remote).toHaveLength(1);
  });

  it("retries when reconciliation shows the first attempt never happened", async () => {
    await expect(
      performEffect(spec, async () => Promise.reject(new Error("network down"))),
    ).rejects.toThrow();
    const later = Date.now() + IN_FLIGHT_MS + 1;
    setClockSource(() => later);
    const result = await performEffect(spec, async () => ({ reference: "retry" }), {
      reconcile: async () => undefined,
    });
    expect(result).toEqual({ reference: "retry" });
    expect((await prisma.effect.findFirstOrThrow()).attempts).toBe(2);
  });
});

// The PostgreSQL leg: the same jobs on graphile-worker (docs/decisions/0003-job-queue.md).
describe.runIf(jobEngine === "graphile")("jobs on graphile-worker", () => {
  type GraphileRow = { key: string; queue_name: string | null; attempts: number; run_at: Date };
  const graphileJobs = () =>
    prisma.$queryRaw<GraphileRow[]>`
      SELECT key, queue_name, attempts, run_at FROM graphile_worker.jobs ORDER BY id`;

  it("schedules a job in the enqueuing transaction, once per key, in its named queue", async () => {
    registerJobSchedule({ queues: { "test.queued": (shop) => `test:${shop}` } });
    await expect(
      prisma.$transaction(async (tx) => {
        await enqueue({ type: "test.job", shop: SHOP, payload: {}, idempotencyKey: "rb" }, tx);
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await graphileJobs()).toEqual([]);
    await prisma.$transaction(async (tx) => {
      await enqueue({ type: "test.queued", shop: SHOP, payload: {}, idempotencyKey: "q1" }, tx);
      await enqueue({ type: "test.queued", shop: SHOP, payload: {}, idempotencyKey: "q1" }, tx);
    });
    await job("q1");
    expect((await graphileJobs()).map((g) => [g.key, g.queue_name])).toEqual([
      ["q1", `test:${SHOP}`],
    ]);
  });

  it("runs a job a shop waits on ahead of an earlier backlog, by its registered priority", async () => {
    registerJobSchedule({ priorities: { "test.urgent": -10 } });
    const order: string[] = [];
    withHandler(async ({ job: j }) => void order.push(j.idempotencyKey));
    handlers["test.urgent"] = handlers["test.job"]!;
    const start = Date.now() - 60_000;
    for (let n = 0; n < 6; n += 1) await job(`sweep-${n}`, new Date(start + n));
    await enqueue({
      type: "test.urgent",
      shop: "other.myshopify.com",
      payload: {},
      idempotencyKey: "hook",
    });
    const rows = await prisma.$queryRaw<{ key: string; priority: number }[]>`
      SELECT key, priority FROM graphile_worker.jobs WHERE key = 'hook'`;
    expect(rows).toEqual([{ key: "hook", priority: -10 }]);
    await new Worker({ id: "prio", handlers, concurrency: 1 }).drain();
    expect(order[0]).toBe("hook");
    expect(order).toHaveLength(7);
  });

  it("is woken by the commit's NOTIFY, not a poll", async () => {
    const started: number[] = [];
    withHandler(async () => void started.push(performance.now()));
    const worker = new Worker({ id: "notify", handlers, concurrency: 2 });
    worker.start();
    try {
      await new Promise((r) => setTimeout(r, 1_000)); // the runner is listening
      const latencies: number[] = [];
      for (let i = 0; i < 5; i += 1) {
        const committed = performance.now();
        await job(`wake-${i}`);
        while (started.length <= i) await new Promise((r) => setTimeout(r, 5));
        latencies.push(started[i]! - committed);
      }
      // graphile polls every 2 s: a poll-driven start would average about 1 s.
      latencies.sort((a, b) => a - b);
      expect(latencies[2]).toBeLessThan(300);
    } finally {
      await worker.stop();
    }
  });

  it("retries on graphile's backoff and ends a terminal failure at once", async () => {
    withHandler(async ({ job: j }) => {
      if (j.idempotencyKey === "terminal")
        throw new HttpResponseError({ message: "x", code: 404, statusText: "x" });
      throw new RetryableJobError("Shopify 503");
    });
    await job("retry");
    await job("terminal");
    expect(await new Worker({ id: "w", handlers }).drain()).toBe(2);
    const rows = await prisma.job.findMany({ orderBy: { idempotencyKey: "asc" } });
    expect(rows.map((r) => [r.idempotencyKey, r.status, r.attempts])).toEqual([
      ["retry", "queued", 1],
      ["terminal", "dead", 1],
    ]);
    const [left] = await graphileJobs();
    expect(left).toMatchObject({ key: "retry", attempts: 1 });
    expect(left!.run_at.getTime() - Date.now()).toBeGreaterThan(1_000); // e^1 s after the failure
  });

  it("registers the rescue and the sweeps in graphile's crontab", async () => {
    registerJobSchedule({
      sweeps: [{ name: "test_sweep", cron: "0 3 * * *", enqueue: async () => job("sweep") }],
    });
    const worker = new Worker({ id: "cron", handlers, concurrency: 1 });
    worker.start();
    try {
      let names: string[] = [];
      for (let i = 0; i < 100 && names.length < 2; i += 1) {
        await new Promise((r) => setTimeout(r, 50));
        names = (
          await prisma.$queryRaw<{ identifier: string }[]>`
            SELECT identifier FROM graphile_worker._private_known_crontabs ORDER BY identifier`
        ).map((r) => r.identifier);
      }
      expect(names).toEqual(
        expect.arrayContaining(["fitting_room.rescue", "fitting_room.sweep.test_sweep"]),
      );
    } finally {
      await worker.stop();
      registerJobSchedule({ sweeps: [] });
    }
  });
});

import { afterEach, describe, expect, it, vi } from "vitest";
import prisma from "~/db.server";
import { enqueue } from "~/platform/jobs/queue.server";
import { Worker } from "~/platform/jobs/worker.server";
import type { JobHandler } from "~/platform/jobs/types";
import { RetryableJobError } from "~/platform/jobs/errors.server";
import { resetClock, setClockSource } from "~/platform/clock.server";
import { throttled } from "~/platform/admin/throttle.server";
import type { AdminGraphql } from "~/platform/admin/client.server";
import { loader as healthz } from "~/routes/healthz";
import { loader as metricsRoute } from "~/routes/metrics";

// Operations (issue 15): a stopping worker finishes or hands back its jobs, /healthz answers
// from the database, /metrics shows the queue and what the worker and Admin client recorded.
const SHOP = "demo-shoes.myshopify.com";
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

afterEach(() => {
  resetClock();
  vi.restoreAllMocks();
  delete process.env.METRICS_TOKEN;
});

const loaderArgs = (path: string, headers: Record<string, string> = {}) =>
  ({
    request: new Request(`https://app.test${path}`, { headers }),
    params: {},
    context: {},
  }) as Parameters<typeof metricsRoute>[0];

async function scrape(headers: Record<string, string> = {}): Promise<string> {
  const response = await metricsRoute(loaderArgs("/metrics", headers));
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toContain("text/plain");
  return response.text();
}

/** The value of one sample in exposition text, or undefined when it is absent. */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split("\n")) {
    const match = /^([a-z_]+)\{([^}]*)\} (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const given = (match[2] as string).split(",");
    if (wanted.every((w) => given.includes(w))) return Number(match[3]);
  }
  return undefined;
}

function job(type: string, key: string, runAt?: Date) {
  return enqueue({ type, shop: SHOP, payload: {}, idempotencyKey: key, runAt });
}

async function waitForStatus(id: string, status: string) {
  for (let i = 0; i < 200; i += 1) {
    const row = await prisma.job.findUniqueOrThrow({ where: { id } });
    if (row.status === status) return row;
    await sleep(10);
  }
  throw new Error(`job ${id} never became ${status}`);
}

describe("stopping the job worker", () => {
  it("takes no new job and lets a running job finish inside the grace period", async () => {
    let release!: () => void;
    const handlers: Record<string, JobHandler> = {
      "ops.slow": () => new Promise<void>((resolve) => (release = resolve)),
      "ops.other": async () => undefined,
    };
    const first = await job("ops.slow", "slow");
    const worker = new Worker({ id: "w-finish", handlers, concurrency: 1, pollMs: 10 });
    worker.start();
    await waitForStatus(first.id, "running");
    const second = await job("ops.other", "other");
    const stopped = worker.stop(5000);
    setTimeout(() => release(), 100);
    await stopped;
    expect((await prisma.job.findUniqueOrThrow({ where: { id: first.id } })).status).toBe(
      "succeeded",
    );
    // Stopping means no new claim: the job enqueued meanwhile is still waiting for a worker.
    expect(await prisma.job.findUniqueOrThrow({ where: { id: second.id } })).toMatchObject({
      status: "queued",
      attempts: 0,
    });
  });

  it("gives the lease back of a job still running when the grace period ends", async () => {
    const handlers: Record<string, JobHandler> = { "ops.hang": () => new Promise(() => {}) };
    const hung = await job("ops.hang", "hang");
    const worker = new Worker({ id: "w-release", handlers, pollMs: 10 });
    worker.start();
    await waitForStatus(hung.id, "running");
    const started = Date.now();
    await worker.stop(150);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(await prisma.job.findUniqueOrThrow({ where: { id: hung.id } })).toMatchObject({
      status: "queued",
      lockedBy: null,
      lockedAt: null,
      attempts: 1,
    });
    // Another worker takes it at once, not after the five-minute lease.
    const ran: string[] = [];
    const next = new Worker({
      id: "w-next",
      handlers: { "ops.hang": async ({ job: j }) => void ran.push(j.id) },
    });
    expect(await next.drain()).toBe(1);
    expect(ran).toEqual([hung.id]);
  });
});

describe("/healthz", () => {
  it("answers 200 {ok:true} while the database answers, 503 when it does not", async () => {
    const up = await healthz();
    expect(up.status).toBe(200);
    expect(await up.json()).toEqual({ ok: true });
    vi.spyOn(prisma, "$queryRawUnsafe").mockRejectedValueOnce(new Error("connection lost"));
    const down = await healthz();
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ ok: false });
  });
});

describe("/metrics", () => {
  it("asks for the bearer token when METRICS_TOKEN is set", async () => {
    process.env.METRICS_TOKEN = "s3cret-scrape";
    for (const headers of [
      {} as Record<string, string>,
      { Authorization: "Bearer wrong" },
      { Authorization: "s3cret-scrape" },
    ]) {
      const response = await metricsRoute(loaderArgs("/metrics", headers));
      expect(response.status).toBe(401);
    }
    expect(await scrape({ Authorization: "Bearer s3cret-scrape" })).toContain(
      "fitting_room_job_queue_depth",
    );
  });

  it("in production refuses every scrape while no METRICS_TOKEN is set (the series name shops)", async () => {
    vi.stubEnv("NODE_ENV", "production");
    try {
      const response = await metricsRoute(loaderArgs("/metrics", {}));
      expect(response.status).toBe(401);
    } finally {
      vi.unstubAllEnvs();
    }
    expect((await metricsRoute(loaderArgs("/metrics", {}))).status).toBe(200);
  });

  it("reads queue depth and the oldest due job's age by type from the Job table", async () => {
    const at = Date.parse("2026-12-07T10:00:00Z");
    setClockSource(() => at);
    await job("ops.depth", "d1", new Date(at - 90_000));
    await job("ops.depth", "d2", new Date(at - 30_000));
    await job("ops.depth", "d3", new Date(at + 60_000)); // scheduled, not due
    await job("ops.leased", "l1", new Date(at - 1000));
    await prisma.job.updateMany({
      where: { type: "ops.leased" },
      data: { status: "running", lockedBy: "w", lockedAt: new Date(at) },
    });
    const text = await scrape();
    expect(sample(text, "fitting_room_job_queue_depth", { type: "ops.depth" })).toBe(2);
    expect(sample(text, "fitting_room_job_oldest_due_age_seconds", { type: "ops.depth" })).toBe(90);
    expect(sample(text, "fitting_room_job_queue_depth", { type: "ops.leased" })).toBe(0);
    expect(sample(text, "fitting_room_job_running", { type: "ops.leased" })).toBe(1);
    await prisma.job.deleteMany({ where: { type: "ops.depth" } });
    expect(sample(await scrape(), "fitting_room_job_queue_depth", { type: "ops.depth" })).toBe(
      undefined,
    );
  });

  it("shows job run durations and failures by type, as the worker recorded them", async () => {
    const handlers: Record<string, JobHandler> = {
      "ops.ok": async () => undefined,
      "ops.flaky": async () => {
        throw new RetryableJobError("Shopify 503");
      },
    };
    await job("ops.ok", "ok1");
    await job("ops.ok", "ok2");
    await job("ops.flaky", "f1");
    await new Worker({ id: "w-metrics", handlers }).drain();
    const text = await scrape();
    const count = (type: string, outcome: string) =>
      sample(text, "fitting_room_job_duration_seconds_count", { type, outcome });
    expect(count("ops.ok", "succeeded")).toBe(2);
    expect(count("ops.flaky", "retry")).toBe(1);
    expect(count("ops.ok", "retry")).toBe(undefined);
    expect(
      sample(text, "fitting_room_job_failures_total", { type: "ops.flaky", outcome: "retry" }),
    ).toBe(1);
    expect(
      sample(text, "fitting_room_job_failures_total", { type: "ops.ok", outcome: "retry" }),
    ).toBe(undefined);
  });

  it("counts the Admin API cost points each shop used", async () => {
    const answer = (actualQueryCost: number) =>
      new Response(
        JSON.stringify({
          data: {},
          extensions: {
            cost: {
              requestedQueryCost: 12,
              actualQueryCost,
              throttleStatus: {
                maximumAvailable: 2000,
                currentlyAvailable: 1900,
                restoreRate: 100,
              },
            },
          },
        }),
      );
    const costs = [7, 5];
    const graphql = (async () => answer(costs.shift() ?? 0)) as unknown as AdminGraphql;
    const paced = throttled("cost-shop.myshopify.com", graphql);
    await paced("query One { shop { id } }");
    await paced("query Two { shop { id } }");
    const text = await scrape();
    expect(
      sample(text, "fitting_room_admin_api_cost_points_total", { shop: "cost-shop.myshopify.com" }),
    ).toBe(12);
  });
});

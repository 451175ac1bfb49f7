import crypto from "node:crypto";
import client, { type Counter, type Gauge, type Histogram, type Registry } from "prom-client";
import prisma from "~/db.server";
import { now } from "~/platform/clock.server";

// Prometheus metrics (docs/decisions/0014-operations.md). Counters and histograms are recorded
// where things happen (job worker, Admin client, webhook acknowledgement); the queue's state is
// read from the Job table at scrape time, so it is right whichever process runs the jobs.

interface Metrics {
  registry: Registry;
  queueDepth: Gauge<"type">;
  oldestDueAge: Gauge<"type">;
  running: Gauge<"type">;
  jobDuration: Histogram<"type" | "outcome">;
  jobFailures: Counter<"type" | "outcome">;
  webhookAck: Histogram<"topic" | "status">;
  inboxBatch: Histogram<string>;
  adminCost: Counter<"shop">;
}

function createMetrics(): Metrics {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: "fitting_room_" });
  const registers = [registry];
  const jobGauge = (name: string, help: string) =>
    new client.Gauge({ name, help: `${help}, by type`, labelNames: ["type"], registers });
  return {
    registry,
    queueDepth: jobGauge("fitting_room_job_queue_depth", "Queued jobs that are due now"),
    oldestDueAge: jobGauge(
      "fitting_room_job_oldest_due_age_seconds",
      "How long the oldest due queued job has been waiting",
    ),
    running: jobGauge("fitting_room_job_running", "Jobs leased by a worker"),
    jobDuration: new client.Histogram({
      name: "fitting_room_job_duration_seconds",
      help: "Job run time by type and outcome (succeeded, retry, dead)",
      labelNames: ["type", "outcome"],
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
      registers,
    }),
    jobFailures: new client.Counter({
      name: "fitting_room_job_failures_total",
      help: "Failed job runs by type and outcome (retry, dead)",
      labelNames: ["type", "outcome"],
      registers,
    }),
    webhookAck: new client.Histogram({
      name: "fitting_room_webhook_ack_seconds",
      help: "Time to answer a webhook delivery (Shopify gives up at 5 s), by topic and status",
      labelNames: ["topic", "status"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    }),
    inboxBatch: new client.Histogram({
      name: "fitting_room_webhook_inbox_batch_deliveries",
      help: "Deliveries written per inbox commit (a burst shares one commit)",
      buckets: [1, 2, 5, 10, 25, 50, 100, 250],
      registers,
    }),
    adminCost: new client.Counter({
      name: "fitting_room_admin_api_cost_points_total",
      help: "Admin GraphQL cost points used (extensions.cost.actualQueryCost), by shop",
      labelNames: ["shop"],
      registers,
    }),
  };
}

declare global {
  var __fittingRoomMetrics: Metrics | undefined;
}

// One registry per process: Remix dev rebuilds re-evaluate this module, and registering the
// same metric names again would throw.
export const metrics: Metrics = (globalThis.__fittingRoomMetrics ??= createMetrics());

async function readQueue(m: Metrics): Promise<void> {
  const at = now();
  const [due, running] = await Promise.all([
    prisma.job.groupBy({
      by: ["type"],
      where: { status: "queued", runAt: { lte: at } },
      _count: { _all: true },
      _min: { runAt: true },
    }),
    prisma.job.groupBy({ by: ["type"], where: { status: "running" }, _count: { _all: true } }),
  ]);
  for (const gauge of [m.queueDepth, m.oldestDueAge, m.running]) gauge.reset();
  // A type with leased jobs and none waiting reads 0, not absent, so alerts see it drain.
  for (const row of [...due, ...running]) {
    m.queueDepth.set({ type: row.type }, 0);
    m.oldestDueAge.set({ type: row.type }, 0);
  }
  for (const row of due) {
    m.queueDepth.set({ type: row.type }, row._count._all);
    const oldest = row._min.runAt;
    if (oldest) m.oldestDueAge.set({ type: row.type }, (at.getTime() - oldest.getTime()) / 1000);
  }
  for (const row of running) m.running.set({ type: row.type }, row._count._all);
}

/** The exposition text, with the queue read now. */
export async function metricsText(): Promise<{ contentType: string; body: string }> {
  await readQueue(metrics);
  return { contentType: metrics.registry.contentType, body: await metrics.registry.metrics() };
}

const digest = (text: string) => crypto.createHash("sha256").update(text).digest();

/**
 * A scrape sends `Authorization: Bearer $METRICS_TOKEN`. In production there is no open
 * endpoint: without a token set, /metrics refuses every scrape (its series name the shops).
 */
export function metricsAuthorized(authorization: string | null): boolean {
  const token = process.env.METRICS_TOKEN;
  if (!token) return process.env.NODE_ENV !== "production";
  const given = /^Bearer\s+(.+)$/i.exec(authorization ?? "")?.[1]?.trim() ?? "";
  return crypto.timingSafeEqual(digest(given), digest(token));
}

export function recordJobRun(type: string, outcome: "succeeded" | "retry" | "dead", ms: number) {
  metrics.jobDuration.observe({ type, outcome }, ms / 1000);
  if (outcome !== "succeeded") metrics.jobFailures.inc({ type, outcome });
}

export function recordWebhookAck(topic: string, status: number, ms: number) {
  metrics.webhookAck.observe({ topic, status: String(status) }, ms / 1000);
}

export function recordInboxBatch(deliveries: number) {
  metrics.inboxBatch.observe(deliveries);
}

export function recordAdminCost(shop: string, points: number) {
  metrics.adminCost.inc({ shop }, points);
}

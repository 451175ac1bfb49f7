import prisma from "~/db.server";
import { logger } from "~/platform/logger.server";
import { redactUrl } from "~/platform/redact";
import { recordWebhookAck } from "~/platform/metrics.server";
import { stopInlineWorker } from "~/platform/jobs/inline.server";
import type { Worker } from "~/platform/jobs/worker.server";
import { ALL_TOPICS, webhookPath, type WebhookTopic } from "~/platform/webhooks/topics";

// Stopping on SIGTERM/SIGINT: no new job is taken, a running job gets the grace period to end
// (then gives its lease back), and the database is closed, so a deploy or Ctrl-C leaves neither
// a polling process behind nor a job leased to a process that is gone.

/** SHUTDOWN_GRACE_MS, 10 s by default: well inside a container's usual 30 s before SIGKILL. */
export function shutdownGraceMs(): number {
  const value = Number(process.env.SHUTDOWN_GRACE_MS);
  return Number.isFinite(value) && value >= 0 ? value : 10_000;
}

/** The job worker process's whole shutdown (app/worker.cli.ts). */
export async function stopWorkerProcess(worker: Worker, graceMs: number): Promise<void> {
  await worker.stop(graceMs);
  await prisma.$disconnect();
}

const TOPIC_BY_PATH = new Map<string, WebhookTopic>(ALL_TOPICS.map((t) => [webhookPath(t), t]));

/**
 * What the HTTP server (scripts/serve.mjs) needs from the app, exported by app/entry.server.tsx
 * so the server holds no copy of the app's logger, redaction or metrics.
 */
export const serverOperations = {
  logger,
  redactUrl,
  shutdownGraceMs,
  /** A POST to a webhook route is a delivery: its answer time is the acknowledgement latency. */
  observeRequest(method: string, path: string, status: number, ms: number): void {
    const topic = method === "POST" ? TOPIC_BY_PATH.get(path) : undefined;
    if (topic) recordWebhookAck(topic, status, ms);
  },
  stopJobs: stopInlineWorker,
  closeDatabase: () => prisma.$disconnect(),
};

export type ServerOperations = typeof serverOperations;

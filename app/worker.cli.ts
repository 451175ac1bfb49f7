import { logger } from "~/platform/logger.server";
import { initDatabase } from "~/platform/database.server";
import { shutdownGraceMs, stopWorkerProcess } from "~/platform/lifecycle.server";
import { Worker } from "~/platform/jobs/worker.server";
import { listenForScrapes } from "~/platform/metrics-http.server";
import { jobTable } from "~/jobs.server";
import { scheduleWebhookRetention } from "~/platform/webhooks/retention.server";

// `npm run worker`: the job worker as its own process (set FITTING_ROOM_WORKER=off on the app).
await initDatabase();
const worker = new Worker({
  handlers: jobTable,
  concurrency: Number(process.env.WORKER_CONCURRENCY ?? 8),
});
const scrapes = process.env.WORKER_METRICS_PORT
  ? listenForScrapes(Number(process.env.WORKER_METRICS_PORT))
  : null;
let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    // The process group's signal and the npm script's forwarded copy: one shutdown.
    if (stopping) return;
    stopping = true;
    const graceMs = shutdownGraceMs();
    logger.info({ signal, graceMs }, "stopping job worker");
    setTimeout(() => process.exit(1), graceMs + 5000).unref();
    scrapes?.close();
    stopWorkerProcess(worker, graceMs).then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, "job worker shutdown failed");
        process.exit(1);
      },
    );
  });
}

worker.start();
// The inbox's daily retention sweep (it re-queues itself; once per day however many start).
// Both after the signal handlers: a stop asked for at any point after this is a clean stop.
scheduleWebhookRetention().catch((error: unknown) =>
  logger.error({ err: error }, "could not schedule the webhook retention sweep"),
);

import { logger } from "~/platform/logger.server";
import { initDatabase } from "~/platform/database.server";
import { Worker } from "~/platform/jobs/worker.server";
import { jobTable } from "~/jobs.server";
import { scheduleWebhookRetention } from "~/platform/webhooks/retention.server";

// `npm run worker`: the job worker as its own process (set FITTING_ROOM_WORKER=off on the app).
await initDatabase();
const worker = new Worker({
  handlers: jobTable,
  concurrency: Number(process.env.WORKER_CONCURRENCY ?? 8),
});
worker.start();
// The inbox's daily retention sweep (it re-queues itself; once per day however many start).
await scheduleWebhookRetention();

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    logger.info({ signal }, "stopping job worker");
    void worker.stop().then(() => process.exit(0));
  });
}

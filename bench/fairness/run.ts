// bench/fairness: does one shop's sweep delay another shop's webhooks? A busy shop has N trials
// (default 10,000) whose windows closed at once; a quiet shop sends one orders/create webhook a
// second. The worker (the app's job table, against the sandbox, Standard plan's rate limit) runs
// throughout. Prints, for the quiet shop's webhooks, acknowledgement → processed latency with no
// sweep running (the baseline, same run) and during the sweep, the ratio, the busy shop's
// progress meanwhile, and what first-in-first-out would have made the quiet shop wait (the due
// jobs ahead of its webhook at the worker's measured rate). Target: a few seconds at most.
// Run: npm run bench:fairness [-- --trials 10000 --webhooks 10 --concurrency 8]
import crypto from "node:crypto";
import os from "node:os";
import { numberOption, prepareBenchApp, startBenchSandbox } from "../support/app-rig";

const TRIALS = numberOption("trials", 10_000);
const WEBHOOKS = numberOption("webhooks", 10);
const CONCURRENCY = numberOption("concurrency", 8);
const BUSY = "bench-busy.myshopify.com";
const QUIET = "bench-quiet.myshopify.com";
prepareBenchApp("fairness");

const { orderPayload, shopifyJson } = await import("../../tests/sandbox/webhooks");
const { webhookRequest } = await import("../../tests/support/shopify");
const { addTrialPurchaseOption, seedDueTrials } = await import("../support/due-trials");
const { Worker } = await import("../../app/platform/jobs/worker.server");
const { receiveWebhook } = await import("../../app/platform/webhooks/inbox.server");
const { jobTable } = await import("../../app/jobs.server");

const { default: prisma } = await import("../../app/db.server");
const { sandbox, server, shops } = await startBenchSandbox([BUSY, QUIET]);
const quiet = shops.get(QUIET)!;

const worker = new Worker({ id: "bench-fairness", concurrency: CONCURRENCY, handlers: jobTable });
globalThis.__fittingRoomWorker = worker; // the webhook path nudges it, as in the app process
worker.start();

interface Sample {
  latencyMs: number;
  fifoAhead: number;
}

/** One quiet-shop order webhook: acknowledged, then polled until its job has processed it. */
async function quietWebhook(): Promise<Sample> {
  const order = sandbox.lifecycle.placeOrder(QUIET, {
    customerEmail: "olivia@example.com",
    lines: [{ handle: "little-black-heels", size: "8" }],
  });
  const id = crypto.randomUUID();
  const request = webhookRequest(
    "orders/create",
    shopifyJson(orderPayload(sandbox.store, quiet, order)),
    { shop: QUIET, webhookId: id },
  );
  const response = await receiveWebhook(request, "orders/create");
  if (response.status !== 200) throw new Error(`webhook answered ${response.status}`);
  const acked = performance.now();
  const job = await prisma.job.findFirstOrThrow({
    where: { shop: QUIET, type: "webhook.process" },
    orderBy: { createdAt: "desc" },
  });
  // Jobs a first-in-first-out queue would run before this one.
  const fifoAhead = await prisma.job.count({
    where: { status: "queued", runAt: { lt: job.runAt }, id: { not: job.id } },
  });
  for (;;) {
    const row = await prisma.webhookDelivery.findUnique({ where: { id } });
    if (row?.status === "processed" || row?.status === "failed") break;
    await new Promise((r) => setTimeout(r, 20));
  }
  return { latencyMs: performance.now() - acked, fifoAhead };
}

async function series(): Promise<Sample[]> {
  const samples: Sample[] = [];
  for (let n = 0; n < WEBHOOKS; n += 1) {
    const started = performance.now();
    samples.push(await quietWebhook());
    await new Promise((r) => setTimeout(r, Math.max(0, 1000 - (performance.now() - started))));
  }
  return samples;
}

const pct = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};
const describe = (s: Sample[]) => {
  const l = s.map((x) => x.latencyMs);
  return `p50 ${pct(l, 50).toFixed(0)} ms, max ${Math.max(...l).toFixed(0)} ms`;
};

const baseline = await series();

const setupStart = performance.now();
await seedDueTrials({
  sandbox,
  shop: BUSY,
  shopState: shops.get(BUSY)!,
  planGid: addTrialPurchaseOption(sandbox, shops.get(BUSY)!),
  prefix: "busy",
  count: TRIALS,
});
sandbox.store.setPlan(BUSY, "standard");
worker.nudge();
const seeded = (performance.now() - setupStart) / 1000;
await new Promise((r) => setTimeout(r, 3000)); // the sweep is under way
const settledAt = () => prisma.trial.count({ where: { shop: BUSY, settledAt: { not: null } } });
const jobsDone = () => prisma.job.count({ where: { shop: BUSY, status: "succeeded" } });
const [settledBefore, jobsBefore, t0] = [await settledAt(), await jobsDone(), performance.now()];
const during = await series();
const window = (performance.now() - t0) / 1000;
const [settledAfter, jobsAfter] = [await settledAt(), await jobsDone()];
const jobsPerSecond = (jobsAfter - jobsBefore) / window;
const ahead = during.map((s) => s.fifoAhead);

console.log(
  `bench/fairness (${os.cpus().length} cores, load ${os.loadavg()[0]!.toFixed(1)}, ${process.version}, SQLite, table queue, worker concurrency ${CONCURRENCY}): ${TRIALS} trials of ${BUSY} due at once (seeded in ${seeded.toFixed(0)} s), ${WEBHOOKS} orders/create webhooks of ${QUIET}, one a second`,
);
console.log(`  quiet shop, no sweep        ${describe(baseline)}`);
console.log(`  quiet shop, during sweep    ${describe(during)}`);
console.log(
  `  ratio                       p50 ${(
    pct(
      during.map((s) => s.latencyMs),
      50,
    ) /
    pct(
      baseline.map((s) => s.latencyMs),
      50,
    )
  ).toFixed(
    2,
  )}×, max ${(Math.max(...during.map((s) => s.latencyMs)) / Math.max(...baseline.map((s) => s.latencyMs))).toFixed(2)}×`,
);
console.log(
  `  busy shop meanwhile         ${settledAfter - settledBefore} trials settled, ${jobsAfter - jobsBefore} jobs in ${window.toFixed(1)} s (${jobsPerSecond.toFixed(1)} jobs/s)`,
);
console.log(
  `  first-in-first-out instead  ${pct(ahead, 50)} jobs ahead of each webhook (median) → ~${(pct(ahead, 50) / Math.max(jobsPerSecond, 0.001)).toFixed(0)} s wait at that rate`,
);
await worker.stop(5_000);
await server.close();
const worst = Math.max(...during.map((s) => s.latencyMs));
process.exit(worst > 5_000 ? 1 : 0);

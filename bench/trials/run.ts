// bench/trials: N trials (default 10,000) whose windows all closed at once, settled by the app's
// own job worker against the sandbox with the Standard plan's rate limit (bucket 2000 points,
// 100 points/s). Prints the time it took, the Admin API throughput achieved as a share of what
// the rate limit allows (target ≥ 90%), throttled calls (absorbed by pacing; any that surfaced
// as failed jobs are counted apart), and double charges (must be 0).
// Run: npm run bench:trials [-- --trials 10000 --concurrency 16]
import os from "node:os";
import { numberOption, prepareBenchApp, startBenchSandbox } from "../support/app-rig";

const TRIALS = numberOption("trials", 10_000);
const CONCURRENCY = numberOption("concurrency", 16);
const SHOP = "bench-trials.myshopify.com";
prepareBenchApp("trials");

const { addTrialPurchaseOption, seedDueTrials } = await import("../support/due-trials");
const { toMinor } = await import("../../tests/sandbox/admin/orders");
const { default: prisma } = await import("../../app/db.server");
const { throttleStats } = await import("../../app/platform/admin/throttle.server");
const { Worker } = await import("../../app/platform/jobs/worker.server");
const { jobTable } = await import("../../app/jobs.server");
const { sandbox, server, shops } = await startBenchSandbox([SHOP]);
const shop = shops.get(SHOP)!;

// N delivered trials with live holds, all past their window, in the sandbox and the app.
const setupStart = performance.now();
const expected = await seedDueTrials({
  sandbox,
  shop: SHOP,
  shopState: shop,
  planGid: addTrialPurchaseOption(sandbox, shop),
  prefix: "bench",
  count: TRIALS,
});
sandbox.store.setPlan(SHOP, "standard"); // a full bucket at the start, as after a quiet night
console.log(
  `bench/trials (${os.cpus().length} cores, ${process.version}): ${TRIALS} trials ending at once, Standard plan (2000-point bucket, 100 points/s), worker concurrency ${CONCURRENCY}; setup ${((performance.now() - setupStart) / 1000).toFixed(1)} s`,
);

const started = performance.now();
const worker = new Worker({ id: "bench", concurrency: CONCURRENCY, handlers: jobTable });
let last = started;
for (;;) {
  const ran = await worker.drain(50);
  if (performance.now() - last > 30_000) {
    last = performance.now();
    const settled = await prisma.trial.count({ where: { settledAt: { not: null } } });
    console.log(`  … ${settled}/${TRIALS} settled after ${((last - started) / 1000).toFixed(0)} s`);
  }
  if (ran === 0) {
    const due = await prisma.job.count({
      where: {
        status: { in: ["queued", "running"] },
        runAt: { lte: new Date(sandbox.store.clock()) },
      },
    });
    if (due === 0) break;
  }
}
const elapsed = (performance.now() - started) / 1000;

const stats = throttleStats(SHOP);
const allowed = 2000 + 100 * elapsed;
const moneyByOrder = new Map<string, { count: number; amount: number }>();
for (const e of sandbox.store.ledger) {
  if (e.kind !== "capture" && e.kind !== "charge") continue;
  const entry = moneyByOrder.get(e.orderGid!) ?? { count: 0, amount: 0 };
  entry.count += 1;
  entry.amount += toMinor(e.amount!.amount, "amount");
  moneyByOrder.set(e.orderGid!, entry);
}
let doubles = 0;
let wrong = 0;
for (const [order, owed] of expected) {
  const got = moneyByOrder.get(order) ?? { count: 0, amount: 0 };
  if (got.count > 1) doubles += 1;
  if (got.amount !== owed) wrong += 1;
}
const dead = await prisma.job.count({ where: { status: "dead" } });
const settled = await prisma.trial.count({ where: { settledAt: { not: null } } });
const voids = sandbox.store.ledger.filter((e) => e.kind === "void").length;
console.log(
  `  settled              ${settled}/${TRIALS} in ${elapsed.toFixed(1)} s (${(settled / elapsed).toFixed(1)} trials/s)`,
);
console.log(
  `  Admin calls          ${stats.calls} (${stats.pointsUsed} points; ${moneyByOrder.size} captures, ${voids} voids)`,
);
console.log(
  `  rate-limit use       ${((stats.pointsUsed / allowed) * 100).toFixed(1)}% of the ${allowed.toFixed(0)} points the limit allowed (target ≥ 90%)`,
);
console.log(
  `  throttled calls      ${stats.throttled} absorbed by pacing; ${dead} job(s) failed for good`,
);
console.log(`  double charges       ${doubles}; trials charged a wrong amount ${wrong}`);
await server.close();
process.exit(doubles > 0 || wrong > 0 || dead > 0 ? 1 : 0);

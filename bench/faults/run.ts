// bench/faults: the faults of issue 15 survived, each printed with its figures.
//   kill     `npm run worker` SIGKILLed at random points N times during a trial settlement sweep
//   webhook  the app killed while it handles a webhook; Shopify's retry (same webhook id)
//   busy     SQLite busy under load (a second writer holding the write lock) during a sweep
//   api      Admin API 502s, lost responses (504 after the effect), throttling and declined
//            payments at random during a sweep: every case right or in "needs attention"
// Run: npm run bench:faults [-- --trials 2000 --kills 20 --only kill,api]
// On SQLite in a fresh temp database, or on PostgreSQL when DATABASE_URL is postgresql://…
// (a fresh database is made on that server for each fault).
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { prepareBenchApp } from "../support/app-rig";

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? (args[i + 1] ?? fallback) : fallback;
};
const TRIALS = Number(option("trials", "2000"));
const KILLS = Number(option("kills", "20"));
const ONLY = option("only", "kill,webhook,busy,api").split(",");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fr-bench-faults-"));
const base = process.env.DATABASE_URL ?? "";
const onPostgres = /^postgres(ql)?:\/\//.test(base);
const database = onPostgres
  ? Object.assign(new URL(base), { pathname: `/faults_${crypto.randomBytes(4).toString("hex")}` })
      .href
  : `file:${path.join(dir, "faults.db")}`;
prepareBenchApp("faults", database);

const { default: prisma } = await import("../../app/db.server");
const { initDatabase } = await import("../../app/platform/database.server");
const { startRig, seedDueTrials } = await import("./rig");
const { checkTrialLedger } = await import("./ledger");
await initDatabase();

console.log(
  `bench/faults (${os.cpus().length} cores, load ${os.loadavg()[0]!.toFixed(1)}, ${process.version}, ${onPostgres ? "PostgreSQL" : "SQLite"}): ${TRIALS} due trials per sweep`,
);
let failed = false;
const report = (label: string, check: Awaited<ReturnType<typeof checkTrialLedger>>) => {
  console.log(
    `  ${label}: ${check.orders} orders; double money effects ${check.doubles.length}, lost ${check.lost.length}; needs attention ${check.attention.size}; unsettled ${check.unsettled}; effects not succeeded ${check.effectsNotSucceeded}`,
  );
  console.log(`    sandbox ledger: ${JSON.stringify(check.kinds)}`);
  if (check.doubles.length || check.lost.length || check.unsettled) {
    failed = true;
    console.log(
      `    doubles ${check.doubles.slice(0, 10).join(", ")} lost ${check.lost.slice(0, 10).join(", ")}`,
    );
  }
};

if (ONLY.includes("kill")) {
  const { killDuringSweep } = await import("./kill-sweep");
  const rig = await startRig("faults-kill.myshopify.com");
  const expected = await seedDueTrials(rig, TRIALS);
  const figures = await killDuringSweep(rig, TRIALS, { kills: KILLS, maxDelayMs: 2500 });
  console.log(
    `  kill: ${figures.kills} SIGKILLs (${figures.killedHoldingJobs} while holding leased jobs, ${figures.effectsLeftInFlight} money effects left in flight) in ${figures.totalSeconds.toFixed(1)} s; the last worker finished in ${figures.finishSeconds.toFixed(1)} s`,
  );
  report("kill", await checkTrialLedger(rig, expected));
  await rig.close();
}

if (ONLY.includes("api")) {
  const { sweepUnderApiFaults } = await import("./api-faults");
  const rig = await startRig("faults-api.myshopify.com");
  const expected = await seedDueTrials(rig, TRIALS);
  const { injected, seconds } = await sweepUnderApiFaults(rig, TRIALS, {
    share: 0.05,
  });
  const check = await checkTrialLedger(rig, expected);
  console.log(
    `  api: thrown at random in ${seconds.toFixed(1)} s: ${injected.serverErrors} × 502, ${injected.lostResponses} × 504 after the effect, ${injected.throttles} × bucket emptied, ${injected.declines} × declined charge/capture`,
  );
  const reasons = new Map<string, number>();
  for (const reason of check.attention.values()) {
    const kind = reason.replace(/\d+/g, "N");
    reasons.set(kind, (reasons.get(kind) ?? 0) + 1);
  }
  console.log(
    `    outcomes: ${check.orders - check.attention.size - check.unsettled} settled right, ${check.attention.size} needs attention${[...reasons].map(([r, n]) => `\n      ${n} × "${r}"`).join("")}`,
  );
  report("api", check);
  await rig.close();
}

await prisma.$disconnect();
process.exit(failed ? 1 : 0);

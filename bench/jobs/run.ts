// bench/jobs: the table queue vs graphile-worker on the same PostgreSQL, in the same run, each in
// its own process and fresh database, with a no-op handler: the engines' own cost. Prints, per
// engine, enqueue→start latency (the worker idle and in another process than the enqueuer, as
// with `npm run worker`: the table queue has no nudge across processes and polls every 500 ms)
// and jobs/s draining a backlog with concurrency 8; then graphile / table as ratios.
// Run: BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/x npx tsx bench/jobs/run.ts
//      [-- --jobs 2000 --samples 40]
import { execFileSync } from "node:child_process";
import path from "node:path";
import pg from "pg";

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const JOBS = option("jobs", 2000);
const SAMPLES = option("samples", 40);
const root = path.resolve(import.meta.dirname, "../..");
const base = process.env.BENCH_DATABASE_URL ?? "";

interface Figures {
  engine: string;
  latencyP50: number;
  latencyP95: number;
  jobsPerSecond: number;
}

async function child(engine: string): Promise<Figures> {
  process.env.LOG_LEVEL = "warn";
  const { default: prisma } = await import("../../app/db.server");
  const { Worker } = await import("../../app/platform/jobs/worker.server");
  const { enqueue } = await import("../../app/platform/jobs/queue.server");
  let started = 0;
  let onStart: (() => void) | null = null;
  const handlers = {
    "bench.noop": async () => {
      started += 1;
      onStart?.();
    },
  };
  const worker = new Worker({ id: `bench-${engine}`, handlers, concurrency: 8 });
  worker.start();
  await new Promise((r) => setTimeout(r, 1500)); // listening / first poll done
  const latencies: number[] = [];
  for (let i = 0; i < SAMPLES; i += 1) {
    const begun = new Promise<void>((resolve) => (onStart = resolve));
    // Not aligned with the table queue's poll: a real enqueue arrives at any point of it.
    await new Promise((r) => setTimeout(r, Math.random() * 100));
    const t0 = performance.now();
    await enqueue({ type: "bench.noop", payload: {}, idempotencyKey: `lat-${i}` });
    await begun;
    latencies.push(performance.now() - t0);
  }
  await worker.stop();
  for (let i = 0; i < JOBS; i += 1)
    await enqueue({ type: "bench.noop", payload: {}, idempotencyKey: `tp-${i}` });
  const before = started;
  const t0 = performance.now();
  const backlog = new Worker({ id: `bench-${engine}-2`, handlers, concurrency: 8 });
  backlog.start();
  while ((await prisma.job.count({ where: { status: "succeeded" } })) < SAMPLES + JOBS)
    await new Promise((r) => setTimeout(r, 20));
  const seconds = (performance.now() - t0) / 1000;
  await backlog.stop();
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
  await prisma.$disconnect();
  if (started - before !== JOBS) throw new Error(`ran ${started - before} of ${JOBS}`);
  return { engine, latencyP50: at(0.5), latencyP95: at(0.95), jobsPerSecond: JOBS / seconds };
}

async function parent() {
  if (!base.startsWith("postgres")) throw new Error("set BENCH_DATABASE_URL=postgresql://…");
  const results: Figures[] = [];
  for (const engine of ["table", "graphile"]) {
    const url = new URL(base);
    const name = `fr_bench_jobs_${engine}`;
    const adminUrl = new URL(base);
    adminUrl.pathname = "/postgres";
    const admin = new pg.Client({ connectionString: adminUrl.toString() });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${name}"`);
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    url.pathname = `/${name}`;
    const env = { ...process.env, DATABASE_URL: url.toString(), JOB_ENGINE: engine };
    execFileSync("node", ["scripts/db.mjs"], { cwd: root, env, stdio: "ignore" });
    const out = execFileSync(
      process.execPath,
      ["--import", "tsx", path.join(root, "bench/jobs/run.ts"), "--child", ...args],
      { cwd: root, env, stdio: ["ignore", "pipe", "inherit"] },
    ).toString();
    results.push(JSON.parse(out.trim().split("\n").pop()!) as Figures);
  }
  const [table, graphile] = results as [Figures, Figures];
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  for (const r of results)
    process.stdout.write(
      `${r.engine.padEnd(9)} enqueue→start p50 ${ms(r.latencyP50)}, p95 ${ms(r.latencyP95)}; ` +
        `${r.jobsPerSecond.toFixed(0)} jobs/s (${JOBS} no-op jobs, concurrency 8)\n`,
    );
  process.stdout.write(
    `graphile/table: latency p50 ×${(graphile.latencyP50 / table.latencyP50).toFixed(2)}, ` +
      `p95 ×${(graphile.latencyP95 / table.latencyP95).toFixed(2)}, ` +
      `throughput ×${(graphile.jobsPerSecond / table.jobsPerSecond).toFixed(2)}\n`,
  );
}

if (args.includes("--child")) {
  const figures = await child(process.env.JOB_ENGINE ?? "graphile");
  process.stdout.write(`${JSON.stringify(figures)}\n`);
  process.exit(0);
} else await parent();

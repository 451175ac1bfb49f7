// bench/admin-pages: the admin list pages' loaders at volume. Seeds one shop with N trials,
// made-to-order cases, returns and referrals (default 100,000 each, with their lines and
// timelines; a second, small shop beside it), then calls each list route's loader in-process with
// a session token, as the integration tests do, across its tabs, filters and searches, and
// prints p50/p95/p99 per page. Target (issue 15, figure 3): p95 ≤ 30 ms on SQLite and PostgreSQL.
//
// The same run measures twice: first with the list indexes of migration
// 20261207150000_admin_list_indexes dropped (the baseline), then with them (what ships).
//
// Run: npm run bench:admin-pages [-- --cases 100000 --rounds 10]
//      DATABASE_URL=postgresql://postgres@127.0.0.1:PORT/postgres npm run bench:admin-pages
//      (PostgreSQL: a fresh database is created on that server for the run and dropped after.)
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { prepareBenchApp } from "../support/app-rig";

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const CASES = option("cases", 100_000);
const ROUNDS = option("rounds", 10);
const SHOP = "volume-a.myshopify.com";
const SMALL_SHOP = "volume-b.myshopify.com";
const root = path.resolve(import.meta.dirname, "../..");
const MIGRATION = "20261207150000_admin_list_indexes";

const given = process.env.DATABASE_URL ?? "";
const postgres = /^postgres(ql)?:\/\//.test(given);
let dropDatabase = async () => {};
if (postgres) {
  const name = `fr_admin_pages_${process.pid}`;
  const admin = new pg.Client({ connectionString: given });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(given);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
  dropDatabase = async () => {
    const c = new pg.Client({ connectionString: given });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  };
}
prepareBenchApp("admin", postgres ? process.env.DATABASE_URL : undefined);

const { default: prisma } = await import("../../app/db.server");
const { initDatabase } = await import("../../app/platform/database.server");
const { adminRequest, installShop } = await import("../../tests/support/shopify");
const { seedShop } = await import("./seed");
const { MTO_QUEUES } = await import("../../app/features/made-to-order");
await initDatabase();

const pages: Record<string, { loader: (a: never) => Promise<Response>; queries: string[] }> = {
  Trials: {
    loader: (await import("../../app/routes/app.trials._index")).loader,
    queries: [
      "",
      "?status=open",
      ...["needs_attention", "ending_soon", "awaiting_returns", "charged", "closed"].map(
        (s) => `?status=${s}`,
      ),
      "?q=olivia",
      "?q=10042",
      "?status=open&q=garcia",
      "?q=nobody",
    ],
  },
  "Made-to-order": {
    loader: (await import("../../app/routes/app.made-to-order._index")).loader,
    queries: MTO_QUEUES.map((q) => `?queue=${q}`),
  },
  Returns: {
    loader: (await import("../../app/routes/app.returns._index")).loader,
    queries: [
      ...["to_review", "awaiting_parcel", "to_inspect", "awaiting_shopper", "to_refund"].map(
        (q) => `?queue=${q}`,
      ),
      "?queue=done",
      "?queue=closed",
      "?queue=done&reason=STYLE",
      "?queue=awaiting_parcel&outcome=exchange",
      "?queue=to_review&market=International",
    ],
  },
  Referrals: {
    loader: (await import("../../app/routes/app.referrals._index")).loader,
    queries: ["all", "flagged", "waiting_window", "earned", "paid", "voided"].map(
      (s) => `?status=${s}`,
    ),
  },
  Overview: { loader: (await import("../../app/routes/app._index")).loader, queries: [""] },
};
const PATHS: Record<string, string> = {
  Trials: "/app/trials",
  "Made-to-order": "/app/made-to-order",
  Returns: "/app/returns",
  Referrals: "/app/referrals",
  Overview: "/app",
};

const seedStart = performance.now();
const now = Date.now();
await installShop(null, SHOP);
await installShop(null, SMALL_SHOP);
await seedShop(prisma, SHOP, CASES, now, "a");
await seedShop(prisma, SMALL_SHOP, Math.max(1, Math.floor(CASES / 50)), now, "b");
const seedSeconds = (performance.now() - seedStart) / 1000;
await prisma.$executeRawUnsafe("ANALYZE");

const migrationFile = path.join(
  root,
  postgres ? "prisma/postgres/migrations" : "prisma/migrations",
  MIGRATION,
  "migration.sql",
);
const migrationSql = fs.existsSync(migrationFile) ? fs.readFileSync(migrationFile, "utf8") : "";
const creates = migrationSql
  .split(";")
  .map((s) => s.replace(/^\s*--.*$/gm, "").trim())
  .filter((s) => /^CREATE INDEX/i.test(s));
const indexNames = creates.map((s) => /CREATE INDEX\s+"([^"]+)"/i.exec(s)![1]!);

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function measure(label: string) {
  const times = new Map<string, number[]>();
  const worst = new Map<string, { query: string; p95: number }>();
  for (let round = -1; round < ROUNDS; round += 1) {
    for (const [page, { loader, queries }] of Object.entries(pages)) {
      for (const query of queries) {
        const request = adminRequest(SHOP, `${PATHS[page]}${query}`);
        const started = performance.now();
        const response = await loader({ request, params: {}, context: {} } as never);
        await response.text();
        const ms = performance.now() - started;
        if (response.status !== 200) throw new Error(`${page}${query}: ${response.status}`);
        if (round < 0) continue; // warm-up
        const key = `${page}\u0000${query}`;
        times.set(key, [...(times.get(key) ?? []), ms]);
      }
    }
  }
  console.log(`  ${label}`);
  console.log(
    `    ${"page".padEnd(14)} ${"calls".padStart(5)} ${"p50".padStart(8)} ${"p95".padStart(8)} ${"p99".padStart(8)}   slowest view (its p95)`,
  );
  for (const page of Object.keys(pages)) {
    const all: number[] = [];
    for (const [key, list] of times) {
      const [p, query] = key.split("\u0000") as [string, string];
      if (p !== page) continue;
      all.push(...list);
      const p95 = percentile(
        [...list].sort((a, b) => a - b),
        95,
      );
      if (p95 > (worst.get(page)?.p95 ?? -1)) worst.set(page, { query: query || "(default)", p95 });
    }
    all.sort((a, b) => a - b);
    const f = (n: number) => `${n.toFixed(1)} ms`.padStart(8);
    const w = worst.get(page)!;
    console.log(
      `    ${page.padEnd(14)} ${String(all.length).padStart(5)} ${f(percentile(all, 50))} ${f(percentile(all, 95))} ${f(percentile(all, 99))}   ${w.query} (${w.p95.toFixed(1)} ms)`,
    );
  }
}

console.log(
  `bench/admin-pages (${postgres ? "PostgreSQL" : "SQLite"}, ${os.cpus().length} cores, load ${os.loadavg()[0]!.toFixed(2)}, ${process.version}): ${CASES} each of trials, made-to-order cases, returns, referrals in one shop (+ ${Math.floor(CASES / 50)} each in a second); seeded in ${seedSeconds.toFixed(1)} s; ${ROUNDS} rounds per view after a warm-up`,
);
for (const name of indexNames) await prisma.$executeRawUnsafe(`DROP INDEX IF EXISTS "${name}"`);
await measure(`baseline: without the ${indexNames.length} list indexes of ${MIGRATION}`);
for (const sql of creates) await prisma.$executeRawUnsafe(sql);
await prisma.$executeRawUnsafe("ANALYZE");
await measure("with them (as shipped)");
await prisma.$disconnect();
await dropDatabase();

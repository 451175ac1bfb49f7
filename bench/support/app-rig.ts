import crypto from "node:crypto";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

// What the benchmarks share: their options, a migrated database with the app's environment, and
// (bench/trials, bench/fairness) shops installed in the sandbox and the app.

const root = path.resolve(import.meta.dirname, "../..");

/** `--name value` from the command line, as a number. */
export function numberOption(name: string, fallback: number): number {
  const args = process.argv.slice(2);
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
}

/**
 * The app's environment on `databaseUrl` (by default a fresh SQLite file), migrated; import app
 * modules only after this.
 */
export function prepareBenchApp(name: string, databaseUrl?: string): void {
  const url =
    databaseUrl ??
    `file:${path.join(fs.mkdtempSync(path.join(os.tmpdir(), `fr-bench-${name}-`)), "bench.db")}`;
  Object.assign(process.env, {
    DATABASE_URL: url,
    SHOPIFY_API_KEY: "bench-key",
    SHOPIFY_API_SECRET: crypto.randomBytes(16).toString("hex"),
    SHOPIFY_APP_URL: "https://localhost:3999",
    LOG_LEVEL: "warn",
    FITTING_ROOM_WORKER: "off",
  });
  execFileSync("node", ["scripts/db.mjs"], { cwd: root, env: process.env, stdio: "ignore" });
}

/**
 * The sandbox and its server, Shopify routed to it, the app's clock on the sandbox's, and each
 * shop seeded as the demo store on the Standard plan and installed in the app.
 */
export async function startBenchSandbox(domains: readonly string[]) {
  const { createSandbox, startSandboxServer } = await import("../../tests/sandbox/server");
  const { seedDemoStore } = await import("../../tests/sandbox/seed");
  const { default: prisma } = await import("../../app/db.server");
  const { initDatabase } = await import("../../app/platform/database.server");
  const { installSandboxRouting } = await import("../../app/platform/sandbox-routing.server");
  const { setClockSource } = await import("../../app/platform/clock.server");
  await initDatabase();
  const sandbox = createSandbox({
    apiKey: process.env.SHOPIFY_API_KEY,
    apiSecret: process.env.SHOPIFY_API_SECRET,
  });
  const server = await startSandboxServer(sandbox);
  installSandboxRouting({ FITTING_ROOM_SANDBOX_URL: server.url });
  setClockSource(() => sandbox.store.clock());
  const shops = new Map<string, ReturnType<typeof seedDemoStore>>();
  for (const domain of domains) {
    const state = seedDemoStore(sandbox.store, domain);
    sandbox.store.setPlan(domain, "standard");
    const token = `shpat_bench_${crypto.randomBytes(6).toString("hex")}`;
    state.accessTokens.add(token);
    shops.set(domain, state);
    await prisma.session.create({
      data: {
        id: `offline_${domain}`,
        shop: domain,
        state: "x",
        isOnline: false,
        scope: "write_orders",
        accessToken: token,
      },
    });
    await prisma.shop.create({ data: { domain } });
  }
  return { sandbox, server, shops };
}

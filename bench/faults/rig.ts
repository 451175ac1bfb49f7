import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import path from "node:path";
import prisma from "../../app/db.server";
import { addTrialPurchaseOption, seedDueTrials as seedTrials } from "../support/due-trials";
import { createSandbox, startSandboxServer, type Sandbox } from "../../tests/sandbox/server";
import { seedDemoStore } from "../../tests/sandbox/seed";
import type { SandboxShop } from "../../tests/sandbox/store";

// The fault scripts' shared rig: the sandbox (an HTTP server in this process, so its ledger can be
// read directly), the app's database, due trials seeded in both, and `npm run worker` as a real
// process that can be killed. Used by bench/faults/*.ts and tests/integration/faults*.test.ts.

export const root = path.resolve(import.meta.dirname, "../..");

export interface Rig {
  shop: string;
  planGid: string;
  sandbox: Sandbox;
  shopState: SandboxShop;
  url: string;
  /** Admin GraphQL requests the sandbox has answered (or refused) so far. */
  adminCalls: () => number;
  close: () => Promise<void>;
}

/** A sandbox serving one installed shop whose offline session the app's database holds. */
export async function startRig(shop: string, plan: "standard" | "plus" = "plus"): Promise<Rig> {
  const sandbox = createSandbox({
    apiKey: process.env.SHOPIFY_API_KEY,
    apiSecret: process.env.SHOPIFY_API_SECRET,
  });
  const shopState = seedDemoStore(sandbox.store, shop);
  sandbox.store.setPlan(shop, plan);
  const token = `shpat_faults_${crypto.randomBytes(6).toString("hex")}`;
  shopState.accessTokens.add(token);
  const planGid = addTrialPurchaseOption(sandbox, shopState);
  let adminCalls = 0;
  const handle = sandbox.handle;
  sandbox.handle = (request) => {
    if (request.url.endsWith("/graphql.json")) adminCalls += 1;
    return handle(request);
  };
  const server = await startSandboxServer(sandbox);
  await prisma.session.create({
    data: {
      id: `offline_${shop}`,
      shop,
      state: "x",
      isOnline: false,
      scope: "write_orders",
      accessToken: token,
    },
  });
  await prisma.shop.create({
    data: { domain: shop, shopifyPlus: plan === "plus", trialSellingPlanGid: planGid },
  });
  return {
    shop,
    planGid,
    sandbox,
    shopState,
    url: server.url,
    adminCalls: () => adminCalls,
    close: server.close,
  };
}

/** `count` due trials on the rig's shop (bench/support/due-trials); what each order owes. */
export function seedDueTrials(rig: Rig, count: number): Promise<Map<string, number>> {
  return seedTrials({ ...rig, prefix: "faults", count });
}

/** `npm run worker` as its own process group (scripts/worker.mjs and its node child). */
export function spawnWorker(rig: Rig, env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, [path.join(root, "scripts/worker.mjs")], {
    cwd: root,
    detached: true,
    stdio: process.env.FAULTS_DEBUG ? "inherit" : "ignore",
    env: {
      ...process.env,
      NODE_ENV: "production",
      LOG_LEVEL: process.env.FAULTS_DEBUG ? "info" : "error",
      FITTING_ROOM_SANDBOX_URL: rig.url,
      FITTING_ROOM_WORKER: "off",
      SHUTDOWN_GRACE_MS: "1000",
      WORKER_CONCURRENCY: "8",
      ...env,
    },
  });
}

export function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

/** SIGKILL to the whole group: no handler runs, no lease is given back, nothing is flushed. */
export async function killHard(child: ChildProcess): Promise<void> {
  try {
    process.kill(-(child.pid as number), "SIGKILL");
  } catch {
    // already gone
  }
  await exited(child);
}

export async function stopGently(child: ChildProcess): Promise<void> {
  try {
    process.kill(-(child.pid as number), "SIGTERM");
  } catch {
    return;
  }
  const force = setTimeout(() => void killHard(child), 10_000);
  await exited(child);
  clearTimeout(force);
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Jobs still owed by the sandbox's time (queued and due, or running). */
export async function dueJobs(rig: Rig): Promise<number> {
  return prisma.job.count({
    where: {
      OR: [
        { status: "running" },
        { status: "queued", runAt: { lte: new Date(rig.sandbox.store.clock()) } },
      ],
    },
  });
}

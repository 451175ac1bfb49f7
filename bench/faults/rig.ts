import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import path from "node:path";
import type { Prisma } from "@prisma/client";
import prisma from "../../app/db.server";
import { createSandbox, startSandboxServer, type Sandbox } from "../../tests/sandbox/server";
import { seedDemoStore } from "../../tests/sandbox/seed";
import { Payments } from "../../tests/sandbox/payments";
import type { SandboxShop } from "../../tests/sandbox/store";

// The fault scripts' shared rig: the sandbox (an HTTP server in this process, so its ledger can be
// read directly), the app's database, due trials seeded in both, and `npm run worker` as a real
// process that can be killed. Used by bench/faults/*.ts and tests/integration/faults*.test.ts.

export const root = path.resolve(import.meta.dirname, "../..");
const DAY = 86_400_000;

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
  // The trial purchase option as the app creates it: Shopify sells no plan it does not offer.
  const planGid = sandbox.store.gid("SellingPlan").id;
  shopState.sellingPlanGroups.push({
    id: sandbox.store.gid("SellingPlanGroup").id,
    name: "Try at home",
    merchantCode: "fitting-room-trial",
    appId: "fitting-room",
    options: ["Home trial"],
    productIds: shopState.products.filter((p) => p.tags.includes("classic-pump")).map((p) => p.id),
    productVariantIds: [],
    plans: [
      {
        id: planGid,
        name: "Try at home for 7 days",
        category: "TRY_BEFORE_YOU_BUY",
        options: ["7-day home trial"],
        billingPolicy: {
          fixed: {
            remainingBalanceChargeTrigger: "TIME_AFTER_CHECKOUT",
            remainingBalanceChargeTimeAfterCheckout: "P34D",
          },
        },
        deliveryPolicy: { fixed: { fulfillmentTrigger: "ASAP" } },
        inventoryPolicy: { reserve: "ON_SALE" },
        metafields: [{ namespace: "fitting_room", key: "trial", type: "boolean", value: "true" }],
      },
    ],
  });
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

const TERMS = JSON.stringify({
  windowDays: 7,
  fallbackStartDaysAfterFulfillment: 10,
  reminderLeadHours: 48,
  timeZone: "America/New_York",
  damageFee: 5000,
  returnInTransitCapDays: 10,
  onAuthorizationFailure: "wait_for_card_update",
});

/**
 * `count` delivered trials with live holds, all past their window, each with its settlement job
 * due (as bench/trials). A third sent everything back (the hold is voided, nothing charged); the
 * rest keep one $245 pair (captured from the hold). Returns what each order must be charged.
 */
export async function seedDueTrials(rig: Rig, count: number): Promise<Map<string, number>> {
  const { sandbox, shop, shopState } = rig;
  const payments = new Payments(sandbox.store);
  const now = sandbox.store.clock();
  const expected = new Map<string, number>();
  for (let start = 0; start < count; start += 500) {
    const trials: Prisma.TrialCreateManyInput[] = [];
    const lines: Prisma.TrialLineCreateManyInput[] = [];
    const jobs: Prisma.JobCreateManyInput[] = [];
    for (let n = start; n < Math.min(count, start + 500); n += 1) {
      const order = sandbox.lifecycle.placeOrder(shop, {
        customerEmail: "olivia@example.com",
        paymentMethod: "card_on_file",
        lines: [
          { handle: "little-black-heels", size: "7", sellingPlanId: rig.planGid },
          { handle: "five-shades-of-nude", size: "7", sellingPlanId: rig.planGid },
        ],
      });
      const auth = payments.mandatePayment(shopState, order, {
        mandateId: order.mandateId!,
        idempotencyKey: `faults-auth-${n}`,
        autoCapture: false,
      });
      const id = `faults-trial-${n}`;
      const allBack = n % 3 === 0;
      expected.set(order.id, allBack ? 0 : 24500);
      trials.push({
        id,
        shop,
        orderGid: order.id,
        orderName: order.name,
        currencyCode: "USD",
        policyVersion: 1,
        terms: TERMS,
        mandateGid: order.mandateId,
        plus: shopState.plus,
        status: "awaiting_returns",
        orderedAt: new Date(now - 12 * DAY),
        fulfilledAt: new Date(now - 11 * DAY),
        deliveredAt: new Date(now - 9 * DAY),
        deliveryReportedAt: new Date(now - 9 * DAY),
        authorizationAttempts: 1,
        authorizationGid: auth.transactionId,
        authorizationAmount: 49000,
        authorizationExpiresAt: new Date(now + 6 * DAY),
        remindedAt: new Date(now - 3 * DAY),
      });
      order.lines.forEach((line, i) =>
        lines.push({
          trialId: id,
          lineItemGid: line.id,
          title: line.title,
          quantity: 1,
          unitPriceMinor: line.price,
          choice: i === 0 && !allBack ? "keep" : "return",
          returnStartedAt: i === 1 || allBack ? new Date(now - 5 * DAY) : null,
          returnReceivedAt: i === 1 || allBack ? new Date(now - 3 * DAY) : null,
        }),
      );
      jobs.push({
        type: "trial.advance",
        shop,
        payload: JSON.stringify({ trialId: id }),
        idempotencyKey: `trial:${id}:advance:faults`,
        runAt: new Date(now - 1000),
      });
    }
    await prisma.trial.createMany({ data: trials });
    await prisma.trialLine.createMany({ data: lines });
    await prisma.job.createMany({ data: jobs });
  }
  sandbox.store.ledger.length = 0;
  return expected;
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

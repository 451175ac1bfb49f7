import prisma from "../../app/db.server";
import { LEASE_MS } from "../../app/platform/jobs/queue.server";
import { IN_FLIGHT_MS } from "../../app/platform/effects.server";
import { dueJobs, killHard, sleep, spawnWorker, stopGently, type Rig } from "./rig";

// The SIGKILL run: `npm run worker` is started and, once it is calling Shopify, killed with
// SIGKILL after a random delay — `kills` times. Then the leases and in-flight marks the dead
// workers left behind are allowed to age (the sandbox clock moves past them, as time would), and
// one worker runs the rest to completion.

export interface KillFigures {
  kills: number;
  /** Kills that landed while the worker held leased jobs (the interesting ones). */
  killedHoldingJobs: number;
  /** Summed over the kills: effects attempted but without a recorded result when it landed. */
  effectsLeftInFlight: number;
  finishSeconds: number;
  totalSeconds: number;
}

async function until(ok: () => Promise<boolean> | boolean, timeoutMs: number, what: string) {
  const start = Date.now();
  while (!(await ok())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

async function settledOrHandedOver(rig: Rig): Promise<number> {
  return prisma.trial.count({
    where: {
      shop: rig.shop,
      OR: [{ settledAt: { not: null } }, { attentionReason: { not: null } }],
    },
  });
}

export async function killDuringSweep(
  rig: Rig,
  total: number,
  options: { kills: number; maxDelayMs: number; random?: () => number },
): Promise<KillFigures> {
  const random = options.random ?? Math.random;
  const started = performance.now();
  let kills = 0;
  let killedHoldingJobs = 0;
  let effectsLeftInFlight = 0;
  while (kills < options.kills && (await settledOrHandedOver(rig)) < total) {
    const before = rig.adminCalls();
    const child = spawnWorker(rig);
    try {
      // Killed only once it is doing the work: a kill before it starts proves nothing.
      await until(
        () => rig.adminCalls() > before || child.exitCode !== null,
        30_000,
        "a worker's first call",
      );
      await sleep(random() * options.maxDelayMs);
    } finally {
      await killHard(child);
    }
    kills += 1;
    if ((await prisma.job.count({ where: { status: "running" } })) > 0) killedHoldingJobs += 1;
    // Effects the dead worker had started but not recorded a result for: each one is a money
    // call that may or may not have reached Shopify.
    effectsLeftInFlight += await prisma.effect.count({
      where: { shop: rig.shop, status: "pending", attempts: { gt: 0 } },
    });
  }

  // What the dead workers left: leases (LEASE_MS) and effects marked in flight (IN_FLIGHT_MS).
  rig.sandbox.store.clockOffsetMs += Math.max(LEASE_MS, IN_FLIGHT_MS) + 60_000;
  const finishStart = performance.now();
  await runToCompletion(rig, total);
  return {
    kills,
    killedHoldingJobs,
    effectsLeftInFlight,
    finishSeconds: (performance.now() - finishStart) / 1000,
    totalSeconds: (performance.now() - started) / 1000,
  };
}

/** One worker until every trial is settled or handed to the merchant and no job is due. */
export async function runToCompletion(rig: Rig, total: number, timeoutMs = 180_000) {
  const child = spawnWorker(rig);
  try {
    let quiet = 0;
    await until(
      async () => {
        const idle = (await dueJobs(rig)) === 0;
        // A settled trial may still have its payment in flight (a job waiting to reconcile it):
        // done is every trial settled or handed over and no job of the shop left (the worker's own
        // daily retention sweep, queued for tomorrow, is not the sweep's).
        const done =
          idle &&
          (await prisma.job.count({
            where: { shop: rig.shop, status: { in: ["queued", "running"] } },
          })) === 0 &&
          (await settledOrHandedOver(rig)) === total;
        quiet = done ? quiet + 1 : 0;
        if (idle && !done) {
          // Only retries waiting out their backoff remain: let the clock reach the next one.
          const next = await prisma.job.findFirst({
            where: { shop: rig.shop, status: "queued" },
            orderBy: { runAt: "asc" },
          });
          const gap = next ? next.runAt.getTime() - rig.sandbox.store.clock() : 0;
          if (next && gap > 0 && gap < 86_400_000) rig.sandbox.store.clockOffsetMs += gap + 1000;
        }
        return quiet >= 3;
      },
      timeoutMs,
      "the worker to finish the sweep",
    );
  } finally {
    await stopGently(child);
  }
}

import { afterEach, describe, expect, it, vi } from "vitest";
import prisma, { isPostgres } from "~/db.server";
import { trialPolicy } from "~/features/trial/index.server";
import { logger } from "~/platform/logger.server";
import { killDuringSweep } from "../../bench/faults/kill-sweep";
import { sweepUnderApiFaults } from "../../bench/faults/api-faults";
import { checkTrialLedger } from "../../bench/faults/ledger";
import { seedDueTrials, startRig, type Rig } from "../../bench/faults/rig";

// Issue 15's faults in CI size (the full runs: npm run bench:faults). `npm run worker` runs as a
// real process against the sandbox on this worker's database (SQLite, or PostgreSQL under
// TEST_DATABASE_URL); the sandbox's ledger is the money that moved.

vi.setConfig({ testTimeout: 240_000 });

let rig: Rig | null = null;
afterEach(async () => {
  await rig?.close();
  rig = null;
});

/** A seeded generator: a failure can be replayed with the seed it printed. */
function seeded(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

// SQLite only for now: on PostgreSQL it was run only on graphile, where both failed (see ADR 0003).
describe.runIf(!isPostgres)("faults survived", () => {
  it("npm run worker SIGKILLed at random points during a settlement sweep: no money effect doubled or lost", async () => {
    const seed = Date.now() % 100_000;
    rig = await startRig("faults-kill.myshopify.com");
    const expected = await seedDueTrials(rig, 60);
    const figures = await killDuringSweep(rig, 60, {
      kills: 4,
      maxDelayMs: 1500,
      random: seeded(seed),
    });
    const check = await checkTrialLedger(rig, expected);
    console.log(
      `faults/kill seed ${seed}: ${JSON.stringify(figures)} ${JSON.stringify(check.kinds)}`,
    );
    expect(figures.kills).toBe(4);
    // The kills landed while work was leased: otherwise this proves nothing.
    expect(figures.killedHoldingJobs).toBeGreaterThan(0);
    expect(check.doubles).toEqual([]);
    expect(check.lost).toEqual([]);
    expect(check.unsettled).toBe(0);
    expect(check.attention.size).toBe(0);
    // Effect rows a kill left in flight are not asserted: CI (2026-12-07) once found 3 of them
    // with every order's money right; whether they are ever reconciled is open (see the note).
    expect(check.kinds.capture).toBe(40);
    expect(check.kinds.void).toBe(20);
  });

  it("502s, lost responses, throttling and declines at random: every trial right or in needs attention with the reason", async () => {
    const seed = Date.now() % 100_000;
    rig = await startRig("faults-api.myshopify.com");
    const expected = await seedDueTrials(rig, 60);
    const { injected } = await sweepUnderApiFaults(rig, 60, {
      share: 0.1,
      random: seeded(seed),
    });
    const check = await checkTrialLedger(rig, expected);
    console.log(
      `faults/api seed ${seed}: ${JSON.stringify(injected)} ${JSON.stringify(check.kinds)}`,
    );
    expect(injected.serverErrors).toBeGreaterThan(0);
    expect(injected.lostResponses).toBeGreaterThan(0);
    expect(check.doubles).toEqual([]);
    expect(check.lost).toEqual([]);
    expect(check.unsettled).toBe(0);
    for (const reason of check.attention.values()) expect(reason).toMatch(/\w{8,}/);
  });

  it("a trial whose job spends its last attempt on a 502 goes to needs attention with the reason", async () => {
    rig = await startRig("faults-dead.myshopify.com");
    await seedDueTrials(rig, 2);
    const job = await prisma.job.findFirstOrThrow({ where: { shop: rig.shop } });
    const { trialId } = JSON.parse(job.payload) as { trialId: string };
    const badGateway = Object.assign(new Error("Bad Gateway"), { status: 502 });
    const run = (attempts: number) =>
      trialPolicy.jobs["trial.advance"]!({
        job: { ...job, attempts },
        shop: rig!.shop,
        payload: { trialId },
        log: logger,
        admin: () => Promise.reject(badGateway),
      });
    // A 502 with retries left is only retried.
    await expect(run(1)).rejects.toThrow("Bad Gateway");
    expect(
      (await prisma.trial.findUniqueOrThrow({ where: { id: trialId } })).attentionReason,
    ).toBeNull();
    await expect(run(job.maxAttempts)).rejects.toThrow("Bad Gateway");
    const trial = await prisma.trial.findUniqueOrThrow({ where: { id: trialId } });
    expect(trial.status).toBe("needs_attention");
    expect(trial.attentionReason).toMatch(/gave up after 8 attempt\(s\): HTTP 502/);
  });
});

import type { Job } from "@prisma/client";
import pg from "pg";
import {
  Logger as GraphileLogger,
  parseCronItems,
  run,
  runMigrations,
  runOnce,
  type JobHelpers,
  type Runner,
  type RunnerOptions,
  type TaskList,
} from "graphile-worker";
import prisma from "~/db.server";
import { databaseUrl } from "../../../scripts/database.mjs";
import { now, refreshClock } from "~/platform/clock.server";
import { logger } from "~/platform/logger.server";
import { addGraphileJob, clockIsVirtual, GRAPHILE_TASK, registeredSweeps } from "./engine.server";
import { completeJob, LEASE_MS } from "./queue.server";
import { runJob, type Settlement } from "./run.server";
import type { JobTable } from "./types";

// The PostgreSQL engine (docs/decisions/0003-job-queue.md): graphile-worker decides when a job
// runs — woken by its NOTIFY when the enqueuing transaction commits, retried on its exponential
// backoff, serial within a named queue, sweeps from its crontab — and the app's Job row stays the
// record and the lease: a run claims the row as the table queue does, so a duplicate graphile job
// (a rescue, a redelivered key) finds the row taken or finished and ends without running twice.

const RESCUE_TASK = "fitting_room.rescue";
const sweepTask = (name: string) => `fitting_room.sweep.${name}`;

let pool: pg.Pool | undefined;
function graphilePool(): pg.Pool {
  if (!pool) {
    pool = new pg.Pool({ connectionString: databaseUrl(), max: 12 });
    // An idle connection the server dropped (a restart): the pool replaces it; do not crash.
    pool.on("error", (error) => logger.warn({ err: error }, "job engine connection lost"));
  }
  return pool;
}

const graphileLogger = new GraphileLogger((scope) => (level, message, meta) => {
  const log = logger.child({ graphile: scope.label, graphileWorker: scope.workerId });
  if (level === "error") log.error(meta ?? {}, message);
  else if (level === "warning") log.warn(meta ?? {}, message);
  else log.debug(meta ?? {}, message);
});

/** Installs or upgrades graphile-worker's own schema (its bundled SQL; no download). */
export async function migrateGraphile(): Promise<void> {
  await runMigrations({ pgPool: graphilePool(), logger: graphileLogger });
}

async function claimRow(jobId: string, lockedBy: string): Promise<Job | null> {
  const at = now();
  const staleBefore = new Date(at.getTime() - LEASE_MS);
  const rows = await prisma.$queryRaw<Job[]>`
    UPDATE "Job" SET "status" = 'running', "lockedAt" = ${at}, "lockedBy" = ${lockedBy},
      "attempts" = "attempts" + 1, "updatedAt" = ${at}
    WHERE "id" = ${jobId}
      AND (("status" = 'queued' AND "runAt" <= ${at})
        OR ("status" = 'running' AND "lockedAt" < ${staleBefore}))
    RETURNING *`;
  return rows[0] ?? null;
}

/** A row moved later than graphile's job (by the app's clock): its job follows it. */
async function followLaterRow(jobId: string): Promise<void> {
  const row = await prisma.job.findUnique({ where: { id: jobId } });
  if (row?.status === "queued" && row.runAt > now()) await addGraphileJob(prisma, row);
}

// A retryable failure is graphile's to schedule (the task throws); the row shows when that is.
function settlementFor(helpers: JobHelpers): Settlement {
  const { attempts, max_attempts: maxAttempts } = helpers.job;
  return {
    complete: (job) => completeJob(job),
    async fail(job, failure) {
      const exhausted = job.attempts >= job.maxAttempts || attempts >= maxAttempts;
      const dead = failure.terminal || exhausted;
      const graphileDelayMs = Math.exp(Math.min(attempts, 10)) * 1000;
      await prisma.job.updateMany({
        where: { id: job.id, lockedBy: job.lockedBy, status: "running" },
        data: {
          status: dead ? "dead" : "queued",
          lockedAt: null,
          lastError: failure.message.slice(0, 2000),
          ...(dead
            ? { finishedAt: now() }
            : { runAt: new Date(now().getTime() + graphileDelayMs) }),
        },
      });
      return dead ? "dead" : "retry";
    },
  };
}

/** Rows whose lease lapsed (their worker died): a fresh graphile job under the same key. */
export async function rescueStaleJobs(): Promise<number> {
  const stale = await prisma.job.findMany({
    where: { status: "running", lockedAt: { lt: new Date(now().getTime() - LEASE_MS) } },
    take: 500,
  });
  for (const row of stale) await addGraphileJob(prisma, row, now());
  return stale.length;
}

/**
 * With the sandbox's (or a test's) clock ahead of the wall clock, jobs due by the app's time are
 * not yet due by the database's: move them to now. Never true in production (one clock).
 */
export async function promoteDueJobs(): Promise<number> {
  if (!clockIsVirtual()) return 0;
  return prisma.$executeRaw`SELECT graphile_worker.reschedule_jobs(ARRAY(
      SELECT g.id FROM graphile_worker.jobs g JOIN "Job" j ON j."idempotencyKey" = g.key
      WHERE j."status" = 'queued' AND j."runAt" <= ${now()} AND g.run_at > now()
        AND g.locked_at IS NULL
      LIMIT 1000), run_at => now())`;
}

export interface GraphileHostOptions {
  id: string;
  handlers: JobTable;
  concurrency: number;
}

/** One process's graphile-worker runner (or its synchronous drain, for tests and scripts). */
export class GraphileHost {
  private runner: Runner | null = null;
  private clockTimer: NodeJS.Timeout | null = null;
  private ran = 0;

  constructor(private readonly options: GraphileHostOptions) {}

  private taskList(): TaskList {
    const tasks: TaskList = {
      [GRAPHILE_TASK]: async (payload, helpers) => {
        await refreshClock();
        const { jobId } = payload as { jobId: string };
        const row = await claimRow(jobId, `${this.options.id}/${helpers.job.id}`);
        // Finished, or a live run holds it: this copy has nothing to do. Or not due yet.
        if (!row) return followLaterRow(jobId);
        this.ran += 1;
        const outcome = await runJob(row, this.options.handlers, settlementFor(helpers));
        if (outcome === "retry") throw new Error(`job ${row.type} ${row.id} failed; retrying`);
      },
      [RESCUE_TASK]: async () => {
        await rescueStaleJobs();
      },
    };
    for (const sweep of registeredSweeps())
      tasks[sweepTask(sweep.name)] = async () => void (await sweep.enqueue());
    return tasks;
  }

  private runnerOptions(): RunnerOptions {
    return {
      pgPool: graphilePool(),
      logger: graphileLogger,
      taskList: this.taskList(),
      noHandleSignals: true,
    };
  }

  /** Starts the runner; resolves when it has stopped. */
  async start(): Promise<void> {
    const cron = [
      { task: RESCUE_TASK, match: "* * * * *", identifier: RESCUE_TASK },
      ...registeredSweeps().map((s) => ({
        task: sweepTask(s.name),
        match: s.cron,
        identifier: sweepTask(s.name),
      })),
    ];
    this.runner = await run({
      ...this.runnerOptions(),
      concurrency: this.options.concurrency,
      parsedCronItems: parseCronItems(cron),
    });
    // Sandbox time travel only: graphile cannot see the app's clock move.
    this.clockTimer = setInterval(() => {
      refreshClock()
        .then(() => promoteDueJobs())
        .catch((error: unknown) => logger.warn({ err: error }, "due jobs not promoted"));
    }, 500);
    this.clockTimer.unref();
    logger.info(
      { worker: this.options.id, concurrency: this.options.concurrency, engine: "graphile" },
      "job worker started",
    );
    await this.runner.promise;
  }

  /**
   * Waits up to `graceMs` for running jobs; the rows still held then go back to the queue, each
   * under a fresh graphile job (the held one loses its key and is never retried), for any worker.
   */
  async stop(graceMs: number): Promise<void> {
    if (this.clockTimer) clearInterval(this.clockTimer);
    const runner = this.runner;
    this.runner = null;
    if (!runner) return;
    const stopped = runner.stop("shutdown").then(() => true);
    let timer: NodeJS.Timeout | undefined;
    const finished = Number.isFinite(graceMs)
      ? await Promise.race([
          stopped,
          new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), graceMs))),
        ])
      : await stopped;
    clearTimeout(timer);
    if (!finished) {
      stopped.catch(() => undefined);
      const held = await prisma.job.findMany({
        where: { lockedBy: { startsWith: `${this.options.id}/` }, status: "running" },
      });
      for (const row of held) {
        const { count } = await prisma.job.updateMany({
          where: { id: row.id, lockedBy: row.lockedBy, status: "running" },
          data: { status: "queued", lockedAt: null, lockedBy: null },
        });
        if (count === 1) await addGraphileJob(prisma, row, now());
      }
      logger.warn(
        { worker: this.options.id, released: held.length, graceMs },
        "jobs still running at shutdown released",
      );
    }
    logger.info({ worker: this.options.id }, "job worker stopped");
  }

  /** Runs what is due now until nothing is (graphile's runOnce); returns how many jobs ran. */
  async drain(maxRounds = 1000): Promise<number> {
    const before = this.ran;
    for (let round = 0; round < maxRounds; round += 1) {
      const start = this.ran;
      await refreshClock();
      await promoteDueJobs();
      await rescueStaleJobs();
      await runOnce(this.runnerOptions());
      if (this.ran === start) break;
    }
    return this.ran - before;
  }
}

import type { Job, Prisma, PrismaClient } from "@prisma/client";
import { isPostgres } from "~/db.server";
import { now } from "~/platform/clock.server";
import type { JobType } from "./types";

// Which engine runs the jobs (docs/decisions/0003-job-queue.md). The `Job` table is the app's
// record of every job on both. On PostgreSQL graphile-worker schedules them (LISTEN/NOTIFY, job
// keys, retries, crontab, named queues, priorities); JOB_ENGINE=table keeps the app's own table
// queue there, which SQLite always uses (one process).

export type JobEngine = "graphile" | "table";

export const jobEngine: JobEngine =
  isPostgres && process.env.JOB_ENGINE !== "table" ? "graphile" : "table";

/** The one graphile task every app job runs under; the Job row says which handler. */
export const GRAPHILE_TASK = "fitting_room.run";

type Db = PrismaClient | Prisma.TransactionClient;

/** A periodic sweep: on graphile a crontab entry that enqueues it, on the table queue its chain. */
export interface Sweep {
  /** A task-name-safe name (letters, digits, `_`). */
  name: string;
  /** Crontab timing, UTC (graphile-worker's five fields). */
  cron: string;
  /** Enqueues the sweep's job under its own key (so a cron tick and the chain add one job). */
  enqueue(): Promise<unknown>;
}

interface JobSchedule {
  /** The named queue a job runs in (serially with its queue's other jobs), or none. */
  queues: Partial<Record<JobType, (shop: string | null) => string | null>>;
  /**
   * graphile's priority (lower runs first; default 0): work a shop waits on (its webhooks) ahead
   * of any shop's sweep of due cases. The table queue is fair by shop instead (queue.server.ts).
   */
  priorities: Partial<Record<JobType, number>>;
  sweeps: readonly Sweep[];
}

const schedule: JobSchedule = { queues: {}, priorities: {}, sweeps: [] };

/** Set by the app's job table (app/jobs.server.ts): the platform names no job of a feature. */
export function registerJobSchedule(next: Partial<JobSchedule>): void {
  Object.assign(schedule.queues, next.queues ?? {});
  Object.assign(schedule.priorities, next.priorities ?? {});
  if (next.sweeps) schedule.sweeps = next.sweeps;
}

export function registeredSweeps(): readonly Sweep[] {
  return schedule.sweeps;
}

export function queueNameFor(type: JobType, shop: string | null): string | null {
  return schedule.queues[type]?.(shop) ?? null;
}

export function priorityFor(type: JobType): number {
  return schedule.priorities[type] ?? 0;
}

/**
 * The app's clock can be ahead of the wall clock (the sandbox, tests); graphile compares run-at
 * with the database's. A run-at in app time becomes the wall-clock instant that far away.
 */
export function wallClockOf(at: Date): Date {
  return new Date(at.getTime() - (now().getTime() - Date.now()));
}

/** The app's clock is not the wall clock (sandbox time travel, a test's fixed clock). */
export function clockIsVirtual(): boolean {
  return Math.abs(now().getTime() - Date.now()) > 1_000;
}

/**
 * Schedules a Job row on graphile: in `db`, so inside the caller's transaction the job exists
 * exactly when the row that caused it commits (and graphile's NOTIFY fires at that commit). The
 * job key is the idempotency key; an existing unlocked job under it is moved to `runAt`, a locked
 * one (a worker is on it, or died on it) keeps running keyless and a new one is added.
 */
export async function addGraphileJob(
  db: Db,
  job: Pick<Job, "id" | "type" | "shop" | "idempotencyKey" | "maxAttempts" | "runAt">,
  runAt: Date = job.runAt,
): Promise<void> {
  const queue = queueNameFor(job.type, job.shop);
  const wall = wallClockOf(runAt).toISOString();
  await db.$executeRaw`SELECT graphile_worker.add_job(
    ${GRAPHILE_TASK}::text,
    json_build_object('jobId', ${job.id}::text),
    queue_name => ${queue}::text,
    run_at => ${wall}::timestamptz,
    priority => ${priorityFor(job.type)}::int,
    max_attempts => ${job.maxAttempts}::int,
    job_key => ${job.idempotencyKey}::text,
    job_key_mode => 'replace')`;
}

interface Schedulable {
  type: JobType;
  shop?: string | null;
  idempotencyKey: string;
  runAt?: Date | string;
}

/**
 * For Job rows just written by `enqueueNew`'s `createMany`: the statement that schedules them on
 * graphile, in the same transaction right after the insert. On the table queue the rows are the
 * queue, and the statement does nothing.
 */
export function scheduleCreatedJobs(db: Db, jobs: readonly Schedulable[]) {
  if (jobEngine !== "graphile") return db.$executeRaw`SELECT 1`;
  const specs = JSON.stringify(
    jobs.map((j) => ({
      key: j.idempotencyKey,
      queue: queueNameFor(j.type, j.shop ?? null),
      run_at: wallClockOf(j.runAt ? new Date(j.runAt) : now()).toISOString(),
      priority: priorityFor(j.type),
    })),
  );
  return db.$executeRaw`SELECT graphile_worker.add_job(${GRAPHILE_TASK}::text,
      json_build_object('jobId', j."id"), queue_name => s.queue, run_at => s.run_at,
      priority => s.priority, max_attempts => j."maxAttempts", job_key => j."idempotencyKey", job_key_mode => 'replace')
    FROM json_to_recordset(${specs}::json) AS s(key text, queue text, run_at timestamptz, priority int)
    JOIN "Job" j ON j."idempotencyKey" = s.key`;
}

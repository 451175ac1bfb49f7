import crypto from "node:crypto";
import { type Prisma, type Job, type PrismaClient } from "@prisma/client";
import prisma, { isPostgres } from "~/db.server";
import { now } from "~/platform/clock.server";
import { DEFAULT_BACKOFF, retryDelayMs, type BackoffPolicy } from "~/domain/retry";
import { addGraphileJob, jobEngine, scheduleCreatedJobs } from "./engine.server";
import type { JobType } from "./types";

// A durable job queue in the app's own database (docs/decisions/0003-job-queue.md). A job is
// claimed with a lease; a worker that dies mid-job leaves the lease to expire and the job runs
// again, so job bodies are idempotent and record side effects before attempting them. On
// PostgreSQL graphile-worker schedules the rows (./graphile.server.ts); the lease is the same.

export const LEASE_MS = 5 * 60_000;

type Db = PrismaClient | Prisma.TransactionClient;

export interface EnqueueInput {
  type: JobType;
  shop?: string | null;
  payload: unknown;
  idempotencyKey: string;
  runAt?: Date;
  maxAttempts?: number;
}

export function jobCreateData(input: EnqueueInput): Prisma.JobCreateInput {
  return {
    type: input.type,
    shop: input.shop ?? null,
    payload: JSON.stringify(input.payload ?? {}),
    idempotencyKey: input.idempotencyKey,
    runAt: input.runAt ?? now(),
    maxAttempts: input.maxAttempts ?? 8,
  };
}

/** Enqueue once per idempotency key: a second call returns the job the first created. */
export async function enqueue(input: EnqueueInput, db: Db = prisma): Promise<Job> {
  if (jobEngine === "graphile") return enqueueOnGraphile(input, db);
  return db.job.upsert({
    where: { idempotencyKey: input.idempotencyKey },
    create: jobCreateData(input),
    update: {},
  });
}

/**
 * Enqueue many new jobs in the caller's transaction, in one statement (the webhook inbox's
 * batch). The keys must be new: the caller has checked, and a duplicate fails the transaction.
 */
export async function enqueueNew(
  inputs: readonly EnqueueInput[],
  tx: Prisma.TransactionClient,
): Promise<void> {
  const data = inputs.map(jobCreateData);
  await tx.job.createMany({ data });
  await scheduleCreatedJobs(tx, data);
}

// The row and graphile's job in one transaction (the caller's, or one of their own): a job is
// scheduled exactly once, when its row is new (ON CONFLICT DO NOTHING leaves the caller's
// transaction usable, where a unique violation would abort it).
async function enqueueOnGraphile(input: EnqueueInput, db: Db): Promise<Job> {
  const write = async (tx: Prisma.TransactionClient) => {
    const data = jobCreateData(input);
    const at = now();
    const created = await tx.$queryRaw<Job[]>`
      INSERT INTO "Job" ("id", "type", "shop", "payload", "idempotencyKey", "runAt",
        "maxAttempts", "createdAt", "updatedAt")
      VALUES (${crypto.randomUUID()}, ${data.type}, ${data.shop ?? null}, ${data.payload},
        ${data.idempotencyKey}, ${data.runAt as Date}, ${data.maxAttempts as number}, ${at}, ${at})
      ON CONFLICT ("idempotencyKey") DO NOTHING
      RETURNING *`;
    if (created[0]) {
      await addGraphileJob(tx, created[0]);
      return created[0];
    }
    return tx.job.findUniqueOrThrow({ where: { idempotencyKey: input.idempotencyKey } });
  };
  return "$transaction" in db ? db.$transaction(write) : write(db);
}

export async function claimJobs(
  workerId: string,
  limit: number,
  db: PrismaClient = prisma,
): Promise<Job[]> {
  const at = now();
  const staleBefore = new Date(at.getTime() - LEASE_MS);
  return isPostgres
    ? claimPostgres(db, workerId, limit, at, staleBefore)
    : claimSqlite(db, workerId, limit, at, staleBefore);
}

// Fairness between shops: each claim first takes the oldest due job of every shop that has one
// (an index seek per shop on ("shop", "status", "runAt")), then fills up with the oldest due jobs
// of any shop. A shop's backlog (10,000 trials closing at once) therefore delays another shop's
// next job by one batch, not by the whole backlog. Expired leases come back through the fill.

// Several app instances share the work: SKIP LOCKED hands each row to exactly one of them.
async function claimPostgres(
  db: PrismaClient,
  workerId: string,
  limit: number,
  at: Date,
  staleBefore: Date,
) {
  return db.$queryRaw<Job[]>`
    WITH heads AS (
      SELECT h."id" FROM "Shop" s CROSS JOIN LATERAL (
        SELECT "id" FROM "Job"
        WHERE "shop" = s."domain" AND "status" = 'queued' AND "runAt" <= ${at}
        ORDER BY "runAt" ASC LIMIT 1) h),
    fill AS (
      SELECT "id" FROM "Job"
      WHERE ("status" = 'queued' AND "runAt" <= ${at})
         OR ("status" = 'running' AND "lockedAt" < ${staleBefore})
      ORDER BY "runAt" ASC
      LIMIT ${limit})
    UPDATE "Job" SET "status" = 'running', "lockedAt" = ${at}, "lockedBy" = ${workerId},
      "attempts" = "attempts" + 1, "updatedAt" = ${at}
    WHERE "id" IN (
      SELECT "id" FROM "Job"
      WHERE "id" IN (SELECT "id" FROM heads UNION SELECT "id" FROM fill)
        AND (("status" = 'queued' AND "runAt" <= ${at})
          OR ("status" = 'running' AND "lockedAt" < ${staleBefore}))
      ORDER BY ("id" IN (SELECT "id" FROM heads)) DESC, "runAt" ASC
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED)
    RETURNING *`;
}

// SQLite runs one worker. Four statements per batch whatever its size; the conditional update
// still keeps a second worker (started by mistake) from taking the same rows: each row goes to
// whichever update stamps it first, and each worker reads back only what it stamped.
async function claimSqlite(
  db: PrismaClient,
  workerId: string,
  limit: number,
  at: Date,
  staleBefore: Date,
) {
  const due = {
    OR: [
      { status: "queued", runAt: { lte: at } },
      { status: "running", lockedAt: { lt: staleBefore } },
    ],
  };
  // Prisma writes a DateTime to SQLite as ISO text with "+00:00"; compare in the same form.
  const atText = at.toISOString().replace("Z", "+00:00");
  const heads = await db.$queryRaw<{ id: string }[]>`
    SELECT j."id" FROM "Shop" s JOIN "Job" j ON j."id" = (
      SELECT "id" FROM "Job"
      WHERE "shop" = s."domain" AND "status" = 'queued' AND "runAt" <= ${atText}
      ORDER BY "runAt" ASC LIMIT 1)
    ORDER BY j."runAt" ASC
    LIMIT ${limit}`;
  const fill = await db.job.findMany({
    where: due,
    orderBy: { runAt: "asc" },
    take: limit,
    select: { id: true },
  });
  const ids = [...new Set([...heads, ...fill].map((c) => c.id))].slice(0, limit);
  if (ids.length === 0) return [];
  await db.job.updateMany({
    where: { id: { in: ids }, ...due },
    data: { status: "running", lockedAt: at, lockedBy: workerId, attempts: { increment: 1 } },
  });
  return db.job.findMany({ where: { id: { in: ids }, lockedBy: workerId, lockedAt: at } });
}

export async function completeJob(job: Job, db: PrismaClient = prisma): Promise<void> {
  await db.job.updateMany({
    where: { id: job.id, lockedBy: job.lockedBy, status: "running" },
    data: { status: "succeeded", finishedAt: now(), lockedAt: null, lastError: null },
  });
}

export async function failJob(
  job: Job,
  failure: { terminal: boolean; message: string; retryAfterMs?: number },
  backoff: BackoffPolicy = DEFAULT_BACKOFF,
  db: PrismaClient = prisma,
): Promise<"retry" | "dead"> {
  const exhausted = job.attempts >= job.maxAttempts;
  const outcome = failure.terminal || exhausted ? "dead" : "retry";
  const delay = Math.max(
    failure.retryAfterMs ?? 0,
    retryDelayMs(job.attempts, backoff, Math.random()),
  );
  await db.job.updateMany({
    where: { id: job.id, lockedBy: job.lockedBy, status: "running" },
    data:
      outcome === "dead"
        ? {
            status: "dead",
            finishedAt: now(),
            lockedAt: null,
            lastError: failure.message.slice(0, 2000),
          }
        : {
            status: "queued",
            runAt: new Date(now().getTime() + delay),
            lockedAt: null,
            lastError: failure.message.slice(0, 2000),
          },
  });
  return outcome;
}

/**
 * A stopping worker hands back the jobs it still holds: queued again as they were (same run-at,
 * the attempt counted), so another worker takes them now rather than after the lease expires.
 * Their handlers' later completeJob/failJob match nothing, as the lease is no longer theirs.
 */
export async function releaseJobs(workerId: string, db: PrismaClient = prisma): Promise<number> {
  const { count } = await db.job.updateMany({
    where: { lockedBy: workerId, status: "running" },
    data: { status: "queued", lockedAt: null, lockedBy: null },
  });
  return count;
}

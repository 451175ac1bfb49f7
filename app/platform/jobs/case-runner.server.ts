import crypto from "node:crypto";
import type { Prisma } from "@prisma/client";
import type { Logger } from "pino";
import prisma from "~/db.server";
import { now } from "~/platform/clock.server";
import { RetryableJobError, TerminalJobError } from "./errors.server";
import { enqueue } from "./queue.server";

// "Advance a case": the engine behind every policy's case job (a trial, a made-to-order case…).
// One job at a time per case (a lock with an expiry on the case's row, so a crashed worker's lock
// lapses); inside it the policy's step runs again and again — each step asks the policy's domain
// what the case needs next, records it and performs it — until a step says "wait"; then the next
// look is scheduled at the instant it named, under a key per instant, and the lock is released.
// A policy supplies only its steps (docs/decisions/0009-feature-folders.md).

const LOCK_MS = 5 * 60_000;

type Db = Prisma.TransactionClient | typeof prisma;

/** The case table's advance lock: the columns `advanceLockedBy` and `advanceLockedUntil`. */
export interface LockableRows {
  updateMany(args: {
    where: {
      id: string;
      advanceLockedBy?: string;
      OR?: ({ advanceLockedUntil: null } | { advanceLockedUntil: { lt: Date } })[];
    };
    data: { advanceLockedBy: string | null; advanceLockedUntil: Date | null };
  }): Promise<{ count: number }>;
  count(args: { where: { id: string } }): Promise<number>;
}

export interface CaseKind {
  /** What the case is called in job errors and logs ("trial", "made-to-order case"). */
  label: string;
  /** The job type whose handler advances one case of this kind. */
  jobType: string;
  /** The prefix of every job key for a case, e.g. `trial:<id>`. */
  keyOf(id: string): string;
  /** The job payload that names the case. */
  payloadOf(id: string): unknown;
  /** The rows that carry the advance lock. */
  rows(): LockableRows;
  /** Steps in one job before it hands over to a fresh one (a healthy case needs far fewer). */
  maxSteps: number;
}

export interface CaseRef {
  id: string;
  shop: string;
}

/** What one step of a case did: something (look again now), or nothing until `until`. */
export type StepOutcome = { kind: "again" } | { kind: "wait"; until: Date | null };

export async function advanceCase(
  kind: CaseKind,
  ref: CaseRef,
  step: () => Promise<StepOutcome>,
  log?: Logger,
): Promise<void> {
  const token = crypto.randomUUID();
  const at = now();
  const { count } = await kind.rows().updateMany({
    where: {
      id: ref.id,
      OR: [{ advanceLockedUntil: null }, { advanceLockedUntil: { lt: at } }],
    },
    data: { advanceLockedBy: token, advanceLockedUntil: new Date(at.getTime() + LOCK_MS) },
  });
  if (count !== 1) {
    if ((await kind.rows().count({ where: { id: ref.id } })) === 0)
      throw new TerminalJobError(`${kind.label} ${ref.id} not found`);
    throw new RetryableJobError(`${kind.label} ${ref.id} is being advanced by another job`, 2_000);
  }
  try {
    for (let i = 0; i < kind.maxSteps; i += 1) {
      const outcome = await step();
      if (outcome.kind === "again") continue;
      if (outcome.until) await lookAgainAt(kind, ref, outcome.until);
      return;
    }
    // A case that keeps finding work in one job is looked at again later rather than spun on.
    log?.warn(
      { caseId: ref.id, steps: kind.maxSteps },
      `${kind.label} still busy: continues later`,
    );
    await enqueue({
      type: kind.jobType,
      shop: ref.shop,
      payload: kind.payloadOf(ref.id),
      idempotencyKey: `${kind.keyOf(ref.id)}:advance:continue:${now().toISOString()}`,
      runAt: new Date(now().getTime() + 60_000),
    });
  } finally {
    await kind.rows().updateMany({
      where: { id: ref.id, advanceLockedBy: token },
      data: { advanceLockedBy: null, advanceLockedUntil: null },
    });
  }
}

/** The next look at an instant: one job per (case, instant), however often it is asked for. */
function lookAgainAt(kind: CaseKind, ref: CaseRef, until: Date) {
  return enqueue({
    type: kind.jobType,
    shop: ref.shop,
    payload: kind.payloadOf(ref.id),
    idempotencyKey: `${kind.keyOf(ref.id)}:advance:at:${until.toISOString()}`,
    runAt: until,
  });
}

/**
 * A fact changed the case: its job looks at it now, once per reason (a redelivered webhook or a
 * replayed fact asks with the same reason and adds nothing). Pass the transaction that records
 * the fact, so the fact and the look are written together.
 */
export async function advanceSoon(kind: CaseKind, ref: CaseRef, reason: string, db: Db = prisma) {
  await enqueue(
    {
      type: kind.jobType,
      shop: ref.shop,
      payload: kind.payloadOf(ref.id),
      idempotencyKey: `${kind.keyOf(ref.id)}:advance:${reason}`,
    },
    db,
  );
}

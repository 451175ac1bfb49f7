import type { PrismaClient } from "@prisma/client";

// After the sandbox clock moves, the app owes work: webhooks the sandbox is still trying to hand
// it, and jobs that have come due by the sandbox's time. A test or script that moves time waits
// for that work, never for a fixed time: on a busy machine the app's worker can be slower than
// any sleep, and then the next clock step overtakes it (a hold lapses before its renewal runs).

interface SandboxDelivery {
  topic: string;
  status: "pending" | "held" | "sending" | "delivered" | "failed";
  attempts: number;
  responses: number[];
  nextAttemptAt: number;
}

async function sandboxGet<T>(sandboxUrl: string, path: string): Promise<T> {
  const response = await fetch(`${sandboxUrl}/__sandbox${path}`);
  if (!response.ok) throw new Error(`GET /__sandbox${path}: ${response.status}`);
  return (await response.json()) as T;
}

/** What the app has still to do by the sandbox's time, one line each; empty when done. */
export async function dueWork(sandboxUrl: string, db: PrismaClient): Promise<string[]> {
  const clock = await sandboxGet<{ now: string }>(sandboxUrl, "/clock");
  const deliveries = await sandboxGet<SandboxDelivery[]>(sandboxUrl, "/webhooks");
  // "held" waits for the test's own /webhooks/release and "failed" for no one; a "pending" one
  // that the app refused is retried on Shopify's schedule, and the app owes it until then.
  const unsent = deliveries
    .filter((d) => d.status === "pending" || d.status === "sending")
    .map(
      (d) =>
        `webhook ${d.topic} ${d.status} after ${d.attempts} attempt(s)` +
        (d.responses.length > 0 ? ` (answered ${d.responses.join(", ")})` : ""),
    );
  const jobs = await db.job.findMany({
    where: {
      OR: [{ status: "running" }, { status: "queued", runAt: { lte: new Date(clock.now) } }],
    },
    orderBy: { runAt: "asc" },
    select: { type: true, status: true, runAt: true, attempts: true, lastError: true },
  });
  return [
    ...unsent,
    ...jobs.map(
      (j) =>
        `job ${j.type} ${j.status} (run at ${j.runAt.toISOString()}, ${j.attempts} attempt(s)` +
        (j.lastError ? `, last error ${j.lastError}` : "") +
        ")",
    ),
  ];
}

/**
 * Waits until the app has no due work, seen twice a poll apart: a job that finishes can enqueue
 * the next one or make the sandbox send a webhook, so one quiet look is not enough.
 */
export async function waitForDueWork(
  sandboxUrl: string,
  db: PrismaClient,
  { timeoutMs = 60_000, pollMs = 200 }: { timeoutMs?: number; pollMs?: number } = {},
): Promise<void> {
  const start = Date.now();
  let quietLooks = 0;
  for (;;) {
    const pending = await dueWork(sandboxUrl, db);
    quietLooks = pending.length === 0 ? quietLooks + 1 : 0;
    if (quietLooks === 2) return;
    if (Date.now() - start > timeoutMs)
      throw new Error(`the app still has due work after ${timeoutMs} ms: ${pending.join("; ")}`);
    await new Promise((r) => setTimeout(r, pollMs));
  }
}

export interface ClockStep {
  days?: number;
  hours?: number;
  ms?: number;
}

/** Moves the sandbox clock forward, then waits until the app has done what came due. */
export async function advanceSandboxClock(
  sandboxUrl: string,
  db: PrismaClient,
  step: ClockStep,
  options?: { timeoutMs?: number },
): Promise<{ now: string; offsetMs: number }> {
  const response = await fetch(`${sandboxUrl}/__sandbox/clock`, {
    method: "POST",
    body: JSON.stringify({
      advanceDays: step.days ?? 0,
      advanceHours: step.hours ?? 0,
      advanceMs: step.ms ?? 0,
    }),
  });
  const clock = (await response.json()) as { now: string; offsetMs: number; error?: string };
  if (!response.ok) throw new Error(`POST /__sandbox/clock: ${clock.error ?? response.status}`);
  await waitForDueWork(sandboxUrl, db, options);
  return clock;
}

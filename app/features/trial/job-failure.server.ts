import type { Job } from "@prisma/client";
import prisma from "~/db.server";
import { now } from "~/platform/clock.server";
import { classifyJobError } from "~/platform/jobs/errors.server";
import { withBusyRetry } from "~/platform/sqlite-busy.server";
import { addTrialEvent } from "./case.server";

// A trial's job that fails for good (a terminal error, or its last retry spent on 502s and
// timeouts) would leave the trial in its old state with no next look: nobody would settle it and
// the Trials page would not say so. It goes to the merchant's attention with the reason instead.

/** True when this failure is the job's last: the worker marks it dead after it. */
function isFinal(job: Job, error: unknown): boolean {
  return classifyJobError(error).terminal || job.attempts >= job.maxAttempts;
}

export async function handOverOnFinalFailure(
  job: Job,
  trialId: string,
  error: unknown,
): Promise<void> {
  if (!isFinal(job, error)) return;
  const message = classifyJobError(error).message.slice(0, 500);
  const at = now();
  await withBusyRetry(() =>
    prisma.$transaction(async (tx) => {
      const { count } = await tx.trial.updateMany({
        where: { id: trialId, settledAt: null },
        data: {
          status: "needs_attention",
          attentionReason: `The trial's job gave up after ${job.attempts} attempt(s): ${message}`,
        },
      });
      if (count === 0) return;
      await addTrialEvent(tx, trialId, job.shop ?? "", {
        kind: "job.failed",
        message: `Automatic handling stopped (${message}); use an action on this page to continue`,
        dedupeKey: `job-failed:${job.id}:${job.attempts}`,
        occurredAt: at,
      });
    }),
  );
}

import type { Job } from "@prisma/client";
import { logger } from "~/platform/logger.server";
import { recordJobRun } from "~/platform/metrics.server";
import { classifyJobError, TerminalJobError, type Classified } from "./errors.server";
import { completeJob, failJob } from "./queue.server";
import type { JobTable } from "./types";

/** How a run's end is written to its Job row: the table queue's, or graphile's (./graphile). */
export interface Settlement {
  complete(job: Job): Promise<void>;
  fail(job: Job, failure: Classified): Promise<"retry" | "dead">;
}

const tableSettlement: Settlement = {
  complete: (job) => completeJob(job),
  fail: (job, failure) => failJob(job, failure),
};

export type RunOutcome = "succeeded" | "retry" | "dead";

/** Runs one claimed job's handler and records how it ended; never throws for the handler. */
export async function runJob(
  job: Job,
  handlers: JobTable,
  settle: Settlement = tableSettlement,
): Promise<RunOutcome> {
  const log = logger.child({
    shop: job.shop,
    jobId: job.id,
    jobType: job.type,
    attempt: job.attempts,
  });
  const started = performance.now();
  try {
    const handler = handlers[job.type];
    if (!handler) throw new TerminalJobError(`no handler for job type ${job.type}`);
    await handler({ job, shop: job.shop, payload: JSON.parse(job.payload) as unknown, log });
    await settle.complete(job);
    recordJobRun(job.type, "succeeded", performance.now() - started);
    log.debug("job succeeded");
    return "succeeded";
  } catch (error) {
    const failure = classifyJobError(error);
    const outcome = await settle.fail(job, failure);
    recordJobRun(job.type, outcome, performance.now() - started);
    log[outcome === "dead" ? "error" : "warn"]({ err: failure.message, outcome }, "job failed");
    return outcome;
  }
}

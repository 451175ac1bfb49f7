import { jobTable } from "~/jobs.server";
import { Worker } from "~/platform/jobs/worker.server";

/** Runs every due job to completion, as the worker would. */
export async function runJobs(): Promise<number> {
  return new Worker({ id: "test-worker", concurrency: 4, handlers: jobTable }).drain();
}

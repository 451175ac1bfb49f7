import type { Job } from "@prisma/client";
import type { Logger } from "pino";

// The queue knows jobs by a type name only; what runs for each name is the job table the app
// hands the worker (app/jobs.server.ts), so the platform never imports a feature.
export type JobType = string;

export interface JobContext {
  job: Job;
  shop: string | null;
  payload: unknown;
  log: Logger;
}

export type JobHandler = (context: JobContext) => Promise<void>;

export type JobTable = Readonly<Record<JobType, JobHandler>>;

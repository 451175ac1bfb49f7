import type { Job } from "@prisma/client";
import type { Logger } from "pino";

export const JOB_TYPES = [
  "webhook.process",
  "policy.publish",
  "shop.sync",
  "trial.advance",
  "mto.advance",
  "mto.stock",
] as const;
export type JobType = (typeof JOB_TYPES)[number];

export interface JobContext {
  job: Job;
  shop: string | null;
  payload: unknown;
  log: Logger;
}

export type JobHandler = (context: JobContext) => Promise<void>;

import os from "node:os";
import { logger } from "~/platform/logger.server";
import { refreshClock } from "~/platform/clock.server";
import { jobEngine } from "./engine.server";
import { GraphileHost } from "./graphile.server";
import { claimJobs, releaseJobs } from "./queue.server";
import { runJob } from "./run.server";
import type { JobTable } from "./types";

export { runJob } from "./run.server";

export interface WorkerOptions {
  /** What runs for each job type: the app's job table (app/jobs.server.ts). */
  handlers: JobTable;
  concurrency?: number;
  pollMs?: number;
  id?: string;
}

/**
 * Runs every job that is due, `concurrency` at a time, until stopped: the table queue's loop, or
 * on PostgreSQL a graphile-worker runner (the callers and the handlers see no difference).
 */
export class Worker {
  readonly id: string;
  private readonly handlers: JobTable;
  private readonly concurrency: number;
  private readonly pollMs: number;
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private readonly graphile: GraphileHost | null;

  constructor(options: WorkerOptions) {
    this.handlers = options.handlers;
    this.id =
      options.id ?? `${os.hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
    this.concurrency = options.concurrency ?? 8;
    this.pollMs = options.pollMs ?? 500;
    this.graphile =
      jobEngine === "graphile"
        ? new GraphileHost({ id: this.id, handlers: this.handlers, concurrency: this.concurrency })
        : null;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.graphile ? this.graphile.start() : this.run();
    logger.info({ worker: this.id, concurrency: this.concurrency }, "job worker started");
  }

  /** Ask the worker to look for due jobs now instead of at the next poll. */
  nudge(): void {
    this.wake?.();
  }

  /**
   * Takes no new job and waits for the running ones; after `graceMs` the jobs still running give
   * their leases back (queued again, for any worker) instead of holding them until they expire.
   */
  async stop(graceMs = Infinity): Promise<void> {
    this.running = false;
    if (this.graphile) return this.graphile.stop(graceMs);
    this.wake?.();
    const finished = await settlesWithin(this.loop ?? Promise.resolve(), graceMs);
    if (!finished) {
      const released = await releaseJobs(this.id);
      logger.warn(
        { worker: this.id, released, graceMs },
        "jobs still running at shutdown released",
      );
    }
    logger.info({ worker: this.id }, "job worker stopped");
  }

  /** Run due jobs until none is left (tests and scripts); returns how many ran. */
  async drain(maxRounds = 1000): Promise<number> {
    if (this.graphile) return this.graphile.drain(maxRounds);
    let total = 0;
    for (let round = 0; round < maxRounds; round += 1) {
      const ran = await this.tick();
      if (ran === 0) return total;
      total += ran;
    }
    return total;
  }

  async tick(): Promise<number> {
    await refreshClock();
    const jobs = await claimJobs(this.id, this.concurrency);
    await Promise.all(jobs.map((job) => runJob(job, this.handlers)));
    // Let pending I/O (web requests in the same process) run before the next batch.
    await new Promise((resolve) => setImmediate(resolve));
    return jobs.length;
  }

  // A pool of `concurrency` slots, refilled as each job ends: a slow job (one paced by a shop's
  // rate limit) holds its own slot, not the whole batch it was claimed with, so a job claimed
  // for another shop starts as soon as any slot frees rather than when the slowest job ends.
  private async run(): Promise<void> {
    const inFlight = new Set<Promise<unknown>>();
    while (this.running) {
      let claimed = 0;
      const free = this.concurrency - inFlight.size;
      if (free > 0) {
        try {
          await refreshClock();
          const jobs = await claimJobs(this.id, free);
          claimed = jobs.length;
          for (const job of jobs) {
            const run: Promise<unknown> = runJob(job, this.handlers)
              .catch((error: unknown) =>
                logger.error({ err: error, worker: this.id, jobId: job.id }, "job run failed"),
              )
              .finally(() => {
                inFlight.delete(run);
                this.wake?.();
              });
            inFlight.add(run);
          }
        } catch (error) {
          logger.error({ err: error, worker: this.id }, "job worker claim failed");
        }
      }
      // Let pending I/O (web requests in the same process) run before the next claim.
      await new Promise((resolve) => setImmediate(resolve));
      if (!this.running) break;
      // With every slot taken, or nothing due, wait for a slot to free, a nudge or the poll. A
      // claim that found work while slots are still free looks again at once: more may be due.
      if (claimed === 0 || inFlight.size >= this.concurrency) await this.idle(this.pollMs);
    }
    await Promise.all(inFlight);
  }

  private idle(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    }).finally(() => {
      this.wake = null;
    });
  }
}

function settlesWithin(work: Promise<unknown>, ms: number): Promise<boolean> {
  if (!Number.isFinite(ms)) return work.then(() => true);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  return Promise.race([work.then(() => true), timeout]).finally(() => clearTimeout(timer));
}

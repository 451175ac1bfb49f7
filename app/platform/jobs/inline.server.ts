import type { JobTable } from "./types";
import { Worker } from "./worker.server";

// By default the worker runs inside the app process (one process to deploy). Set
// FITTING_ROOM_WORKER=off on app instances when workers run as their own process (`npm run worker`).
declare global {
  var __fittingRoomWorker: Worker | undefined;
}

export function startInlineWorker(handlers: JobTable): Worker | undefined {
  if (process.env.FITTING_ROOM_WORKER === "off" || process.env.NODE_ENV === "test")
    return undefined;
  if (!globalThis.__fittingRoomWorker) {
    // Small batches: the in-process worker shares the event loop with web requests, and an
    // acknowledgement must not queue behind a long run of job queries.
    globalThis.__fittingRoomWorker = new Worker({
      handlers,
      concurrency: Number(process.env.WORKER_CONCURRENCY ?? 2),
    });
    globalThis.__fittingRoomWorker.start();
  }
  return globalThis.__fittingRoomWorker;
}

/** A new job was written: let the in-process worker pick it up without waiting for its poll. */
export function wakeInlineWorker(): void {
  globalThis.__fittingRoomWorker?.nudge();
}

/** Stops the in-process worker (at shutdown); see Worker.stop for the grace period. */
export async function stopInlineWorker(graceMs: number): Promise<void> {
  const worker = globalThis.__fittingRoomWorker;
  globalThis.__fittingRoomWorker = undefined;
  await worker?.stop(graceMs);
}

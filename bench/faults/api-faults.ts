import { runToCompletion } from "./kill-sweep";
import type { Rig } from "./rig";

// The sandbox's faults (POST /__sandbox/faults), thrown at random while `npm run worker` settles
// a sweep: the next Admin call answers 502, the next one takes effect but answers 504 (a lost
// response), the bucket is emptied (THROTTLED), the next charge or capture is declined.

export interface InjectedFaults {
  serverErrors: number;
  lostResponses: number;
  throttles: number;
  declines: number;
}

export async function sweepUnderApiFaults(
  rig: Rig,
  total: number,
  /** share: of the Admin calls made, how many meet a fault (one of the four, at random). */
  options: { share: number; random?: () => number },
): Promise<{ injected: InjectedFaults; seconds: number }> {
  const random = options.random ?? Math.random;
  const injected: InjectedFaults = { serverErrors: 0, lostResponses: 0, throttles: 0, declines: 0 };
  const shop = rig.sandbox.store.shop(rig.shop);
  let seen = rig.adminCalls();
  const inject = () => {
    const roll = random();
    if (roll < 0.25) {
      shop.faults.failCharges += 1;
      injected.declines += 1;
    } else if (roll < 0.5) {
      shop.faults.serverErrors += 1;
      injected.serverErrors += 1;
    } else if (roll < 0.75) {
      shop.faults.lostResponses += 1;
      injected.lostResponses += 1;
    } else {
      shop.bucket.drain();
      injected.throttles += 1;
    }
  };
  const timer = setInterval(() => {
    const calls = rig.adminCalls();
    for (; seen < calls; seen += 1) if (random() < options.share) inject();
  }, 10);
  const started = performance.now();
  try {
    await runToCompletion(rig, total);
  } finally {
    clearInterval(timer);
  }
  // Armed but never met (the sweep ended first): not counted as thrown.
  injected.serverErrors -= shop.faults.serverErrors;
  injected.lostResponses -= shop.faults.lostResponses;
  injected.declines -= shop.faults.failCharges;
  Object.assign(shop.faults, { serverErrors: 0, lostResponses: 0, failCharges: 0 });
  return { injected, seconds: (performance.now() - started) / 1000 };
}

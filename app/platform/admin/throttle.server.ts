import { isThrottled } from "~/platform/jobs/errors.server";
import type { AdminGraphql } from "~/platform/admin/client.server";
import { recordAdminCost } from "~/platform/metrics.server";

// Client-side pacing of Admin GraphQL calls per shop, from the leaky bucket Shopify reports in
// every response (`extensions.cost.throttleStatus`). Calls wait for budget instead of being
// throttled, and a THROTTLED answer is waited out and retried here, so thousands of jobs
// running at once use the rate limit fully without a throttled call ever failing a job.

interface BucketState {
  available: number;
  maximum: number;
  restoreRate: number;
  at: number;
  /** Budget promised to calls in flight, not yet reflected in a response. */
  reserved: number;
}

interface CostExtensions {
  cost?: {
    requestedQueryCost?: number;
    actualQueryCost?: number | null;
    throttleStatus?: { maximumAvailable: number; currentlyAvailable: number; restoreRate: number };
  };
}

const buckets = new Map<string, BucketState>();
const learnedCost = new Map<string, number>();
const MAX_THROTTLED_RETRIES = 6;

export interface ThrottleStats {
  calls: number;
  throttled: number;
  pointsUsed: number;
  waitedMs: number;
}
const stats = new Map<string, ThrottleStats>();

export function throttleStats(shop: string): ThrottleStats {
  return stats.get(shop) ?? { calls: 0, throttled: 0, pointsUsed: 0, waitedMs: 0 };
}

export function resetThrottle(): void {
  buckets.clear();
  learnedCost.clear();
  stats.clear();
}

function state(shop: string): BucketState {
  let bucket = buckets.get(shop);
  if (!bucket) {
    // Until Shopify tells us, assume the Standard plan's bucket.
    bucket = { available: 1000, maximum: 1000, restoreRate: 50, at: Date.now(), reserved: 0 };
    buckets.set(shop, bucket);
  }
  return bucket;
}

function estimate(bucket: BucketState, now: number): number {
  const refilled = bucket.available + ((now - bucket.at) / 1000) * bucket.restoreRate;
  return Math.min(bucket.maximum, refilled) - bucket.reserved;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function acquire(shop: string, cost: number, stat: ThrottleStats): Promise<void> {
  const bucket = state(shop);
  for (;;) {
    const now = Date.now();
    const available = estimate(bucket, now);
    if (available >= cost) {
      bucket.reserved += cost;
      return;
    }
    const waitMs = Math.max(5, ((cost - available) / bucket.restoreRate) * 1000);
    stat.waitedMs += waitMs;
    await sleep(waitMs);
  }
}

function operationKey(operation: string): string {
  return /(?:query|mutation)\s+(\w+)/.exec(operation)?.[1] ?? operation.slice(0, 80);
}

/** Wraps a shop's Admin GraphQL function with pacing; same signature, same responses. */
export function throttled(shop: string, graphql: AdminGraphql): AdminGraphql {
  const wrapped = async (...args: Parameters<AdminGraphql>) => {
    const key = operationKey(String(args[0]));
    const stat = stats.get(shop) ?? { calls: 0, throttled: 0, pointsUsed: 0, waitedMs: 0 };
    stats.set(shop, stat);
    for (let attempt = 0; ; attempt += 1) {
      const cost = learnedCost.get(key) ?? 10;
      await acquire(shop, cost, stat);
      let response: Response | null = null;
      let thrown: unknown = null;
      try {
        response = await graphql(...args);
      } catch (error) {
        // The client library throws on GraphQL errors, THROTTLED included; its body still
        // carries the cost extensions the pacer learns from.
        if (!isThrottled(error) || attempt >= MAX_THROTTLED_RETRIES) throw error;
        thrown = error;
      } finally {
        state(shop).reserved -= cost;
      }
      const body = (
        response
          ? await response
              .clone()
              .json()
              .catch(() => null)
          : ((thrown as { body?: unknown }).body ?? null)
      ) as {
        errors?: { extensions?: { code?: string } }[];
        extensions?: CostExtensions;
      } | null;
      const cost$ = body?.extensions?.cost;
      stat.calls += 1;
      if (cost$?.requestedQueryCost) learnedCost.set(key, cost$.requestedQueryCost);
      if (cost$?.actualQueryCost) {
        stat.pointsUsed += cost$.actualQueryCost;
        recordAdminCost(shop, cost$.actualQueryCost);
      }
      if (cost$?.throttleStatus) {
        const bucket = state(shop);
        bucket.available = cost$.throttleStatus.currentlyAvailable;
        bucket.maximum = cost$.throttleStatus.maximumAvailable;
        bucket.restoreRate = cost$.throttleStatus.restoreRate;
        bucket.at = Date.now();
      }
      const wasThrottled =
        thrown !== null || body?.errors?.some((e) => e.extensions?.code === "THROTTLED");
      if (response && (!wasThrottled || attempt >= MAX_THROTTLED_RETRIES)) return response;
      if (thrown && !cost$?.throttleStatus) state(shop).available = 0;
      stat.throttled += 1;
    }
  };
  return wrapped as AdminGraphql;
}

// When a failed job runs again: exponential backoff with full jitter, capped, so a flood of
// failures (Shopify down, throttled) spreads out instead of retrying in lockstep.

export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 5_000, capMs: 60 * 60_000 };

/** attempt = the number of the attempt that just failed (1 for the first). random in [0, 1). */
export function retryDelayMs(
  attempt: number,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
  random = 0.5,
): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  // Never less than half the ceiling, so a retry is never immediate.
  return Math.round(ceiling / 2 + (ceiling / 2) * random);
}

/** HTTP statuses that retrying cannot fix: auth gone, shop frozen/unpaid, resource gone, locked. */
export const TERMINAL_HTTP_STATUSES: readonly number[] = [401, 402, 403, 404, 423];

export function isTerminalHttpStatus(status: number): boolean {
  return TERMINAL_HTTP_STATUSES.includes(status);
}

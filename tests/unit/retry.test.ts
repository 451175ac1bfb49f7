import { describe, expect, it } from "vitest";
import { DEFAULT_BACKOFF, isTerminalHttpStatus, retryDelayMs } from "~/domain/retry";

describe("retry backoff", () => {
  it("grows exponentially and stops at the cap", () => {
    const at = (attempt: number) => retryDelayMs(attempt, DEFAULT_BACKOFF, 1);
    expect(at(1)).toBe(5_000);
    expect(at(2)).toBe(10_000);
    expect(at(3)).toBe(20_000);
    expect(at(20)).toBe(DEFAULT_BACKOFF.capMs);
  });

  it("never retries sooner than half the ceiling", () => {
    expect(retryDelayMs(1, DEFAULT_BACKOFF, 0)).toBe(2_500);
    for (let attempt = 1; attempt < 15; attempt += 1) {
      expect(retryDelayMs(attempt, DEFAULT_BACKOFF, 0)).toBeGreaterThan(0);
      expect(retryDelayMs(attempt, DEFAULT_BACKOFF, 0.999)).toBeLessThanOrEqual(
        DEFAULT_BACKOFF.capMs,
      );
    }
  });

  it("treats 401, 402, 403, 404 and 423 as terminal and 429/5xx as retryable", () => {
    for (const status of [401, 402, 403, 404, 423]) expect(isTerminalHttpStatus(status)).toBe(true);
    for (const status of [408, 429, 500, 502, 503, 504])
      expect(isTerminalHttpStatus(status)).toBe(false);
  });
});

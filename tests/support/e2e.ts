import { afterAll, beforeAll, vi } from "vitest";
import type { Browser } from "playwright-core";
import prisma from "~/db.server";
import { startTestApp } from "./app-server";
import { launchBrowser } from "./browser";
import { startSandbox } from "./sandbox";
import { advanceSandboxClock, waitForDueWork, type ClockStep } from "./due-work";

// One end-to-end run: the built app (with its in-process worker) against the sandbox, headless
// Chromium, the sandbox's control API, and a poll that explains itself when it times out.

export function startE2E() {
  let app: { url: string; stop: () => Promise<void> } | undefined;
  let browser: Browser | undefined;
  const sandbox = startSandbox({ appUrl: () => app?.url ?? null });
  // A browser and a server on 2 shared cores: give each step room.
  vi.setConfig({ testTimeout: 120_000, hookTimeout: 90_000 });
  beforeAll(async () => {
    app = await startTestApp(sandbox.url);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  async function control(path: string, body?: unknown) {
    const response = await fetch(
      `${sandbox.url}/__sandbox${path}`,
      body === undefined ? {} : { method: "POST", body: JSON.stringify(body) },
    );
    return (await response.json()) as Record<string, unknown>;
  }

  /** Polls until `ok`; on timeout names the last value and the jobs not yet done. */
  async function until<T>(
    read: () => Promise<T> | T,
    ok: (value: T) => boolean,
    timeoutMs = 20_000,
  ) {
    const start = Date.now();
    for (;;) {
      const value = await read();
      if (ok(value)) return value;
      if (Date.now() - start > timeoutMs) {
        const jobs = await prisma.job.findMany({
          where: { status: { not: "succeeded" } },
          select: { type: true, status: true, lastError: true, runAt: true },
        });
        throw new Error(
          `timed out; last value ${JSON.stringify(value)}; jobs ${JSON.stringify(jobs)}`,
        );
      }
      await new Promise((r) => setTimeout(r, 150));
    }
  }

  /** Waits until the app has answered every webhook and run every job due by sandbox time. */
  const drained = (options?: { timeoutMs?: number }) =>
    waitForDueWork(sandbox.url, prisma, options);

  /** Moves the sandbox clock, then waits for the work that came due (never a fixed sleep). */
  const advanceClock = (step: ClockStep, options?: { timeoutMs?: number }) =>
    advanceSandboxClock(sandbox.url, prisma, step, options);

  return {
    sandbox,
    control,
    until,
    drained,
    advanceClock,
    browser: () => browser as Browser,
    appUrl: () => app?.url as string,
  };
}

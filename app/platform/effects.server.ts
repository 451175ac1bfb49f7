import type { Effect } from "@prisma/client";
import prisma from "~/db.server";
import { RetryableJobError, TerminalJobError } from "~/platform/jobs/errors.server";
import { now } from "~/platform/clock.server";
import { isUniqueViolation } from "~/platform/db-errors.server";

/** How long an attempt counts as possibly in flight: longer than any Admin call takes. */
export const IN_FLIGHT_MS = 90_000;

// A side effect outside the database (an Admin mutation, a charge) is recorded under its key
// BEFORE it is attempted, and its result after. A retry, a duplicate webhook or a worker that
// crashed between the call and the bookkeeping finds the record and either returns the stored
// result or reconciles with Shopify, instead of performing the effect a second time.

export interface EffectSpec {
  shop: string;
  key: string;
  kind: string;
  request: unknown;
  jobId?: string | null;
}

export interface EffectOptions<T> {
  /**
   * Called when an earlier attempt may have reached Shopify but its result was not recorded.
   * Returns the effect's result if Shopify shows it happened, undefined if it did not. Without
   * it the effect must be safe to send again (Shopify idempotency key, or a naturally
   * idempotent write such as metafieldsSet).
   */
  reconcile?: (effect: Effect) => Promise<T | undefined>;
}

function busy(key: string) {
  return new RetryableJobError(`effect ${key} is being performed by another worker`, 1_000);
}

export async function performEffect<T>(
  spec: EffectSpec,
  attempt: (key: string) => Promise<T>,
  options: EffectOptions<T> = {},
): Promise<T> {
  const effect = await prisma.effect
    .upsert({
      where: { shop_key: { shop: spec.shop, key: spec.key } },
      create: {
        shop: spec.shop,
        key: spec.key,
        kind: spec.kind,
        request: JSON.stringify(spec.request ?? null),
        jobId: spec.jobId ?? null,
      },
      update: {},
    })
    .catch((error: unknown) => {
      // On PostgreSQL two first attempts can both miss the row and both insert: the loser is
      // another worker's effect, retried like one.
      if (isUniqueViolation(error)) throw busy(spec.key);
      throw error;
    });
  if (effect.status === "succeeded") return JSON.parse(effect.result ?? "null") as T;
  if (effect.status === "failed")
    throw new TerminalJobError(`effect ${spec.key} failed earlier: ${effect.error}`);

  // An attempt that started moments ago may still be on its way to Shopify (another worker, a
  // concurrent job for the same trial): neither repeat it nor reconcile against a half-done call.
  const startedAt = effect.lastAttemptAt?.getTime() ?? 0;
  if (effect.attempts > 0 && now().getTime() - startedAt < IN_FLIGHT_MS)
    throw new RetryableJobError(`effect ${spec.key} may still be in flight`, IN_FLIGHT_MS);

  if (effect.attempts > 0 && options.reconcile) {
    const found = await options.reconcile(effect);
    if (found !== undefined) {
      await markSucceeded(effect.id, found);
      return found;
    }
  }

  // Count the attempt before calling out: whatever happens next, the record says we tried.
  const { count } = await prisma.effect.updateMany({
    where: { id: effect.id, attempts: effect.attempts, status: "pending" },
    data: { attempts: { increment: 1 }, lastAttemptAt: now() },
  });
  if (count !== 1) throw busy(spec.key);

  try {
    const result = await attempt(spec.key);
    await markSucceeded(effect.id, result);
    return result;
  } catch (error) {
    // Refused before Shopify acted (throttled): the attempt is not in flight, retry freely.
    if (error instanceof RetryableJobError && error.notPerformed)
      await prisma.effect.update({
        where: { id: effect.id },
        data: { attempts: { decrement: 1 }, lastAttemptAt: null },
      });
    if (error instanceof TerminalJobError) {
      await prisma.effect.update({
        where: { id: effect.id },
        data: { status: "failed", error: error.message.slice(0, 2000) },
      });
    }
    throw error;
  }
}

async function markSucceeded(id: string, result: unknown): Promise<void> {
  await prisma.effect.update({
    where: { id },
    data: { status: "succeeded", result: JSON.stringify(result ?? null), error: null },
  });
}

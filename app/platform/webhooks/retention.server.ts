import prisma from "~/db.server";
import { now } from "~/platform/clock.server";
import { appConfig } from "~/platform/config.server";
import { enqueue } from "~/platform/jobs/queue.server";
import type { JobHandler } from "~/platform/jobs/types";
import { WEBHOOK_PROCESS_JOB } from "./process.server";

// Retention of the webhook inbox: a delivery's payload is what Shopify sent (names, emails,
// addresses) and is needed only until the delivery is settled, and for a few days after to
// investigate a problem. Then a daily sweep drops it; the row (id, topic, status, times) stays,
// so a redelivery is still recognised as a duplicate.

export const WEBHOOK_RETENTION_JOB = "webhook.retention";

const DAY_MS = 24 * 60 * 60 * 1000;
/** The sweep's hour (UTC): away from the evening order peak of most shops. */
const SWEEP_HOUR_UTC = 3;

function dayKey(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** The sweep due `at` (now: the first one after a start), once per day however often asked. */
export async function scheduleWebhookRetention(at: Date = now()): Promise<void> {
  await enqueue({
    type: WEBHOOK_RETENTION_JOB,
    shop: null,
    payload: {},
    idempotencyKey: `${WEBHOOK_RETENTION_JOB}:${dayKey(at)}`,
    runAt: at,
  });
}

function nextSweepAt(at: Date): Date {
  const next = new Date(at.getTime() + DAY_MS);
  next.setUTCHours(SWEEP_HOUR_UTC, 0, 0, 0);
  return next;
}

/**
 * Drops the payloads of one shop's settled deliveries older than `before`: processed, rejected
 * or failed, and accepted ones whose job is dead (nothing will read them again).
 */
async function sweepShop(shop: string, before: Date): Promise<number> {
  const dead = await prisma.job.findMany({
    where: { shop, type: WEBHOOK_PROCESS_JOB, status: "dead", updatedAt: { lt: before } },
    select: { idempotencyKey: true },
  });
  const deadIds = dead.map((j) => j.idempotencyKey.replace(/^webhook:/, ""));
  const { count } = await prisma.webhookDelivery.updateMany({
    where: {
      shop,
      payload: { not: null },
      OR: [
        { status: "processed", processedAt: { lt: before } },
        { status: { in: ["rejected", "failed"] }, receivedAt: { lt: before } },
        { status: "accepted", id: { in: deadIds } },
      ],
    },
    data: { payload: null },
  });
  return count;
}

/** Every shop's sweep; returns payloads dropped by shop (only shops where some were). */
export async function sweepWebhookPayloads(
  at: Date = now(),
  days: number = appConfig.webhookPayloadRetentionDays,
): Promise<Record<string, number>> {
  const before = new Date(at.getTime() - days * DAY_MS);
  // The shops with payloads old enough: the sweep then works shop by shop.
  const shops = await prisma.webhookDelivery.findMany({
    where: { payload: { not: null }, receivedAt: { lt: before } },
    distinct: ["shop"],
    select: { shop: true },
  });
  const dropped: Record<string, number> = {};
  for (const { shop } of shops) {
    const count = await sweepShop(shop, before);
    if (count > 0) dropped[shop] = count;
  }
  return dropped;
}

export const webhookRetentionJob: JobHandler = async ({ log }) => {
  // Tomorrow's first: a sweep that fails here still leaves the next one queued.
  await scheduleWebhookRetention(nextSweepAt(now()));
  const dropped = await sweepWebhookPayloads();
  log.info(
    { dropped, days: appConfig.webhookPayloadRetentionDays },
    "webhook payloads past retention dropped",
  );
};

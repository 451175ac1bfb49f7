import prisma from "~/db.server";
import { withBusyRetry } from "~/platform/sqlite-busy.server";
import { enqueueNew } from "~/platform/jobs/queue.server";
import { isUniqueViolation } from "~/platform/db-errors.server";
import { logger } from "~/platform/logger.server";
import { now } from "~/platform/clock.server";
import { recordInboxBatch } from "~/platform/metrics.server";
import { WEBHOOK_PROCESS_JOB } from "./process.server";
import { COMPLIANCE_TOPICS } from "./topics";

// Group commit for the webhook inbox (docs/decisions/0004-webhook-inbox.md). Deliveries that
// arrive together are written in one transaction: each request is still acknowledged only after
// its row is durably committed, but a burst pays for one commit instead of one per delivery.

export interface InboxRecord {
  id: string;
  shop: string;
  topic: string;
  apiVersion: string;
  eventId: string | null;
  triggeredAt: Date | null;
  payload: string;
}

type Outcome = "accepted" | "duplicate" | "not-installed";

// After an uninstall Shopify still sends the compliance topics (shop/redact 48 hours later):
// those are the only deliveries a shop without the app is owed.
const OWED_AFTER_UNINSTALL: ReadonlySet<string> = new Set(COMPLIANCE_TOPICS);

/**
 * Whether a delivery is for a shop the app serves. Signed deliveries for a shop that never
 * installed the app, or for an uninstalled one (other than the compliance topics), are
 * acknowledged and kept nowhere: they would create shops, orders and jobs for nobody.
 */
function served(record: InboxRecord, shops: Map<string, { uninstalledAt: Date | null }>): boolean {
  const shop = shops.get(record.shop);
  if (!shop) return false;
  return shop.uninstalledAt === null || OWED_AFTER_UNINSTALL.has(record.topic);
}

interface Pending {
  record: InboxRecord;
  resolve: (outcome: Outcome) => void;
  reject: (error: unknown) => void;
}

const MAX_BATCH = 250;
let queue: Pending[] = [];
let flushing = false;

// SQLite statements run without yielding to the event loop, so a batch committed at once holds
// only the delivery that started it: measured at concurrency 50, every one of 1,500 deliveries
// paid its own transaction (a new connection, schema read, prepares and a WAL sync each). In a
// burst (a commit ended moments ago) the next batch waits a few milliseconds for the requests
// already on the wire; a lone delivery is written at once.
const BURST_WINDOW_MS = 50;
const LINGER_MS = Number(process.env.WEBHOOK_BATCH_LINGER_MS ?? 3);
let lastCommitAt = -Infinity;

function linger(): Promise<void> {
  const inBurst = performance.now() - lastCommitAt < BURST_WINDOW_MS;
  if (!inBurst || LINGER_MS <= 0 || queue.length >= MAX_BATCH) return Promise.resolve();
  return new Promise((resolve) => setTimeout(resolve, LINGER_MS));
}

export function recordDelivery(record: InboxRecord): Promise<Outcome> {
  return new Promise<Outcome>((resolve, reject) => {
    queue.push({ record, resolve, reject });
    if (!flushing) void flush();
  });
}

async function flush(): Promise<void> {
  flushing = true;
  try {
    while (queue.length > 0) {
      await linger();
      // Whatever arrived while the previous batch was committing goes in the next one.
      const batch = queue.slice(0, MAX_BATCH);
      queue = queue.slice(MAX_BATCH);
      recordInboxBatch(batch.length);
      await writeBatch(batch);
      lastCommitAt = performance.now();
    }
  } finally {
    flushing = false;
  }
}

async function writeBatch(batch: Pending[]): Promise<void> {
  // The same delivery id twice in one burst: the first one counts, the rest are duplicates.
  const unique = new Map<string, Pending>();
  const repeats: Pending[] = [];
  for (const item of batch) {
    if (unique.has(item.record.id)) repeats.push(item);
    else unique.set(item.record.id, item);
  }
  const ignored = new Set<string>();
  try {
    const fresh = await withBusyRetry(() =>
      prisma.$transaction(async (tx) => {
        const existing = await tx.webhookDelivery.findMany({
          where: { id: { in: [...unique.keys()] } },
          select: { id: true },
        });
        const known = new Set(existing.map((e) => e.id));
        const shopRows = await tx.shop.findMany({
          where: { domain: { in: [...new Set([...unique.values()].map((p) => p.record.shop))] } },
          select: { domain: true, uninstalledAt: true },
        });
        const shops = new Map(shopRows.map((s) => [s.domain, s]));
        const records = [...unique.values()]
          .map((p) => p.record)
          .filter((r) => !known.has(r.id) && served(r, shops));
        for (const r of unique.values()) if (!served(r.record, shops)) ignored.add(r.record.id);
        if (records.length > 0) {
          // receivedAt on the app's clock (the sandbox's in the demo), like every scheduled decision.
          const receivedAt = now();
          await tx.webhookDelivery.createMany({
            data: records.map((r) => ({ ...r, status: "accepted", receivedAt })),
          });
          await enqueueNew(
            records.map((r) => ({
              type: WEBHOOK_PROCESS_JOB,
              shop: r.shop,
              payload: { deliveryId: r.id },
              idempotencyKey: `webhook:${r.id}`,
            })),
            tx,
          );
        }
        return new Set(records.map((r) => r.id));
      }),
    );
    for (const [id, item] of unique)
      item.resolve(fresh.has(id) ? "accepted" : ignored.has(id) ? "not-installed" : "duplicate");
    for (const item of repeats) item.resolve("duplicate");
  } catch (error) {
    if (batch.length > 1) {
      // One bad row must not fail the others, and another process may have written one of
      // these ids between our check and insert (PostgreSQL, several instances): retry one by one.
      logger.warn({ err: error, batch: batch.length }, "webhook inbox batch retried row by row");
      for (const item of batch) await writeBatch([item]);
      return;
    }
    const [item] = batch;
    if (isUniqueViolation(error)) item?.resolve("duplicate");
    else item?.reject(error);
  }
}

import { enqueue } from "~/platform/jobs/queue.server";
import { gidFor } from "~/platform/webhooks/json";
import type { WebhookHandler } from "~/platform/webhooks/types";
import type { PolicyJobHandler } from "~/policy-module";
import { getCurrentPolicy } from "~/services/policy.server";
import { advanceMtoCase } from "./advance.server";
import { MTO_ADVANCE_JOB } from "./case.server";
import {
  MTO_STOCK_JOB,
  stockChangeMatters,
  sweepMadeToOrderStock,
  syncVariantStock,
} from "./stock.server";

// Made-to-order's jobs (a case's next steps; the sold-out marks) and the one topic it reads
// itself, inventory_levels/update.

export const mtoJobs: Record<string, PolicyJobHandler> = {
  [MTO_ADVANCE_JOB]: async (context) => {
    const { caseId } = context.payload as { caseId: string };
    await advanceMtoCase(
      { id: caseId, shop: context.shop },
      await context.admin(),
      context.log.child({ caseId }),
    );
  },
  [MTO_STOCK_JOB]: async (context) => {
    const { shop } = context;
    const payload = context.payload as { inventoryItemGid?: string; sweepVersion?: number };
    const graphql = await context.admin();
    if (payload.inventoryItemGid) {
      const outcome = await syncVariantStock(shop, payload.inventoryItemGid, graphql);
      context.log.info({ inventoryItemGid: payload.inventoryItemGid, outcome }, "stock flag");
      return;
    }
    const current = await getCurrentPolicy(shop);
    if (current.version !== payload.sweepVersion) return;
    const outcome = await sweepMadeToOrderStock(shop, current.document.madeToOrder, graphql);
    context.log.info({ outcome }, "made-to-order stock sweep");
  },
};

/**
 * inventory_levels/update: a size may have sold out (or come back). The level is per location,
 * the mark follows the variant's total, so a job reads the variant and sets its mark
 * (stock.server.ts) — only when the change can matter, so most sales cost no Admin call.
 */
export const inventoryLevelUpdated: WebhookHandler = async ({ shop, payload, deliveryId, log }) => {
  const inventoryItemGid = gidFor("InventoryItem", payload.inventory_item_id);
  if (!inventoryItemGid) {
    log.warn("inventory level payload without inventory_item_id ignored");
    return;
  }
  const available = typeof payload.available === "number" ? payload.available : null;
  if (!(await stockChangeMatters(shop, inventoryItemGid, available))) return;
  await enqueue({
    type: MTO_STOCK_JOB,
    shop,
    payload: { inventoryItemGid },
    idempotencyKey: `mto-stock:${deliveryId}`,
  });
};

import { enqueue } from "~/platform/jobs/queue.server";
import { stockChangeMatters } from "~/features/made-to-order/stock.server";
import { gidFor } from "~/platform/webhooks/json";
import type { WebhookHandler } from "./index";

// inventory_levels/update: a size may have sold out (or come back). The level is per location,
// the flag follows the variant's total, so a job reads the variant and sets its made-to-order
// flag (app/services/mto-stock.server.ts).
const inventoryLevelUpdated: WebhookHandler = async ({ shop, payload, deliveryId, log }) => {
  const inventoryItemGid = gidFor("InventoryItem", payload.inventory_item_id);
  if (!inventoryItemGid) {
    log.warn("inventory level payload without inventory_item_id ignored");
    return;
  }
  const available = typeof payload.available === "number" ? payload.available : null;
  if (!(await stockChangeMatters(shop, inventoryItemGid, available))) return;
  await enqueue({
    type: "mto.stock",
    shop,
    payload: { inventoryItemGid },
    idempotencyKey: `mto-stock:${deliveryId}`,
  });
};

export const inventoryHandlers = {
  "inventory_levels/update": inventoryLevelUpdated,
} satisfies Record<string, WebhookHandler>;

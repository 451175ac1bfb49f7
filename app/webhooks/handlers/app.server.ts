import { markUninstalled, recordShopUpdate, updateScopes } from "~/platform/shops.server";
import type { WebhookHandler } from "~/platform/webhooks/types";

export const appHandlers = {
  "app/uninstalled": async ({ shop, triggeredAt }) => markUninstalled(shop, triggeredAt),
  "app/scopes_update": async ({ shop, payload }) => {
    const current = Array.isArray(payload.current)
      ? payload.current.filter((s): s is string => typeof s === "string")
      : [];
    await updateScopes(shop, current);
  },
  "shop/update": async ({ shop, deliveryId }) => recordShopUpdate(shop, deliveryId),
} satisfies Record<string, WebhookHandler>;

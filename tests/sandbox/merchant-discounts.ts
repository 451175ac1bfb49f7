import type { SandboxStore } from "./store";
import { SandboxError } from "./store";
import type { DeliveryMode, Outbox } from "./webhooks";

// What a merchant does to discounts in the Shopify admin, outside any app: deleting one (an app
// discount too — Shopify lets them) takes its codes with it and sends discounts/delete with the
// discount node's id, as Shopify does.

export function merchantDeletesDiscount(
  store: SandboxStore,
  outbox: Outbox,
  domain: string,
  id: string,
  mode: DeliveryMode = "normal",
) {
  const shop = store.shop(domain);
  const index = shop.appDiscounts.findIndex((d) => d.id === id);
  if (index < 0) throw new SandboxError(404, `id: no app discount ${id} on ${domain}`);
  const [gone] = shop.appDiscounts.splice(index, 1);
  store.record({
    shop: domain,
    kind: "discount_app.deleted_by_merchant",
    amount: null,
    details: { id, kind: gone!.kind, title: gone!.title, codes: gone!.codes.length },
  });
  outbox.emit(
    domain,
    "discounts/delete",
    { admin_graphql_api_id: id, deleted_at: store.now() },
    mode,
  );
  return { id, title: gone!.title, codes: gone!.codes.length };
}

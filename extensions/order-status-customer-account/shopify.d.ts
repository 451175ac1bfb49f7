// The `shopify` global each target's module sees (the shape Shopify CLI generates).
import "@shopify/ui-extensions";
import type { Api } from "@shopify/ui-extensions/customer-account.order-status.block.render";

// @ts-expect-error -- a module augmentation of the extension's own source file
declare module "./src/OrderStatus.tsx" {
  const shopify: Api;
  const globalThis: { shopify: typeof shopify };
}

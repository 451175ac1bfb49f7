// The `shopify` global each target's module sees (the shape Shopify CLI generates).
import "@shopify/ui-extensions";
import type { Api } from "@shopify/ui-extensions/purchase.checkout.block.render";

// @ts-expect-error -- a module augmentation of the extension's own source file
declare module "./src/Checkout.tsx" {
  const shopify: Api;
  const globalThis: { shopify: typeof shopify };
}

// The `shopify` global each target's module sees (the shape Shopify CLI generates).
import "@shopify/ui-extensions";
import type { Api as MenuItemApi } from "@shopify/ui-extensions/customer-account.order.action.menu-item.render";
import type { Api as ActionApi } from "@shopify/ui-extensions/customer-account.order.action.render";

// @ts-expect-error -- a module augmentation of the extension's own source file
declare module "./src/MenuItem.tsx" {
  const shopify: MenuItemApi;
  const globalThis: { shopify: typeof shopify };
}

// @ts-expect-error -- a module augmentation of the extension's own source file
declare module "./src/ReturnModal.tsx" {
  const shopify: ActionApi;
  const globalThis: { shopify: typeof shopify };
}

import prisma from "~/db.server";
import type { MadeToOrderPolicy } from "~/domain/policy/schema";
import {
  MTO_CONTINUE_SELLING_MUTATION,
  MTO_SOLD_OUT_VARIANTS_QUERY,
  MTO_STOCK_VARIANT_QUERY,
} from "./graphql";
import { METAFIELDS_SET_MUTATION } from "~/graphql/metafields";
import {
  adminRequest,
  assertNoUserErrors,
  type AdminGraphql,
  type OperationData,
} from "~/platform/admin/client.server";
import { performEffect } from "~/platform/effects.server";
import { getCurrentPolicy } from "~/services/policy.server";
import { eligibleProductQuery } from "~/services/selling-plans.server";

// Sold-out sizes are sold made to order, and only so. Shopify refuses a sold-out variant at
// checkout unless it may "continue selling when out of stock"; the app turns that on for each
// sold-out made-to-order variant and marks it (metafield made_to_order_only), which the checkout
// validation reads to refuse it without the made-to-order option. Marks follow stock: a sweep
// of the sold-out variants when the made-to-order scope changes, and inventory_levels/update
// for each change. The app remembers its marks (MtoStockMark), so a stock change for an unmarked
// variant with stock left costs no Admin call at all.

export const MTO_STOCK_JOB = "mto.stock";

interface Mark {
  variantGid: string;
  inventoryItemGid: string;
  productGid: string;
  inventoryPolicy: string;
  marked: boolean;
}

async function setMarks(
  shop: string,
  graphql: AdminGraphql,
  changes: { mark: Mark; soldOut: boolean }[],
) {
  // Sellable before marked: a marked variant Shopify refused would be unsellable altogether.
  const byProduct = new Map<string, string[]>();
  for (const { mark, soldOut } of changes)
    if (soldOut && mark.inventoryPolicy === "DENY")
      byProduct.set(mark.productGid, [...(byProduct.get(mark.productGid) ?? []), mark.variantGid]);
  for (const [productId, ids] of byProduct) {
    const data = await adminRequest(graphql, MTO_CONTINUE_SELLING_MUTATION, {
      productId,
      variants: ids.map((id) => ({ id, inventoryPolicy: "CONTINUE" as const })),
    });
    assertNoUserErrors("productVariantsBulkUpdate", data.productVariantsBulkUpdate?.userErrors);
  }
  const writes = changes.filter((c) => c.soldOut !== c.mark.marked);
  for (let i = 0; i < writes.length; i += 25) {
    const data = await adminRequest(graphql, METAFIELDS_SET_MUTATION, {
      metafields: writes.slice(i, i + 25).map(({ mark, soldOut }) => ({
        ownerId: mark.variantGid,
        namespace: "fitting_room",
        key: "made_to_order_only",
        type: "boolean",
        value: String(soldOut),
      })),
    });
    assertNoUserErrors("metafieldsSet", data.metafieldsSet?.userErrors);
  }
  for (const { mark, soldOut } of changes) {
    const key = { shop, inventoryItemGid: mark.inventoryItemGid };
    if (soldOut)
      await prisma.mtoStockMark.upsert({
        where: { shop_inventoryItemGid: key },
        create: { ...key, variantGid: mark.variantGid },
        update: {},
      });
    else await prisma.mtoStockMark.deleteMany({ where: key });
  }
}

/** Marks every sold-out made-to-order variant and unmarks the rest the app had marked. */
export async function syncMadeToOrderStock(
  shop: string,
  mto: MadeToOrderPolicy,
  graphql: AdminGraphql,
) {
  const scope = eligibleProductQuery(mto);
  const soldOut: Mark[] = [];
  if (mto.enabled && scope) {
    const query = `(${scope}) AND inventory_quantity:<=0`;
    let after: string | null = null;
    do {
      const page: OperationData<typeof MTO_SOLD_OUT_VARIANTS_QUERY> = await adminRequest(
        graphql,
        MTO_SOLD_OUT_VARIANTS_QUERY,
        { query, after },
      );
      for (const v of page.productVariants.nodes)
        soldOut.push({
          variantGid: v.id,
          inventoryItemGid: v.inventoryItem.id,
          productGid: v.product.id,
          inventoryPolicy: v.inventoryPolicy,
          marked: v.madeToOrderOnly?.value === "true",
        });
      after = page.productVariants.pageInfo.hasNextPage
        ? (page.productVariants.pageInfo.endCursor ?? null)
        : null;
    } while (after);
  }
  const stillSoldOut = new Set(soldOut.map((m) => m.variantGid));
  const stale = (await prisma.mtoStockMark.findMany({ where: { shop } }))
    .filter((m) => !stillSoldOut.has(m.variantGid))
    .map((m) => ({
      variantGid: m.variantGid,
      inventoryItemGid: m.inventoryItemGid,
      productGid: "",
      inventoryPolicy: "CONTINUE",
      marked: true,
    }));
  await setMarks(shop, graphql, [
    ...soldOut.map((mark) => ({ mark, soldOut: true })),
    ...stale.map((mark) => ({ mark, soldOut: false })),
  ]);
  return { soldOut: soldOut.length, unmarked: stale.length };
}

/** Once per made-to-order scope (offered or not, which tags); webhooks keep marks after that. */
export function sweepMadeToOrderStock(shop: string, mto: MadeToOrderPolicy, graphql: AdminGraphql) {
  const scope = { enabled: mto.enabled, tags: [...mto.eligibleProductTags].sort() };
  return performEffect(
    {
      shop,
      key: `mto:stock-sweep:${JSON.stringify(scope)}`,
      kind: "mto.stock_sweep",
      request: scope,
    },
    () => syncMadeToOrderStock(shop, mto, graphql),
  );
}

/** Whether a stock change needs a look at all: stock gone, or a marked variant's stock back. */
export async function stockChangeMatters(
  shop: string,
  inventoryItemGid: string,
  available: number | null,
) {
  if (available === null || available <= 0) return true;
  return (await prisma.mtoStockMark.count({ where: { shop, inventoryItemGid } })) > 0;
}

/** One variant whose stock changed (inventory_levels/update). */
export async function syncVariantStock(
  shop: string,
  inventoryItemGid: string,
  graphql: AdminGraphql,
): Promise<"marked" | "unmarked" | "unchanged" | "not made to order"> {
  const { inventoryItem } = await adminRequest(graphql, MTO_STOCK_VARIANT_QUERY, {
    id: inventoryItemGid,
  });
  const variant = inventoryItem?.variant;
  if (!variant) return "not made to order";
  const mto = (await getCurrentPolicy(shop)).document.madeToOrder;
  const tags = new Set(variant.product.tags.map((t) => t.toLowerCase()));
  const eligible = mto.eligibleProductTags.some((t) => tags.has(t.toLowerCase()));
  const marked = variant.madeToOrderOnly?.value === "true";
  if (!eligible && !marked) return "not made to order";
  const soldOut = mto.enabled && eligible && (variant.inventoryQuantity ?? 0) <= 0;
  const mark: Mark = {
    variantGid: variant.id,
    inventoryItemGid,
    productGid: variant.product.id,
    inventoryPolicy: variant.inventoryPolicy,
    marked,
  };
  if (soldOut === marked && (!soldOut || variant.inventoryPolicy === "CONTINUE"))
    return "unchanged";
  await setMarks(shop, graphql, [{ mark, soldOut }]);
  return soldOut ? "marked" : "unmarked";
}

import type { SandboxProduct, SandboxShop, SandboxVariant } from "../store";
import { metafieldObject } from "./metafield";
import type { ResolverContext } from "./resolvers";
import { matchesProductQuery } from "./selling-plans";
import { toMinor } from "./orders";

// productSet (one product with one default variant: what the app creates for the trial box fee),
// the shop's publications and publishablePublish.

type Args = Record<string, unknown>;

interface ProductSetArgs {
  id?: string | null;
  title?: string | null;
  handle?: string | null;
  productType?: string | null;
  vendor?: string | null;
  tags?: string[] | null;
  status?: string | null;
  variants?: { price?: unknown; optionValues?: { name?: string }[] }[] | null;
}

const ONLINE_STORE = "gid://shopify/Publication/1";

/** A variant as the Admin API shows it, with its metafields and inventory item. */
export function variantNode(shop: SandboxShop, product: SandboxProduct, v: SandboxVariant) {
  return {
    __typename: "ProductVariant",
    id: v.id,
    title: v.title,
    sku: v.sku,
    price: (v.price / 100).toFixed(2),
    compareAtPrice: v.compareAtPrice ? (v.compareAtPrice / 100).toFixed(2) : null,
    inventoryQuantity: v.inventoryQuantity,
    inventoryPolicy: v.inventoryPolicy ?? "DENY",
    // As Shopify: sellable while in stock, or always when the policy continues selling.
    availableForSale: v.inventoryQuantity > 0 || v.inventoryPolicy === "CONTINUE",
    inventoryItem: { __typename: "InventoryItem", id: inventoryItemId(v) },
    selectedOptions: (
      v.selectedOptions ?? [
        { name: "Size", value: v.size },
        { name: "Width", value: v.width },
      ]
    ).map((o) => ({ __typename: "SelectedOption", ...o })),
    metafield: (args: Args) => {
      const m = shop.metafields.get(`${v.id}|${String(args.namespace)}|${String(args.key)}`);
      return m ? metafieldObject(m) : null;
    },
    product: () => productNode(shop, product),
  };
}

export function productNode(shop: SandboxShop, product: SandboxProduct) {
  return {
    __typename: "Product",
    id: product.id,
    title: product.title,
    handle: product.handle,
    tags: product.tags,
    productType: product.productType,
    isGiftCard: product.isGiftCard === true,
    variants: (variantArgs: Args) => {
      const nodes = product.variants.slice(0, Math.min(Number(variantArgs.first ?? 50), 250));
      return {
        __typename: "ProductVariantConnection",
        nodes: nodes.map((v) => variantNode(shop, product, v)),
        pageInfo: {
          __typename: "PageInfo",
          hasNextPage: product.variants.length > nodes.length,
          endCursor: null,
        },
      };
    },
  };
}

/** gid://shopify/InventoryItem/<the variant's legacy id>: one inventory item per variant. */
export function inventoryItemId(v: SandboxVariant) {
  return `gid://shopify/InventoryItem/${v.legacyId}`;
}

export const productQueryResolvers = {
  product: (args: Args, { shop }: ResolverContext) => {
    const product = shop.products.find((p) => p.id === args.id);
    return product ? productNode(shop, product) : null;
  },
  /** Variant search, the part the app uses: `(<product query>) AND inventory_quantity:<=N`. */
  productVariants: (args: Args, { shop }: ResolverContext) => {
    const text = String(args.query ?? "");
    const stock = /\s+AND\s+inventory_quantity:<=(-?\d+)\s*$/i.exec(text);
    const productQuery = (stock ? text.slice(0, stock.index) : text).replace(/^\((.*)\)$/, "$1");
    const all = shop.products
      .filter((p) => matchesProductQuery(p, productQuery))
      .flatMap((p) =>
        p.variants
          .filter((v) => !stock || v.inventoryQuantity <= Number(stock[1]))
          .map((v) => variantNode(shop, p, v)),
      );
    const start = args.after ? Number(Buffer.from(String(args.after), "base64").toString()) : 0;
    const page = all.slice(start, start + Math.min(Number(args.first ?? 50), 250));
    const end = start + page.length;
    return {
      __typename: "ProductVariantConnection",
      nodes: page,
      pageInfo: {
        __typename: "PageInfo",
        hasNextPage: end < all.length,
        endCursor: end < all.length ? Buffer.from(String(end)).toString("base64") : null,
      },
    };
  },
  inventoryItem: (args: Args, { shop }: ResolverContext) => {
    for (const product of shop.products)
      for (const v of product.variants)
        if (inventoryItemId(v) === args.id)
          return {
            __typename: "InventoryItem",
            id: args.id,
            variant: variantNode(shop, product, v),
          };
    return null;
  },
  publications: () => ({
    __typename: "PublicationConnection",
    nodes: [{ __typename: "Publication", id: ONLINE_STORE, name: "Online Store" }],
  }),
};

export const productMutationResolvers = {
  productVariantsBulkUpdate: (args: Args, { shop, store }: ResolverContext) => {
    const product = shop.products.find((p) => p.id === args.productId);
    const refuse = (field: string[], message: string, code: string) => ({
      product: null,
      productVariants: null,
      userErrors: [{ field, message, code }],
    });
    if (!product) return refuse(["productId"], "Product does not exist", "PRODUCT_DOES_NOT_EXIST");
    const inputs = args.variants as { id: string; inventoryPolicy?: "DENY" | "CONTINUE" }[];
    const unknown = inputs.findIndex((i) => !product.variants.some((v) => v.id === i.id));
    if (unknown >= 0)
      return refuse(
        ["variants", String(unknown), "id"],
        "Product variant does not exist",
        "PRODUCT_VARIANT_DOES_NOT_EXIST",
      );
    for (const input of inputs) {
      const variant = product.variants.find((v) => v.id === input.id)!;
      if (input.inventoryPolicy) variant.inventoryPolicy = input.inventoryPolicy;
    }
    store.record({
      shop: shop.domain,
      kind: "product.variants_update",
      details: { productId: product.id, variants: inputs.length },
    });
    return {
      product: productNode(shop, product),
      productVariants: inputs.map((i) =>
        variantNode(
          shop,
          product,
          product.variants.find((v) => v.id === i.id)!,
        ),
      ),
      userErrors: [],
    };
  },
  productSet: (args: Args, { shop, store }: ResolverContext) => {
    const input = args.input as ProductSetArgs;
    const existing = input.id ? shop.products.find((p) => p.id === input.id) : undefined;
    const refuse = (field: string[], message: string, code: string) => ({
      product: null,
      userErrors: [{ field, message, code }],
    });
    if (input.id && !existing)
      return refuse(["input", "id"], "Product does not exist", "PRODUCT_DOES_NOT_EXIST");
    if ((input.variants ?? []).length !== 1)
      return refuse(
        ["input", "variants"],
        "The sandbox's productSet takes exactly one variant",
        "INVALID_VARIANT",
      );
    const price = toMinor(input.variants![0]!.price ?? "0", "price");
    const product =
      existing ??
      (() => {
        const ids = store.gid("Product");
        const variant = store.gid("ProductVariant");
        const created = {
          ...ids,
          handle: input.handle ?? `product-${ids.legacyId}`,
          title: input.title ?? "Product",
          productType: input.productType ?? "",
          tags: [],
          description: "",
          variants: [
            {
              ...variant,
              title: "Default Title",
              sku: "",
              price,
              size: "",
              width: "",
              inventoryQuantity: 1_000_000,
            },
          ],
        };
        shop.products.push(created);
        return created;
      })();
    product.title = input.title ?? product.title;
    product.productType = input.productType ?? product.productType;
    product.tags = input.tags ?? product.tags;
    product.variants[0]!.price = price;
    store.record({
      shop: shop.domain,
      kind: existing ? "product.update" : "product.create",
      amount: { amount: (price / 100).toFixed(2), currencyCode: shop.currencyCode },
      details: { id: product.id, title: product.title, status: input.status ?? null },
    });
    return {
      product: {
        __typename: "Product",
        id: product.id,
        variants: () => ({
          __typename: "ProductVariantConnection",
          nodes: product.variants.map((v) => ({ __typename: "ProductVariant", id: v.id })),
        }),
      },
      userErrors: [],
    };
  },
  publishablePublish: (args: Args, { shop, store }: ResolverContext) => {
    const product = shop.products.find((p) => p.id === args.id);
    if (!product)
      return {
        publishable: null,
        shop: { __typename: "Shop" },
        userErrors: [{ field: ["id"], message: "Publishable does not exist" }],
      };
    const input = args.input as { publicationId?: string | null }[];
    if (!input.every((i) => i.publicationId === ONLINE_STORE))
      return {
        publishable: null,
        shop: { __typename: "Shop" },
        userErrors: [{ field: ["input"], message: "Publication does not exist" }],
      };
    store.record({ shop: shop.domain, kind: "product.publish", details: { id: product.id } });
    return { publishable: null, shop: { __typename: "Shop" }, userErrors: [] };
  },
};

import type { ResolverContext } from "./resolvers";
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

export const productQueryResolvers = {
  product: (args: Args, { shop }: ResolverContext) => {
    const product = shop.products.find((p) => p.id === args.id);
    if (!product) return null;
    return {
      __typename: "Product",
      id: product.id,
      title: product.title,
      handle: product.handle,
      tags: product.tags,
      variants: (variantArgs: Args) => {
        const nodes = product.variants.slice(0, Math.min(Number(variantArgs.first ?? 50), 250));
        return {
          __typename: "ProductVariantConnection",
          nodes: nodes.map((v) => ({
            __typename: "ProductVariant",
            id: v.id,
            title: v.title,
            sku: v.sku,
            price: (v.price / 100).toFixed(2),
            inventoryQuantity: v.inventoryQuantity,
            selectedOptions: [
              { __typename: "SelectedOption", name: "Size", value: v.size },
              { __typename: "SelectedOption", name: "Width", value: v.width },
            ],
          })),
          pageInfo: {
            __typename: "PageInfo",
            hasNextPage: product.variants.length > nodes.length,
            endCursor: null,
          },
        };
      },
    };
  },
  publications: () => ({
    __typename: "PublicationConnection",
    nodes: [{ __typename: "Publication", id: ONLINE_STORE, name: "Online Store" }],
  }),
};

export const productMutationResolvers = {
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

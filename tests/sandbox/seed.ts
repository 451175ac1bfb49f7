import type { SandboxProduct, SandboxStore, SandboxShop } from "./store";

// The demo store, from ../shared/store-policies: ALLY's heels in US sizes 4–12 in half sizes and
// four widths, some sizes sold out, a fitting-pair product, a sale, a final-sale and a sample
// style and a gift card (for returns), and shoppers from the US, Canada and the UK (the
// international customers) with and without a confirmed size. Marketplace orders are placed
// with `sourceName: "nordstrom"` (the policy's marketplace channel).

export const DEMO_SHOP = "ally-demo.myshopify.com";

export const SIZES = Array.from({ length: 17 }, (_, i) => String(4 + i / 2));
export const WIDTHS = ["Narrow", "Medium", "Wide", "Extra Wide"] as const;

interface ProductSeed {
  handle: string;
  title: string;
  productType: string;
  tags: string[];
  price: number;
  /** Above `price`: the product is on sale (the Admin API shows it on the variant). */
  compareAtPrice?: number;
  description: string;
  /** Sizes (with any width) that are out of stock: made-to-order territory. */
  soldOut: (size: string, width: string) => boolean;
}

const CATALOGUE: ProductSeed[] = [
  {
    handle: "little-black-heels",
    title: "Little Black Heels",
    productType: "Heels",
    tags: ["classic-pump", "heels-3-inch", "made-to-order"],
    price: 24500,
    description:
      "Our classic pointed-toe pump on a 3-inch stiletto, with a stretchy leather upper and a three-point-support insole.",
    soldOut: (size, width) => width === "Extra Wide" && Number(size) >= 10,
  },
  {
    handle: "five-shades-of-nude",
    title: "Five Shades of Nude",
    productType: "Heels",
    tags: ["classic-pump", "heels-2-inch", "made-to-order"],
    price: 24500,
    description: "The classic pump in five nude shades, 2-inch heel.",
    soldOut: (size) => Number(size) <= 5,
  },
  {
    handle: "pop-of-color",
    title: "Pop of Color",
    productType: "Heels",
    tags: ["classic-pump", "made-to-order"],
    price: 24500,
    description: "The classic pump in seasonal colours.",
    soldOut: (size, width) => width === "Narrow",
  },
  {
    handle: "bridal-heels",
    title: "Bridal Heels",
    productType: "Heels",
    tags: ["made-to-order", "bridal"],
    price: 27500,
    description: "Ivory satin pumps for the big day.",
    soldOut: (size) => Number(size) >= 11,
  },
  {
    handle: "dressy-straps",
    title: "Dressy Straps",
    productType: "Heels",
    tags: ["made-to-order", "straps"],
    price: 26500,
    description: "The same fit as our classic pumps, with an ankle strap.",
    soldOut: () => true,
  },
  // For returns: a sale style (compare-at above price, and the policy's sale tag), a final-sale
  // style, and a sample (app/domain/policy/defaults.ts: saleTags, nonReturnableTags).
  {
    handle: "sunset-slingback",
    title: "Sunset Slingback (sale)",
    productType: "Heels",
    tags: ["sale", "slingback"],
    price: 17150,
    compareAtPrice: 24500,
    description: "Last season's slingback on a 2-inch heel, 30% off.",
    soldOut: () => false,
  },
  {
    handle: "last-call-pump",
    title: "Last Call Pump (final sale)",
    productType: "Heels",
    tags: ["final-sale", "sale"],
    price: 12250,
    compareAtPrice: 24500,
    description: "The classic pump in a discontinued colour, half price: final sale.",
    soldOut: () => false,
  },
  {
    handle: "sample-pump",
    title: "Sample Pump",
    productType: "Heels",
    tags: ["sample"],
    price: 9900,
    description: "A showroom sample of the classic pump: worn at photo shoots, sold as is.",
    soldOut: (size) => size !== "7" && size !== "8",
  },
  {
    handle: "forever-flat",
    title: "The Forever Flat",
    productType: "Flats",
    tags: ["flats", "made-to-order"],
    price: 19500,
    description: "A pointed flat with a 0.6-inch heel and the same comfort as our heels.",
    soldOut: (size) => size.endsWith(".5") && Number(size) > 9,
  },
];

function stockFor(size: string, width: string, seed: ProductSeed): number {
  if (seed.soldOut(size, width)) return 0;
  return 2 + ((Number(size) * 10 + width.length) % 5);
}

function addProduct(store: SandboxStore, shop: SandboxShop, seed: ProductSeed): SandboxProduct {
  const product: SandboxProduct = {
    ...store.gid("Product"),
    handle: seed.handle,
    title: seed.title,
    productType: seed.productType,
    tags: seed.tags,
    description: seed.description,
    variants: SIZES.flatMap((size) =>
      WIDTHS.map((width) => ({
        ...store.gid("ProductVariant"),
        title: `${size} / ${width}`,
        sku: `${seed.handle.toUpperCase()}-${size}-${width.replace(" ", "").toUpperCase()}`,
        price: seed.price,
        compareAtPrice: seed.compareAtPrice ?? null,
        size,
        width,
        inventoryQuantity: stockFor(size, width, seed),
      })),
    ),
  };
  shop.products.push(product);
  return product;
}

export function seedDemoStore(store: SandboxStore, domain = DEMO_SHOP): SandboxShop {
  const shop = store.shops.get(domain) ?? store.addShop(domain, { name: "ALLY Shoes (demo)" });
  shop.products = [];
  shop.customers = [];
  shop.orders = [];
  for (const seed of CATALOGUE) addProduct(store, shop, seed);
  shop.products.push({
    ...store.gid("Product"),
    handle: "fitting-pair",
    title: "Fitting Pair (black) and measurement kit",
    productType: "Fitting pair",
    tags: ["fitting-pair", "final-sale"],
    description:
      "A black fitting pair in the size you ordered, returned with the included label once your fit is confirmed.",
    variants: SIZES.flatMap((size) =>
      WIDTHS.map((width) => ({
        ...store.gid("ProductVariant"),
        title: `${size} / ${width}`,
        sku: `FIT-${size}-${width}`,
        price: 0,
        size,
        width,
        inventoryQuantity: 20,
      })),
    ),
  });
  // A gift card product (isGiftCard): Shopify issues a gift card per unit sold; never returnable.
  shop.products.push({
    ...store.gid("Product"),
    handle: "gift-card",
    title: "ALLY Gift Card",
    productType: "Gift Card",
    tags: ["gift-card"],
    description: "An ALLY gift card, delivered by email.",
    isGiftCard: true,
    variants: [5000, 10000, 20000].map((price) => ({
      ...store.gid("ProductVariant"),
      title: `$${price / 100}`,
      sku: `GIFT-${price / 100}`,
      price,
      size: "",
      width: "",
      inventoryQuantity: 1_000_000,
      inventoryPolicy: "CONTINUE" as const,
      selectedOptions: [{ name: "Denomination", value: `$${price / 100}` }],
    })),
  });
  const customer = (
    email: string,
    firstName: string,
    lastName: string,
    country: string,
    confirmedSize: string | null,
  ) =>
    shop.customers.push({
      ...store.gid("Customer"),
      email,
      firstName,
      lastName,
      country,
      confirmedSize,
    });
  customer("maya@example.com", "Maya", "Chen", "US", "8 / Medium");
  customer("olivia@example.com", "Olivia", "Brooks", "US", null);
  customer("chloe@example.ca", "Chloé", "Tremblay", "CA", null);
  customer("amelia@example.co.uk", "Amelia", "Hughes", "GB", "6.5 / Wide");
  return shop;
}

/**
 * The trial purchase option as the app creates it, on the classic pumps (purchase-options.test.ts
 * covers the creation): for scenarios that start after it exists. Returns its group and plan.
 */
export function addTrialSellingPlanGroup(
  store: SandboxStore,
  shop: SandboxShop,
): { group: string; plan: string } {
  const plan = store.gid("SellingPlan").id;
  const group = store.gid("SellingPlanGroup").id;
  shop.sellingPlanGroups.push({
    id: group,
    name: "Try at home",
    merchantCode: "fitting-room-trial",
    appId: "fitting-room",
    options: ["Home trial"],
    productIds: shop.products.filter((p) => p.tags.includes("classic-pump")).map((p) => p.id),
    productVariantIds: [],
    plans: [
      {
        id: plan,
        name: "Try at home for 7 days",
        category: "TRY_BEFORE_YOU_BUY",
        options: ["7-day home trial"],
        billingPolicy: {
          fixed: {
            remainingBalanceChargeTrigger: "TIME_AFTER_CHECKOUT",
            remainingBalanceChargeTimeAfterCheckout: "P34D",
          },
        },
        deliveryPolicy: { fixed: { fulfillmentTrigger: "ASAP" } },
        inventoryPolicy: { reserve: "ON_SALE" },
        metafields: [{ namespace: "fitting_room", key: "trial", type: "boolean", value: "true" }],
      },
    ],
  });
  return { group, plan };
}

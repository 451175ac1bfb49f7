import type { SandboxSellingPlanGroup, SandboxShop, SellingPlanSeed } from "../store";
import { productNode } from "./products";
import type { ResolverContext } from "./resolvers";

// Selling plan groups (the trial's TRY_BEFORE_YOU_BUY and made-to-order's PRE_ORDER purchase
// options): create, update, attach to products, with the validation Shopify applies to the
// fixed billing policies those categories use.

type Args = Record<string, unknown>;

interface PlanInput {
  id?: string | null;
  name?: string | null;
  category?: string | null;
  options?: string[] | null;
  billingPolicy?: { fixed?: Record<string, unknown> | null; recurring?: unknown } | null;
  deliveryPolicy?: { fixed?: Record<string, unknown> | null; recurring?: unknown } | null;
  inventoryPolicy?: unknown;
  metafields?: { namespace: string; key: string; value: string; type: string }[] | null;
}

interface GroupInput {
  name?: string | null;
  merchantCode?: string | null;
  appId?: string | null;
  options?: string[] | null;
  sellingPlansToCreate?: PlanInput[] | null;
  sellingPlansToUpdate?: PlanInput[] | null;
  sellingPlansToDelete?: string[] | null;
}

interface GroupUserError {
  field: string[];
  message: string;
  code: string;
}

function groupObject(group: SandboxSellingPlanGroup) {
  return {
    __typename: "SellingPlanGroup",
    id: group.id,
    name: group.name,
    merchantCode: group.merchantCode,
    appId: group.appId,
    options: group.options,
    productsCount: { __typename: "Count", count: group.productIds.length, precision: "EXACT" },
    products: () => ({
      __typename: "ProductConnection",
      nodes: group.productIds.map((id) => ({ __typename: "Product", id })),
    }),
    sellingPlans: () => ({
      __typename: "SellingPlanConnection",
      nodes: group.plans.map((plan) => ({
        __typename: "SellingPlan",
        id: plan.id,
        name: plan.name,
        category: plan.category,
        options: plan.options,
      })),
    }),
  };
}

function validatePlan(plan: PlanInput, path: string[], creating: boolean): GroupUserError[] {
  const errors: GroupUserError[] = [];
  if (creating && !plan.name)
    errors.push({ field: [...path, "name"], message: "Name can't be blank", code: "BLANK" });
  if (creating && !plan.billingPolicy)
    errors.push({
      field: [...path, "billingPolicy"],
      message: "Selling plan billing policy must be present",
      code: "SELLING_PLAN_BILLING_POLICY_MISSING",
    });
  if (creating && !plan.deliveryPolicy)
    errors.push({
      field: [...path, "deliveryPolicy"],
      message: "Selling plan delivery policy must be present",
      code: "SELLING_PLAN_DELIVERY_POLICY_MISSING",
    });
  const fixed = plan.billingPolicy?.fixed;
  if (fixed) {
    const trigger = fixed.remainingBalanceChargeTrigger;
    if (trigger === "TIME_AFTER_CHECKOUT") {
      const after = String(fixed.remainingBalanceChargeTimeAfterCheckout ?? "");
      if (!/^P\d+D$/.test(after) || after === "P0D")
        errors.push({
          field: [...path, "billingPolicy", "fixed", "remainingBalanceChargeTimeAfterCheckout"],
          message: "Remaining balance charge time after checkout must be greater than zero",
          code: "REMAINING_BALANCE_CHARGE_TIME_AFTER_CHECKOUT_MUST_BE_GREATER_THAN_ZERO",
        });
    }
    if (trigger === "EXACT_TIME" && !fixed.remainingBalanceChargeExactTime)
      errors.push({
        field: [...path, "billingPolicy", "fixed", "remainingBalanceChargeExactTime"],
        message: "Remaining balance charge exact time is required",
        code: "REMAINING_BALANCE_CHARGE_EXACT_TIME_REQUIRED",
      });
  }
  return errors;
}

function seedFrom(plan: PlanInput, id: string, previous?: SellingPlanSeed): SellingPlanSeed {
  return {
    id,
    name: plan.name ?? previous?.name ?? "",
    category: plan.category ?? previous?.category ?? "OTHER",
    options: plan.options ?? previous?.options ?? [],
    billingPolicy: plan.billingPolicy ?? previous?.billingPolicy ?? null,
    deliveryPolicy: plan.deliveryPolicy ?? previous?.deliveryPolicy ?? null,
    inventoryPolicy: plan.inventoryPolicy ?? previous?.inventoryPolicy ?? null,
    metafields: plan.metafields ?? previous?.metafields ?? [],
  };
}

function unknownProducts(shop: SandboxShop, ids: string[], field: string[]): GroupUserError[] {
  const missing = ids.filter((id) => !shop.products.some((p) => p.id === id));
  return missing.length > 0
    ? [
        {
          field,
          message: `Product does not exist: ${missing.join(", ")}`,
          code: "PRODUCT_DOES_NOT_EXIST",
        },
      ]
    : [];
}

/** Shopify's product search syntax, the part the app uses: `tag:x OR tag:'y z' OR id:123`. */
export function matchesProductQuery(
  product: SandboxShop["products"][number],
  query: string,
): boolean {
  const terms = query
    .split(/\s+OR\s+/i)
    .map((t) => t.trim())
    .filter(Boolean);
  if (terms.length === 0) return true;
  return terms.some((term) => {
    const match = /^(tag|id|handle):(?:'([^']*)'|"([^"]*)"|(\S+))$/.exec(term);
    if (!match) return product.title.toLowerCase().includes(term.toLowerCase());
    const value = match[2] ?? match[3] ?? match[4] ?? "";
    if (match[1] === "tag")
      return product.tags.some((t) => t.toLowerCase() === value.toLowerCase());
    if (match[1] === "id") return product.legacyId === value || product.id === value;
    return product.handle === value;
  });
}

export const sellingPlanQueryResolvers = {
  products: (args: Args, { shop }: ResolverContext) => {
    const all = shop.products.filter((p) => matchesProductQuery(p, String(args.query ?? "")));
    const start = args.after ? Number(Buffer.from(String(args.after), "base64").toString()) : 0;
    const first = Math.min(Number(args.first ?? 50), 250);
    const page = all.slice(start, start + first);
    const end = start + page.length;
    return {
      __typename: "ProductConnection",
      nodes: page.map((p) => productNode(shop, p)),
      pageInfo: {
        __typename: "PageInfo",
        hasNextPage: end < all.length,
        endCursor: end < all.length ? Buffer.from(String(end)).toString("base64") : null,
      },
    };
  },
  sellingPlanGroup: (args: Args, { shop }: ResolverContext) => {
    const group = shop.sellingPlanGroups.find((g) => g.id === args.id);
    return group ? groupObject(group) : null;
  },
};

export const sellingPlanMutationResolvers = {
  sellingPlanGroupCreate: (args: Args, { shop, store }: ResolverContext) => {
    const input = args.input as GroupInput;
    const resources = (args.resources ?? {}) as { productIds?: string[] | null };
    const plans = input.sellingPlansToCreate ?? [];
    const errors = [
      ...(input.name
        ? []
        : [{ field: ["input", "name"], message: "Name can't be blank", code: "BLANK" }]),
      ...(plans.length === 0
        ? [
            {
              field: ["input", "sellingPlansToCreate"],
              message: "Selling plan group must have at least one selling plan",
              code: "SELLING_PLAN_COUNT_LOWER_BOUND",
            },
          ]
        : []),
      ...plans.flatMap((p, i) =>
        validatePlan(p, ["input", "sellingPlansToCreate", String(i)], true),
      ),
      ...unknownProducts(shop, resources.productIds ?? [], ["resources", "productIds"]),
    ];
    if (errors.length > 0) return { sellingPlanGroup: null, userErrors: errors };
    const group: SandboxSellingPlanGroup = {
      id: store.gid("SellingPlanGroup").id,
      name: input.name ?? "",
      merchantCode: input.merchantCode ?? input.name ?? "",
      appId: input.appId ?? null,
      options: input.options ?? [],
      plans: plans.map((p) => seedFrom(p, store.gid("SellingPlan").id)),
      productIds: [...(resources.productIds ?? [])],
      productVariantIds: [],
    };
    shop.sellingPlanGroups.push(group);
    store.record({
      shop: shop.domain,
      kind: "sellingPlanGroup.create",
      details: {
        id: group.id,
        name: group.name,
        categories: group.plans.map((p) => p.category),
        products: group.productIds.length,
      },
    });
    return { sellingPlanGroup: groupObject(group), userErrors: [] };
  },
  sellingPlanGroupUpdate: (args: Args, { shop, store }: ResolverContext) => {
    const group = shop.sellingPlanGroups.find((g) => g.id === args.id);
    if (!group)
      return {
        sellingPlanGroup: null,
        deletedSellingPlanIds: null,
        userErrors: [
          {
            field: ["id"],
            message: "Selling plan group does not exist.",
            code: "GROUP_DOES_NOT_EXIST",
          },
        ],
      };
    const input = args.input as GroupInput;
    const updates = input.sellingPlansToUpdate ?? [];
    const errors = [
      ...(input.sellingPlansToCreate ?? []).flatMap((p, i) =>
        validatePlan(p, ["input", "sellingPlansToCreate", String(i)], true),
      ),
      ...updates.flatMap((p, i) => {
        const path = ["input", "sellingPlansToUpdate", String(i)];
        if (!p.id || !group.plans.some((plan) => plan.id === p.id))
          return [
            {
              field: [...path, "id"],
              message: "Selling plan does not exist.",
              code: "PLAN_DOES_NOT_EXIST",
            },
          ];
        return validatePlan(p, path, false);
      }),
    ];
    if (errors.length > 0)
      return { sellingPlanGroup: null, deletedSellingPlanIds: null, userErrors: errors };
    const deleted = (input.sellingPlansToDelete ?? []).filter((id) =>
      group.plans.some((p) => p.id === id),
    );
    group.name = input.name ?? group.name;
    group.merchantCode = input.merchantCode ?? group.merchantCode;
    group.options = input.options ?? group.options;
    group.plans = group.plans
      .filter((p) => !deleted.includes(p.id))
      .map((p) => {
        const update = updates.find((u) => u.id === p.id);
        return update ? seedFrom(update, p.id, p) : p;
      })
      .concat(
        (input.sellingPlansToCreate ?? []).map((p) => seedFrom(p, store.gid("SellingPlan").id)),
      );
    store.record({
      shop: shop.domain,
      kind: "sellingPlanGroup.update",
      details: { id: group.id, name: group.name, plans: group.plans.length, deleted },
    });
    return { sellingPlanGroup: groupObject(group), deletedSellingPlanIds: deleted, userErrors: [] };
  },
  sellingPlanGroupAddProducts: (args: Args, { shop, store }: ResolverContext) => {
    const group = shop.sellingPlanGroups.find((g) => g.id === args.id);
    const ids = args.productIds as string[];
    const errors = group
      ? unknownProducts(shop, ids, ["productIds"])
      : [
          {
            field: ["id"],
            message: "Selling plan group does not exist.",
            code: "GROUP_DOES_NOT_EXIST",
          },
        ];
    if (!group || errors.length > 0) return { sellingPlanGroup: null, userErrors: errors };
    group.productIds = [...new Set([...group.productIds, ...ids])];
    store.record({
      shop: shop.domain,
      kind: "sellingPlanGroup.addProducts",
      details: { id: group.id, productIds: ids },
    });
    return { sellingPlanGroup: groupObject(group), userErrors: [] };
  },
  sellingPlanGroupRemoveProducts: (args: Args, { shop, store }: ResolverContext) => {
    const group = shop.sellingPlanGroups.find((g) => g.id === args.id);
    if (!group)
      return {
        removedProductIds: null,
        userErrors: [
          {
            field: ["id"],
            message: "Selling plan group does not exist.",
            code: "GROUP_DOES_NOT_EXIST",
          },
        ],
      };
    const ids = (args.productIds as string[]).filter((id) => group.productIds.includes(id));
    group.productIds = group.productIds.filter((id) => !ids.includes(id));
    store.record({
      shop: shop.domain,
      kind: "sellingPlanGroup.removeProducts",
      details: { id: group.id, productIds: ids },
    });
    return { removedProductIds: ids, userErrors: [] };
  },
};

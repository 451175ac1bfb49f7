import crypto from "node:crypto";
import type { Shop } from "@prisma/client";
import type { SellingPlanInput } from "~/types/admin.types";
import prisma from "~/db.server";
import {
  PRODUCTS_BY_QUERY,
  SELLING_PLAN_GROUP_ADD_PRODUCTS,
  SELLING_PLAN_GROUP_CREATE,
  SELLING_PLAN_GROUP_QUERY,
  SELLING_PLAN_GROUP_REMOVE_PRODUCTS,
  SELLING_PLAN_GROUP_UPDATE,
} from "~/graphql/selling-plans";
import { TerminalJobError } from "~/platform/jobs/errors.server";
import {
  adminRequest,
  assertNoUserErrors,
  type AdminGraphql,
  type OperationData,
} from "~/platform/admin/client.server";

// A policy's purchase option on Shopify: one selling plan group with one plan, on the products
// the policy makes eligible, created once and kept in line with the policy (the plan updated when
// it changed, products added and removed). The trial's TRY_BEFORE_YOU_BUY option and
// made-to-order's PRE_ORDER option are two specs of this.

/** Shopify search for the products a policy makes eligible (ids and tags). */
export function eligibleProductQuery(policy: {
  eligibleProductIds?: readonly string[];
  eligibleProductTags: readonly string[];
}): string | null {
  const terms = [
    ...(policy.eligibleProductIds ?? []).map((gid) => `id:${gid.split("/").pop()}`),
    ...policy.eligibleProductTags.map((tag) => `tag:'${tag.replace(/'/g, "")}'`),
  ];
  return terms.length > 0 ? terms.join(" OR ") : null;
}

async function productIdsMatching(graphql: AdminGraphql, query: string | null): Promise<string[]> {
  if (!query) return [];
  const ids: string[] = [];
  let after: string | null = null;
  do {
    const { products }: OperationData<typeof PRODUCTS_BY_QUERY> = await adminRequest(
      graphql,
      PRODUCTS_BY_QUERY,
      { query, after },
    );
    ids.push(...products.nodes.map((n) => n.id));
    after = products.pageInfo.hasNextPage ? (products.pageInfo.endCursor ?? null) : null;
  } while (after);
  return ids;
}

function planDigest(plan: unknown): string {
  return crypto.createHash("sha256").update(JSON.stringify(plan)).digest("hex");
}

export interface PurchaseOptionSync {
  groupGid: string;
  planGid: string;
  added: number;
  removed: number;
}

type ShopColumn = { [K in keyof Shop]: Shop[K] extends string | null ? K : never }[keyof Shop];

/** Where a purchase option keeps its Shopify ids and its last-synced plan on the shop row. */
export interface SellingPlanColumns {
  group: ShopColumn;
  plan: ShopColumn;
  digest: ShopColumn;
}

export interface SellingPlanGroupSpec {
  columns: SellingPlanColumns;
  enabled: boolean;
  productQuery: string | null;
  plan: SellingPlanInput;
  name: string;
  merchantCode: string;
  /** Liquid's selling_plan_group.app_id: how each theme block finds its own group. */
  appId: string;
  options: string[];
}

export async function syncSellingPlanGroup(
  shop: string,
  spec: SellingPlanGroupSpec,
  graphql: AdminGraphql,
): Promise<PurchaseOptionSync | null> {
  const shopRow = await prisma.shop.findUnique({ where: { domain: shop } });
  if (!shopRow) throw new TerminalJobError(`shop ${shop} is not installed`);
  const existingGroup = shopRow[spec.columns.group];
  if (!spec.enabled && !existingGroup) return null;
  const wanted = spec.enabled ? await productIdsMatching(graphql, spec.productQuery) : [];
  const plan = spec.plan;

  if (!existingGroup) {
    const data = await adminRequest(graphql, SELLING_PLAN_GROUP_CREATE, {
      input: {
        name: spec.name,
        merchantCode: spec.merchantCode,
        appId: spec.appId,
        options: spec.options,
        sellingPlansToCreate: [plan],
      },
      resources: { productIds: wanted },
    });
    const result = data.sellingPlanGroupCreate;
    assertNoUserErrors("sellingPlanGroupCreate", result?.userErrors);
    const group = result?.sellingPlanGroup;
    const planGid = group?.sellingPlans.nodes[0]?.id;
    if (!group || !planGid) throw new TerminalJobError("sellingPlanGroupCreate returned no plan");
    await prisma.shop.update({
      where: { domain: shop },
      data: {
        [spec.columns.group]: group.id,
        [spec.columns.plan]: planGid,
        [spec.columns.digest]: planDigest(plan),
      },
    });
    return { groupGid: group.id, planGid, added: wanted.length, removed: 0 };
  }

  const groupGid = existingGroup;
  const current = await adminRequest(graphql, SELLING_PLAN_GROUP_QUERY, { id: groupGid });
  const group = current.sellingPlanGroup;
  if (!group) throw new TerminalJobError(`selling plan group ${groupGid} no longer exists`);
  const planGid = shopRow[spec.columns.plan] ?? group.sellingPlans.nodes[0]?.id;
  if (!planGid) throw new TerminalJobError(`selling plan group ${groupGid} has no plan`);
  const digest = planDigest(plan);
  if (shopRow[spec.columns.digest] !== digest) {
    const update = await adminRequest(graphql, SELLING_PLAN_GROUP_UPDATE, {
      id: groupGid,
      input: { sellingPlansToUpdate: [{ id: planGid, ...plan }] },
    });
    assertNoUserErrors("sellingPlanGroupUpdate", update.sellingPlanGroupUpdate?.userErrors);
  }
  const attached = new Set(group.products.nodes.map((n) => n.id));
  const add = wanted.filter((id) => !attached.has(id));
  const remove = [...attached].filter((id) => !wanted.includes(id));
  for (let i = 0; i < add.length; i += 250) {
    const data = await adminRequest(graphql, SELLING_PLAN_GROUP_ADD_PRODUCTS, {
      id: groupGid,
      productIds: add.slice(i, i + 250),
    });
    assertNoUserErrors("sellingPlanGroupAddProducts", data.sellingPlanGroupAddProducts?.userErrors);
  }
  for (let i = 0; i < remove.length; i += 250) {
    const data = await adminRequest(graphql, SELLING_PLAN_GROUP_REMOVE_PRODUCTS, {
      id: groupGid,
      productIds: remove.slice(i, i + 250),
    });
    assertNoUserErrors(
      "sellingPlanGroupRemoveProducts",
      data.sellingPlanGroupRemoveProducts?.userErrors,
    );
  }
  await prisma.shop.update({
    where: { domain: shop },
    data: { [spec.columns.plan]: planGid, [spec.columns.digest]: digest },
  });
  return { groupGid, planGid, added: add.length, removed: remove.length };
}

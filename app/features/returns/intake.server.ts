import type { Prisma } from "@prisma/client";
import prisma from "~/db.server";
import {
  customerNameOf,
  lineSellingPlanGid,
  orderLineOf,
  type OrderLinePayload,
  type OrderPayload,
} from "~/domain/orders";
import { parseMoneyInput } from "~/domain/money";
import { now } from "~/platform/clock.server";
import { isUniqueViolation } from "~/platform/db-errors.server";
import { enqueue } from "~/platform/jobs/queue.server";
import { withBusyRetry } from "~/platform/sqlite-busy.server";
import { getCurrentPolicy } from "~/services/policy.server";
import { returnTerms } from "./domain/terms";

// orders/create: every order is snapshotted as the returns policy will read it — its lines at the
// price paid, the purchase option each was bought on, and the return terms of the policy in force
// now. What the webhook does not carry (tags, product type, compare-at price, fulfillment lines)
// is read by the snapshot job (snapshot.server.ts) right after.

export const RETURNS_SNAPSHOT_JOB = "returns.snapshot";

function minor(text: string | undefined, currency: string): number {
  const parsed = parseMoneyInput(text ?? "0", currency);
  return parsed.ok ? parsed.amount : 0;
}

/** Two different sizes for one pair (made to order with a size per foot): custom final sale. */
export function hasTwoSizes(properties: OrderLinePayload["properties"]): boolean {
  const value = (side: RegExp) =>
    (properties ?? []).find((p) => side.test(p.name ?? "") && /size/i.test(p.name ?? ""))?.value;
  const left = value(/left/i);
  const right = value(/right/i);
  return left != null && right != null && String(left).trim() !== String(right).trim();
}

export function purchaseOptionOf(
  line: OrderLinePayload,
  plans: { trial: string | null; mto: string | null },
): "trial" | "made_to_order" | null {
  const plan = lineSellingPlanGid(line);
  if (plan && plan === plans.trial) return "trial";
  if (plan && plan === plans.mto) return "made_to_order";
  return null;
}

export function snapshotLineData(
  line: OrderLinePayload,
  currency: string,
  plans: { trial: string | null; mto: string | null },
): Omit<Prisma.ReturnOrderLineCreateManyOrderInput, "id"> {
  const base = orderLineOf(line, currency);
  const discount = (line.discount_allocations ?? []).reduce(
    (s, d) => s + minor(d.amount, currency),
    0,
  );
  return {
    lineItemGid: base.lineItemGid,
    productGid: base.productGid,
    variantGid: base.variantGid,
    title: base.title ?? "Item",
    variantTitle: base.variantTitle,
    quantity: base.quantity,
    unitPriceMinor: base.unitPriceMinor,
    paidTotalMinor: Math.max(0, base.unitPriceMinor * base.quantity - discount),
    lineDiscounted: false,
    giftCard: line.gift_card === true,
    purchaseOption: purchaseOptionOf(line, plans),
    customFinalSale: hasTwoSizes(line.properties),
  };
}

export async function openReturnOrder(shop: string, order: OrderPayload, deliveryId: string) {
  const orderGid = order.admin_graphql_api_id;
  if (!orderGid) return null;
  const existing = await prisma.returnOrder.findUnique({
    where: { shop_orderGid: { shop, orderGid } },
  });
  if (existing) return existing;
  const [policy, shopRow] = await Promise.all([
    getCurrentPolicy(shop),
    prisma.shop.findUnique({ where: { domain: shop } }),
  ]);
  const currency = order.currency ?? shopRow?.currencyCode ?? "USD";
  const plans = {
    trial: shopRow?.trialSellingPlanGid ?? null,
    mto: shopRow?.mtoSellingPlanGid ?? null,
  };
  const lines = (order.line_items ?? []).filter((l) => l.admin_graphql_api_id);
  try {
    return await withBusyRetry(() =>
      prisma.$transaction(async (tx) => {
        const created = await tx.returnOrder.create({
          data: {
            shop,
            orderGid,
            orderName: order.name ?? orderGid,
            customerGid: order.customer?.admin_graphql_api_id ?? null,
            customerEmail: (order.email ?? order.customer?.email ?? null)?.toLowerCase() ?? null,
            customerName: customerNameOf(order),
            sourceName: order.source_name ?? null,
            shippingCountry: order.shipping_address?.country_code ?? null,
            currencyCode: currency,
            policyVersion: policy.version,
            terms: JSON.stringify(returnTerms(policy.document, policy.version)),
            placedAt: new Date(order.created_at ?? now()),
            lines: { create: lines.map((l) => snapshotLineData(l, currency, plans)) },
          },
        });
        await enqueue(
          {
            type: RETURNS_SNAPSHOT_JOB,
            shop,
            payload: { orderGid },
            idempotencyKey: `returns:snapshot:${orderGid}:${deliveryId}`,
          },
          tx,
        );
        return created;
      }),
    );
  } catch (error) {
    // A duplicate delivery of the same order raced this one: the snapshot exists once.
    if (!isUniqueViolation(error)) throw error;
    return prisma.returnOrder.findUnique({ where: { shop_orderGid: { shop, orderGid } } });
  }
}

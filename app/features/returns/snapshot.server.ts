import prisma from "~/db.server";
import { withBusyRetry } from "~/platform/sqlite-busy.server";
import { parseMoneyInput } from "~/domain/money";
import {
  adminRequest,
  type AdminGraphql,
  type OperationData,
} from "~/platform/admin/client.server";
import { now } from "~/platform/clock.server";
import { scheduleKeptCheck } from "./kept-purchases.server";
import { isUniqueViolation } from "~/platform/db-errors.server";
import { getCurrentPolicy } from "~/services/policy.server";
import { returnTerms } from "./domain/terms";
import { RETURNS_ORDER_SNAPSHOT_QUERY } from "./order-graphql";

// The order's facts the returns policy needs and Shopify's order webhook lacks — product tags and
// type, compare-at price, gift card, purchase option, the fulfillment line each line shipped on
// and when it was delivered — read once from the Admin API just after the order, and again when
// a return names a line the snapshot does not know (a fitting pair or an exchange added later).
// An order placed before the app ran is snapshotted on first use, under today's terms.

type Order = NonNullable<OperationData<typeof RETURNS_ORDER_SNAPSHOT_QUERY>["order"]>;

const FITTING_PAIR_TAG = "fitting-pair";

function minor(amount: string | undefined, currency: string): number {
  const parsed = parseMoneyInput(amount ?? "0", currency);
  return parsed.ok ? parsed.amount : 0;
}

async function ensureOrder(shop: string, order: Order) {
  const existing = await prisma.returnOrder.findUnique({
    where: { shop_orderGid: { shop, orderGid: order.id } },
    include: { lines: true },
  });
  if (existing) return existing;
  const policy = await getCurrentPolicy(shop);
  try {
    return await prisma.returnOrder.create({
      data: {
        shop,
        orderGid: order.id,
        orderName: order.name,
        customerGid: order.customer?.id ?? null,
        customerEmail: order.email?.toLowerCase() ?? null,
        customerName: order.customer?.displayName ?? null,
        sourceName: order.sourceName ?? null,
        shippingCountry: order.shippingAddress?.countryCodeV2 ?? null,
        currencyCode: order.currencyCode,
        policyVersion: policy.version,
        terms: JSON.stringify(returnTerms(policy.document, policy.version)),
        placedAt: new Date(order.createdAt as string),
      },
      include: { lines: true },
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return prisma.returnOrder.findUniqueOrThrow({
      where: { shop_orderGid: { shop, orderGid: order.id } },
      include: { lines: true },
    });
  }
}

/** Reads the order from Shopify and brings its snapshot up to date; returns the snapshot. */
export async function snapshotOrder(shop: string, orderGid: string, graphql: AdminGraphql) {
  const { order } = await adminRequest(graphql, RETURNS_ORDER_SNAPSHOT_QUERY, { id: orderGid });
  if (!order) return null;
  const snapshot = await ensureOrder(shop, order);
  const shopRow = await prisma.shop.findUnique({ where: { domain: shop } });
  const currency = order.currencyCode;
  const shipped = new Map<
    string,
    { fulfillmentGid: string; lineGid: string; deliveredAt: Date | null }
  >();
  for (const f of order.fulfillments)
    for (const fl of f.fulfillmentLineItems.nodes)
      if (!shipped.has(fl.lineItem.id))
        shipped.set(fl.lineItem.id, {
          fulfillmentGid: f.id,
          lineGid: fl.id,
          deliveredAt: f.deliveredAt ? new Date(f.deliveredAt as string) : null,
        });
  await withBusyRetry(() =>
    prisma.$transaction(async (tx) => {
      for (const line of order.lineItems.nodes) {
        const known = snapshot.lines.find((l) => l.lineItemGid === line.id);
        const tags = line.product?.tags ?? [];
        const unit = minor(line.originalUnitPriceSet.shopMoney.amount, currency);
        const plan = line.sellingPlan?.sellingPlanId ?? null;
        const ship = shipped.get(line.id);
        const facts = {
          unitPriceMinor: unit,
          // What was paid for the line: its price less every discount (order codes included).
          paidTotalMinor: Math.max(
            0,
            minor(line.originalTotalSet.shopMoney.amount, currency) -
              minor(line.totalDiscountSet.shopMoney.amount, currency),
          ),
          tags: JSON.stringify(tags),
          productType: line.product?.productType || null,
          compareAtMinor: line.variant?.compareAtPrice
            ? minor(String(line.variant.compareAtPrice), currency)
            : null,
          giftCard: line.isGiftCard,
          lineDiscounted: minor(line.discountedUnitPriceSet.shopMoney.amount, currency) < unit,
          // Two sizes for one pair come from the order's line properties (orders/create, intake).
          customFinalSale: known?.customFinalSale ?? false,
          ...(ship
            ? { fulfillmentGid: ship.fulfillmentGid, fulfillmentLineItemGid: ship.lineGid }
            : {}),
          // A delivery the webhooks reported first is kept: it is the carrier's own scan.
          ...(ship?.deliveredAt && !known?.deliveredAt ? { deliveredAt: ship.deliveredAt } : {}),
          purchaseOption:
            plan && plan === shopRow?.trialSellingPlanGid
              ? "trial"
              : plan && plan === shopRow?.mtoSellingPlanGid
                ? "made_to_order"
                : tags.some((t) => t.toLowerCase() === FITTING_PAIR_TAG)
                  ? "fitting_pair"
                  : (known?.purchaseOption ?? null),
        };
        if (known) {
          await tx.returnOrderLine.update({ where: { id: known.id }, data: facts });
          continue;
        }
        await tx.returnOrderLine.create({
          data: {
            orderId: snapshot.id,
            lineItemGid: line.id,
            productGid: line.product?.id ?? null,
            variantGid: line.variant?.id ?? null,
            title: line.title,
            variantTitle: line.variantTitle ?? null,
            quantity: line.quantity,
            ...facts,
          },
        });
      }
      await tx.returnOrder.update({ where: { id: snapshot.id }, data: { snapshotAt: now() } });
    }),
  );
  const read = await prisma.returnOrder.findUniqueOrThrow({
    where: { id: snapshot.id },
    include: { lines: true },
  });
  // Deliveries Shopify reported before the webhooks did: their windows' kept checks.
  for (const line of read.lines)
    if (line.deliveredAt && line.fulfillmentGid)
      await scheduleKeptCheck(shop, read, line.fulfillmentGid, line.deliveredAt);
  return read;
}

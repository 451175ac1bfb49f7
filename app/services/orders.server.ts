import prisma from "~/db.server";
import { parseMoneyInput } from "~/domain/money";
import { now } from "~/platform/clock.server";
import { isUniqueViolation } from "~/platform/db-errors.server";
import { customerNameOf, type OrderPayload } from "~/domain/orders";

// The app's mirror of the orders it is told about, and each order's timeline. Every later policy
// reads these instead of asking Shopify again, and redaction has one place to erase.

function minor(text: string | undefined, currency: string): number {
  if (!text) return 0;
  const parsed = parseMoneyInput(text, currency);
  return parsed.ok ? parsed.amount : 0;
}

function date(text: string | null | undefined): Date | null {
  if (!text) return null;
  const d = new Date(text);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** Upserts the order summary unless a newer version of the order was already recorded. */
export async function recordOrder(shop: string, order: OrderPayload): Promise<string | null> {
  const orderGid = order.admin_graphql_api_id;
  if (!orderGid) return null;
  const currency = order.currency ?? "USD";
  const updatedAt = date(order.updated_at);
  const customerName = customerNameOf(order);
  const summary = {
    name: order.name ?? orderGid,
    customerGid: order.customer?.admin_graphql_api_id ?? null,
    email: order.email ?? order.contact_email ?? order.customer?.email ?? null,
    customerName,
    currencyCode: currency,
    totalMinor: minor(order.total_price, currency),
    outstandingMinor: minor(order.total_outstanding, currency),
    financialStatus: order.financial_status ?? null,
    fulfillmentStatus: order.fulfillment_status ?? null,
    shippingCountry: order.shipping_address?.country_code ?? null,
    sourceName: order.source_name ?? null,
    cancelledAt: date(order.cancelled_at),
    processedAt: date(order.processed_at) ?? date(order.created_at) ?? now(),
    shopifyUpdatedAt: updatedAt,
  };
  const existing = await prisma.shopOrder.findUnique({
    where: { shop_orderGid: { shop, orderGid } },
  });
  if (!existing) {
    try {
      await prisma.shopOrder.create({ data: { shop, orderGid, ...summary } });
      return orderGid;
    } catch (error) {
      // Lost a race with a concurrent delivery of the same order: fall through to the update.
      if (!isUniqueViolation(error)) throw error;
    }
  }
  // Deliveries arrive out of order: an older snapshot must not overwrite a newer one.
  await prisma.shopOrder.updateMany({
    where: {
      shop,
      orderGid,
      ...(updatedAt
        ? { OR: [{ shopifyUpdatedAt: null }, { shopifyUpdatedAt: { lte: updatedAt } }] }
        : {}),
    },
    data: summary,
  });
  return orderGid;
}

export interface OrderEventInput {
  shop: string;
  orderGid: string;
  kind: string;
  subjectGid?: string | null;
  occurredAt: Date;
  deliveryId: string;
  data: unknown;
}

/** One timeline entry per (delivery, kind, subject): reprocessing a delivery adds nothing. */
export async function recordOrderEvent(input: OrderEventInput): Promise<void> {
  const subjectGid = input.subjectGid ?? "";
  await prisma.orderEvent.upsert({
    where: {
      deliveryId_kind_subjectGid: { deliveryId: input.deliveryId, kind: input.kind, subjectGid },
    },
    create: { ...input, subjectGid, data: JSON.stringify(input.data ?? {}) },
    update: {},
  });
}

export async function orderTimeline(shop: string, orderGid: string) {
  return prisma.orderEvent.findMany({ where: { shop, orderGid }, orderBy: { occurredAt: "asc" } });
}

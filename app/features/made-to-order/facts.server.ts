import type { MtoCase, Prisma } from "@prisma/client";
import prisma from "~/db.server";
import {
  lineSellingPlanGid,
  type OrderLinePayload,
  type OrderPayload,
} from "~/services/orders.server";
import { parseMoneyInput } from "~/domain/money";
import { enqueue } from "~/platform/jobs/queue.server";
import { now } from "~/platform/clock.server";
import { isUniqueViolation } from "~/platform/db-errors.server";
import { withBusyRetry } from "~/platform/sqlite-busy.server";
import { promiseFor } from "./promise.server";

// Made-to-order facts, as webhooks, the shopper and the merchant report them. Each fact is written
// once (duplicate and reordered deliveries change nothing twice); then the case's job is asked to
// act on it (app/services/mto-advance.server.ts).

type Db = Prisma.TransactionClient | typeof prisma;

export async function addMtoEvent(
  db: Db,
  c: Pick<MtoCase, "id" | "shop">,
  event: { kind: string; message: string; dedupeKey: string; occurredAt?: Date; data?: unknown },
) {
  await db.mtoEvent.upsert({
    where: { caseId_dedupeKey: { caseId: c.id, dedupeKey: event.dedupeKey } },
    create: {
      caseId: c.id,
      shop: c.shop,
      kind: event.kind,
      message: event.message,
      dedupeKey: event.dedupeKey,
      occurredAt: event.occurredAt ?? now(),
      data: JSON.stringify(event.data ?? {}),
    },
    update: {},
  });
}

/** Asks the case's job to look again, once per reason. */
export async function advanceMtoSoon(
  c: Pick<MtoCase, "id" | "shop">,
  reason: string,
  db: Db = prisma,
) {
  await enqueue(
    {
      type: "mto.advance",
      shop: c.shop,
      payload: { caseId: c.id },
      idempotencyKey: `mto:${c.id}:advance:${reason}`,
    },
    db,
  );
}

/** orders/create: each line bought on the made-to-order option becomes a case. */
export async function openMtoCasesFromOrder(shop: string, order: OrderPayload, deliveryId: string) {
  const orderGid = order.admin_graphql_api_id;
  if (!orderGid) return [];
  const shopRow = await prisma.shop.findUnique({ where: { domain: shop } });
  const planGid = shopRow?.mtoSellingPlanGid;
  const lines = (order.line_items ?? []).filter(
    (l) => planGid && lineSellingPlanGid(l) === planGid && l.admin_graphql_api_id,
  );
  const opened: MtoCase[] = [];
  for (const line of lines) {
    const found = await openCase(shop, order, line, deliveryId);
    if (found) opened.push(found);
  }
  if (opened.length > 0) await replayCancellation(shop, orderGid);
  return opened;
}

async function openCase(
  shop: string,
  order: OrderPayload,
  line: OrderLinePayload,
  deliveryId: string,
) {
  const orderGid = order.admin_graphql_api_id as string;
  const lineItemGid = line.admin_graphql_api_id as string;
  const existing = await prisma.mtoCase.findUnique({
    where: { shop_originalLineItemGid: { shop, originalLineItemGid: lineItemGid } },
  });
  if (existing) return existing;
  const customerGid = order.customer?.admin_graphql_api_id ?? null;
  const orderedAt = new Date(order.created_at ?? now());
  const { promise, terms, policyVersion, fit } = await promiseFor({
    shop,
    customerGid,
    variantTitle: line.variant_title ?? null,
    country: order.shipping_address?.country_code ?? null,
    orderedAt,
  });
  const currency = order.currency ?? "USD";
  const price = parseMoneyInput(line.price ?? "0", currency);
  try {
    return await withBusyRetry(() =>
      prisma.$transaction(async (tx) => {
        const created = await tx.mtoCase.create({
          data: {
            shop,
            orderGid,
            orderName: order.name ?? orderGid,
            originalLineItemGid: lineItemGid,
            lineItemGid,
            productGid: line.product_id ? `gid://shopify/Product/${String(line.product_id)}` : null,
            variantGid: line.variant_id
              ? `gid://shopify/ProductVariant/${String(line.variant_id)}`
              : null,
            title: line.title ?? "Made-to-order pair",
            variantTitle: line.variant_title ?? null,
            size: fit.size,
            width: fit.width,
            unitPriceMinor: price.ok ? price.amount : 0,
            currencyCode: currency,
            customerGid,
            customerEmail: order.email ?? null,
            customerName:
              [order.customer?.first_name, order.customer?.last_name].filter(Boolean).join(" ") ||
              null,
            path: promise.path,
            policyVersion,
            terms: JSON.stringify(terms),
            orderedAt,
            promisedShipDate: promise.shipDate,
            expectedConfirmationDate: promise.expectedConfirmationDate,
            scheduledShipDate: promise.path === "confirmed_size" ? promise.shipDate : null,
            status: promise.path === "confirmed_size" ? "in_production" : "fitting_pair_to_ship",
          },
        });
        const override = promise.override
          ? ` (${promise.override.name}: +${promise.override.extraDays} days)`
          : "";
        await addMtoEvent(tx, created, {
          kind: "order.created",
          message:
            promise.path === "confirmed_size"
              ? `Ordered in the confirmed size ${line.variant_title ?? ""}: ships ${promise.shipDate}${override} (policy v${policyVersion})`
              : `Ordered ${line.variant_title ?? ""} made to order: fitting pair first, ships about ${promise.shipDate} if the fit is confirmed by ${promise.expectedConfirmationDate}${override} (policy v${policyVersion})`,
          dedupeKey: `order:${deliveryId}`,
          occurredAt: orderedAt,
        });
        await advanceMtoSoon(created, "opened", tx);
        return created;
      }),
    );
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return prisma.mtoCase.findUnique({
      where: { shop_originalLineItemGid: { shop, originalLineItemGid: lineItemGid } },
    });
  }
}

/** An orders/cancelled processed before orders/create is on the order's timeline already. */
async function replayCancellation(shop: string, orderGid: string) {
  const cancelled = await prisma.orderEvent.findFirst({
    where: { shop, orderGid, kind: "order.cancelled" },
    orderBy: { occurredAt: "asc" },
  });
  if (cancelled) await recordMtoCancelled(shop, orderGid, cancelled.occurredAt);
}

export async function recordMtoCancelled(shop: string, orderGid: string, at: Date) {
  const cases = await prisma.mtoCase.findMany({ where: { shop, orderGid, cancelledAt: null } });
  for (const c of cases)
    await recordMtoFact(
      c,
      { cancelledAt: at },
      {
        kind: "order.cancelled",
        message: "Order cancelled: made-to-order stopped",
        dedupeKey: "cancelled",
        occurredAt: at,
      },
      { cancelledAt: null },
    );
}

/**
 * fulfillments/create: the fitting pair left (the fitting is under way) or the made-to-order pair
 * itself shipped (the case is done).
 */
export async function recordMtoFulfilment(
  shop: string,
  orderGid: string,
  fulfillmentGid: string,
  lineItemGids: string[],
  at: Date,
) {
  const cases = await prisma.mtoCase.findMany({ where: { shop, orderGid } });
  for (const c of cases) {
    if (
      c.fittingPairLineItemGid &&
      lineItemGids.includes(c.fittingPairLineItemGid) &&
      !c.fittingPairShippedAt
    )
      await recordMtoFact(
        c,
        { fittingPairShippedAt: at, fittingPairFulfillmentGid: fulfillmentGid },
        {
          kind: "fitting_pair.shipped",
          message: "Fitting pair and measurement kit shipped",
          dedupeKey: `fitting-shipped:${fulfillmentGid}`,
          occurredAt: at,
        },
      );
    if (lineItemGids.includes(c.lineItemGid) && !c.shippedAt)
      await recordMtoFact(
        c,
        { shippedAt: at },
        {
          kind: "shipped",
          message: "Made-to-order pair shipped",
          dedupeKey: `shipped:${fulfillmentGid}`,
          occurredAt: at,
        },
      );
  }
}

/** A delivery scan for the fitting pair's fulfillment starts the shopper's fitting clock. */
export async function recordMtoDelivery(
  shop: string,
  orderGid: string,
  fulfillmentGid: string,
  at: Date,
) {
  const cases = await prisma.mtoCase.findMany({
    where: {
      shop,
      orderGid,
      fittingPairFulfillmentGid: fulfillmentGid,
      fittingPairDeliveredAt: null,
    },
  });
  for (const c of cases)
    await recordMtoFact(
      c,
      { fittingPairDeliveredAt: at },
      {
        kind: "fitting_pair.delivered",
        message: "Fitting pair delivered: waiting for the shopper to confirm the size",
        dedupeKey: `fitting-delivered:${fulfillmentGid}`,
        occurredAt: at,
      },
    );
}

/** A processed return holding the fitting pair closes the fitting. */
export async function recordMtoReturn(
  shop: string,
  orderGid: string,
  lineItemGids: string[],
  at: Date,
  returnGid: string,
) {
  const cases = await prisma.mtoCase.findMany({
    where: { shop, orderGid, fittingPairReturnedAt: null },
  });
  for (const c of cases)
    if (c.fittingPairLineItemGid && lineItemGids.includes(c.fittingPairLineItemGid))
      await recordMtoFact(
        c,
        { fittingPairReturnedAt: at },
        {
          kind: "fitting_pair.returned",
          message: "Fitting pair returned",
          dedupeKey: `fitting-returned:${returnGid}`,
          occurredAt: at,
        },
      );
}

/**
 * One fact on a case, its timeline entry and a look by the job: together or not at all. With
 * `onlyIf`, a fact already recorded (a second cancel) is not written again.
 */
export async function recordMtoFact(
  c: Pick<MtoCase, "id" | "shop">,
  data: Prisma.MtoCaseUpdateManyMutationInput,
  event: { kind: string; message: string; dedupeKey: string; occurredAt?: Date; data?: unknown },
  onlyIf: Prisma.MtoCaseWhereInput = {},
) {
  await prisma.$transaction(async (tx) => {
    await tx.mtoCase.updateMany({ where: { ...onlyIf, id: c.id }, data });
    await addMtoEvent(tx, c, event);
    await advanceMtoSoon(c, event.dedupeKey, tx);
  });
}

import type { MtoCase } from "@prisma/client";
import prisma from "~/db.server";
import {
  customerNameOf,
  lineSellingPlanGid,
  orderLineOf,
  type OrderLinePayload,
  type OrderPayload,
} from "~/domain/orders";
import { now } from "~/platform/clock.server";
import { isUniqueViolation } from "~/platform/db-errors.server";
import { withBusyRetry } from "~/platform/sqlite-busy.server";
import { addMtoEvent, advanceMtoSoon } from "./case.server";
import { recordMtoCancelled } from "./facts.server";
import { promiseFor } from "./promise.server";

// orders/create: each line bought on the made-to-order option becomes a case, with the promise
// the product page showed (the same computation, the same inputs) and the terms of the policy
// in force at that moment.

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
  const orderLine = orderLineOf(line, currency);
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
            productGid: orderLine.productGid,
            variantGid: orderLine.variantGid,
            title: orderLine.title ?? "Made-to-order pair",
            variantTitle: orderLine.variantTitle,
            size: fit.size,
            width: fit.width,
            unitPriceMinor: orderLine.unitPriceMinor,
            currencyCode: currency,
            customerGid,
            customerEmail: order.email ?? null,
            customerName: customerNameOf(order),
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

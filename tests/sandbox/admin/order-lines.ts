import { lineDiscountFor, remainingQuantity } from "../payments";
import type { SandboxFulfillment, SandboxLineItem, SandboxOrder, SandboxShop } from "../store";
import { moneyBag, moneyV2 } from "./money";
import { productNode, variantNode } from "./products";

// An order's line items and fulfillments as the Admin API shows them: prices before and after
// discounts (the order's code allocated by value, an exchange line's own discount), the product
// and variant as they are today (tags, type, compare-at price: the line itself keeps none of
// them), and the fulfillment line items a return names.

type Args = Record<string, unknown>;

const FULFILLMENT_DISPLAY: Record<string, string> = {
  confirmed: "CONFIRMED",
  label_printed: "LABEL_PRINTED",
  in_transit: "IN_TRANSIT",
  out_for_delivery: "OUT_FOR_DELIVERY",
  attempted_delivery: "ATTEMPTED_DELIVERY",
  delivered: "DELIVERED",
  failure: "FAILURE",
};

function discountAllocations(order: SandboxOrder, line: SandboxLineItem) {
  const out = [];
  if (line.discountAllocated && order.discountCode)
    out.push({
      __typename: "DiscountAllocation",
      allocatedAmountSet: moneyBag(line.discountAllocated, order.currency),
      discountApplication: {
        __typename: "DiscountCodeApplication",
        code: order.discountCode,
        index: 0,
        allocationMethod: "ACROSS",
        targetSelection: "ALL",
        targetType: "LINE_ITEM",
        value: moneyV2(order.discountMinor, order.currency),
      },
    });
  if (line.lineDiscount)
    out.push({
      __typename: "DiscountAllocation",
      allocatedAmountSet: moneyBag(line.lineDiscount, order.currency),
      discountApplication: {
        __typename: "ManualDiscountApplication",
        title: line.lineDiscountDescription ?? "Exchange discount",
        description: line.lineDiscountDescription ?? null,
        index: 1,
        allocationMethod: "EACH",
        targetSelection: "EXPLICIT",
        targetType: "LINE_ITEM",
        value: moneyV2(line.lineDiscount, order.currency),
      },
    });
  return out;
}

export function lineItemObject(shop: SandboxShop, order: SandboxOrder, line: SandboxLineItem) {
  const product = shop.products.find((p) => p.id === line.productId);
  const variant = product?.variants.find((v) => v.id === line.variantId);
  const current = remainingQuantity(order, line);
  const own = line.lineDiscount ?? 0;
  const money = (minor: number) => moneyBag(minor, order.currency);
  return {
    __typename: "LineItem",
    id: line.id,
    title: line.title,
    name: line.variantTitle ? `${line.title} - ${line.variantTitle}` : line.title,
    variantTitle: line.variantTitle,
    sku: line.sku,
    quantity: line.quantity,
    currentQuantity: current,
    refundableQuantity: current,
    isGiftCard: line.isGiftCard === true,
    requiresShipping: line.isGiftCard !== true,
    originalUnitPriceSet: money(line.price),
    originalTotalSet: money(line.price * line.quantity),
    // Line-level discounts only (an exchange's applied discount); the code is order-level.
    discountedUnitPriceSet: money(line.price - Math.round(own / line.quantity)),
    discountedTotalSet: money(line.price * line.quantity - own),
    discountedUnitPriceAfterAllDiscountsSet: money(
      line.price - Math.round(lineDiscountFor(line, line.quantity) / line.quantity),
    ),
    totalDiscountSet: money(own),
    discountAllocations: discountAllocations(order, line),
    sellingPlan: line.sellingPlanId
      ? { __typename: "LineItemSellingPlan", sellingPlanId: line.sellingPlanId, name: "Plan" }
      : null,
    variant:
      product && variant
        ? variantNode(shop, product, variant)
        : { __typename: "ProductVariant", id: line.variantId },
    product: product ? productNode(shop, product) : { __typename: "Product", id: line.productId },
  };
}

export function lineItemConnection(shop: SandboxShop, order: SandboxOrder, args: Args) {
  const nodes = order.lines
    .slice(0, Number(args.first ?? 250))
    .map((l) => lineItemObject(shop, order, l));
  return {
    __typename: "LineItemConnection",
    nodes,
    pageInfo: { __typename: "PageInfo", hasNextPage: order.lines.length > nodes.length },
  };
}

export function fulfillmentLineItemObject(
  shop: SandboxShop,
  order: SandboxOrder,
  fli: SandboxFulfillment["fulfillmentLineItems"][number],
) {
  const line = order.lines.find((l) => l.id === fli.lineItemId)!;
  return {
    __typename: "FulfillmentLineItem",
    id: fli.id,
    quantity: fli.quantity,
    lineItem: () => lineItemObject(shop, order, line),
    originalTotalSet: moneyBag(line.price * fli.quantity, order.currency),
    discountedTotalSet: moneyBag(
      line.price * fli.quantity -
        Math.round(((line.lineDiscount ?? 0) * fli.quantity) / line.quantity),
      order.currency,
    ),
  };
}

export function fulfillmentObject(shop: SandboxShop, order: SandboxOrder, f: SandboxFulfillment) {
  return {
    __typename: "Fulfillment",
    id: f.id,
    legacyResourceId: f.legacyId,
    name: `${order.name}-F${order.fulfillments.indexOf(f) + 1}`,
    createdAt: f.createdAt,
    updatedAt: f.updatedAt,
    deliveredAt: f.deliveredAt,
    inTransitAt: f.shipmentStatus === "in_transit" ? f.updatedAt : null,
    status: f.status.toUpperCase(),
    displayStatus: FULFILLMENT_DISPLAY[f.shipmentStatus ?? "confirmed"] ?? "FULFILLED",
    totalQuantity: f.fulfillmentLineItems.reduce((s, l) => s + l.quantity, 0),
    requiresShipping: true,
    trackingInfo: [
      {
        __typename: "FulfillmentTrackingInfo",
        company: "UPS",
        number: f.trackingNumber,
        url: `https://www.ups.com/track?tracknum=${f.trackingNumber}`,
      },
    ],
    fulfillmentLineItems: (args: Args) => {
      const nodes = f.fulfillmentLineItems
        .slice(0, Number(args.first ?? 250))
        .map((fli) => fulfillmentLineItemObject(shop, order, fli));
      return {
        __typename: "FulfillmentLineItemConnection",
        nodes,
        pageInfo: {
          __typename: "PageInfo",
          hasNextPage: nodes.length < f.fulfillmentLineItems.length,
        },
      };
    },
  };
}

/** Where a fulfillment line item is: its order, fulfillment and the entry itself. */
export function findFulfillmentLineItem(shop: SandboxShop, id: string) {
  for (const order of shop.orders)
    for (const fulfillment of order.fulfillments) {
      const fli = fulfillment.fulfillmentLineItems.find((l) => l.id === id);
      if (fli) return { order, fulfillment, fli };
    }
  return null;
}

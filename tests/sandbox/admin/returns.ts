import { lineNet } from "../payments";
import {
  holdsItems,
  unprocessed,
  type SandboxReturn,
  type SandboxReturnLine,
  type SandboxReverseDelivery,
  type SandboxReverseFulfillmentOrder,
} from "../return-model";
import { reasonDefinition, reasonDefinitionObject } from "../return-reasons";
import { restockingFee } from "../returns-money";
import { LOCATION_ID } from "../returns-process";
import type { SandboxOrder, SandboxShop } from "../store";
import { connection } from "./connection";
import { moneyBag } from "./money";
import { fulfillmentLineItemObject, lineItemObject } from "./order-lines";
import { orderObject, transactionObject } from "./orders";
import { refundObject } from "./refunds";
import { suggestedFinancialOutcome } from "./return-calculate";

// Returns as the Admin API shows them: Return with its return line items (ReturnLineItem, the
// ReturnLineItemType interface), exchange line items, fees, decline, reverse fulfillment orders
// with their reverse deliveries and dispositions, refunds, and suggestedFinancialOutcome.

type Args = Record<string, unknown>;

/** A pair of shoes boxed, in grams (the sandbox's products carry no weight). */
const UNIT_WEIGHT_GRAMS = 900;

export const locationObject = () => ({
  __typename: "Location",
  id: LOCATION_ID,
  legacyResourceId: "1",
  name: "ALLY warehouse",
  isActive: true,
  fulfillsOnlineOrders: true,
});

function byStatus<T extends { processedQuantity: number; quantity: number }>(
  list: T[],
  args: Args,
) {
  if (args.processingStatus === "PROCESSABLE") return list.filter((l) => unprocessed(l) > 0);
  if (args.processingStatus === "PROCESSED") return list.filter((l) => l.processedQuantity > 0);
  return list;
}

function returnLineObject(shop: SandboxShop, order: SandboxOrder, l: SandboxReturnLine) {
  const line = order.lines.find((x) => x.id === l.lineItemId)!;
  const fli = order.fulfillments
    .flatMap((f) => f.fulfillmentLineItems)
    .find((x) => x.id === l.fulfillmentLineItemId)!;
  const definition = reasonDefinition(l.returnReasonDefinitionId);
  const subtotal = lineNet(line, l.quantity);
  return {
    __typename: "ReturnLineItem",
    id: l.id,
    quantity: l.quantity,
    processedQuantity: l.processedQuantity,
    processableQuantity: unprocessed(l),
    unprocessedQuantity: unprocessed(l),
    refundedQuantity: l.refundedQuantity,
    refundableQuantity: l.quantity - l.refundedQuantity,
    returnReason: l.returnReason,
    returnReasonNote: l.returnReasonNote,
    returnReasonDefinition: definition && reasonDefinitionObject(definition),
    customerNote: l.customerNote,
    restockingFee: l.restockingFee && {
      __typename: "RestockingFee",
      id: l.restockingFee.id,
      percentage: l.restockingFee.percentage,
      amountSet: moneyBag(restockingFee(subtotal, l.restockingFee.percentage), order.currency),
    },
    totalWeight: { __typename: "Weight", unit: "GRAMS", value: UNIT_WEIGHT_GRAMS * l.quantity },
    withCodeDiscountedTotalPriceSet: moneyBag(subtotal, order.currency),
    fulfillmentLineItem: fulfillmentLineItemObject(shop, order, fli),
  };
}

function exchangeLineObject(
  shop: SandboxShop,
  order: SandboxOrder,
  e: SandboxReturn["exchanges"][number],
) {
  const lines = order.lines
    .filter((l) => e.lineItemIds.includes(l.id))
    .map((l) => lineItemObject(shop, order, l));
  return {
    __typename: "ExchangeLineItem",
    id: e.id,
    quantity: e.quantity,
    processedQuantity: e.processedQuantity,
    processableQuantity: unprocessed(e),
    unprocessedQuantity: unprocessed(e),
    productId: e.productId,
    variantId: e.variantId,
    title: e.title,
    variantTitle: e.variantTitle,
    variantSku: e.sku,
    lineItems: lines,
    lineItem: lines[0] ?? null,
  };
}

export function reverseDeliveryObject(
  shop: SandboxShop,
  order: SandboxOrder,
  ret: SandboxReturn,
  rfo: SandboxReverseFulfillmentOrder,
  d: SandboxReverseDelivery,
  now: number,
) {
  return {
    __typename: "ReverseDelivery",
    id: d.id,
    deliverable:
      d.label || d.tracking
        ? {
            __typename: "ReverseDeliveryShippingDeliverable",
            label: d.label && {
              __typename: "ReverseDeliveryLabelV2",
              publicFileUrl: d.label.fileUrl,
              createdAt: d.label.createdAt,
              updatedAt: d.label.updatedAt,
            },
            tracking: d.tracking && { __typename: "ReverseDeliveryTrackingV2", ...d.tracking },
          }
        : null,
    reverseDeliveryLineItems: (args: Args) =>
      connection(
        "ReverseDeliveryLineItem",
        d.lines.map((l) => ({
          __typename: "ReverseDeliveryLineItem",
          id: l.id,
          quantity: l.quantity,
          dispositions: [],
          reverseFulfillmentOrderLineItem: () =>
            rfoLineObject(
              shop,
              order,
              rfo.lines.find((x) => x.id === l.rfoLineItemId)!,
            ),
        })),
        args,
      ),
    reverseFulfillmentOrder: () => reverseFulfillmentOrderObject(shop, order, ret, rfo, now),
  };
}

function rfoLineObject(
  shop: SandboxShop,
  order: SandboxOrder,
  l: SandboxReverseFulfillmentOrder["lines"][number],
) {
  const fli = order.fulfillments
    .flatMap((f) => f.fulfillmentLineItems)
    .find((x) => x.id === l.fulfillmentLineItemId);
  return {
    __typename: "ReverseFulfillmentOrderLineItem",
    id: l.id,
    totalQuantity: l.totalQuantity,
    fulfillmentLineItem: fli ? fulfillmentLineItemObject(shop, order, fli) : null,
    dispositions: l.dispositions.map((d) => ({
      __typename: "ReverseFulfillmentOrderDisposition",
      id: d.id,
      type: d.type,
      quantity: d.quantity,
      createdAt: d.createdAt,
      location: d.locationId ? locationObject() : null,
    })),
  };
}

export function reverseFulfillmentOrderObject(
  shop: SandboxShop,
  order: SandboxOrder,
  ret: SandboxReturn,
  rfo: SandboxReverseFulfillmentOrder,
  now: number,
) {
  return {
    __typename: "ReverseFulfillmentOrder",
    id: rfo.id,
    status: rfo.status,
    thirdPartyConfirmation: null,
    order: () => orderObject(shop, order, now),
    lineItems: (args: Args) =>
      connection(
        "ReverseFulfillmentOrderLineItem",
        rfo.lines.map((l) => rfoLineObject(shop, order, l)),
        args,
      ),
    reverseDeliveries: (args: Args) =>
      connection(
        "ReverseDelivery",
        rfo.deliveries.map((d) => reverseDeliveryObject(shop, order, ret, rfo, d, now)),
        args,
      ),
  };
}

export function returnObject(
  shop: SandboxShop,
  order: SandboxOrder,
  ret: SandboxReturn,
  now: number,
) {
  return {
    __typename: "Return",
    id: ret.id,
    name: ret.name,
    status: ret.status.toUpperCase(),
    createdAt: ret.createdAt,
    requestApprovedAt: ret.requestApprovedAt,
    closedAt: ret.closedAt,
    staffMember: null,
    totalQuantity: ret.lines.reduce((s, l) => s + l.quantity, 0),
    decline: ret.decline && {
      __typename: "ReturnDecline",
      reason: ret.decline.reason,
      note: ret.decline.note,
    },
    order: () => orderObject(shop, order, now),
    returnLineItems: (args: Args) =>
      connection(
        "ReturnLineItemType",
        byStatus(ret.lines, args).map((l) => returnLineObject(shop, order, l)),
        args,
      ),
    exchangeLineItems: (args: Args) =>
      connection(
        "ExchangeLineItem",
        byStatus(ret.exchanges, args).map((e) => exchangeLineObject(shop, order, e)),
        args,
      ),
    returnShippingFees: ret.returnShippingFee
      ? [
          {
            __typename: "ReturnShippingFee",
            id: ret.returnShippingFee.id,
            amountSet: moneyBag(ret.returnShippingFee.amount, order.currency),
          },
        ]
      : [],
    reverseFulfillmentOrders: (args: Args) =>
      connection(
        "ReverseFulfillmentOrder",
        ret.reverseFulfillmentOrders.map((r) =>
          reverseFulfillmentOrderObject(shop, order, ret, r, now),
        ),
        args,
      ),
    refunds: (args: Args) =>
      connection(
        "Refund",
        order.refunds
          .filter((r) => ret.refundIds.includes(r.id))
          .map((r) => refundObject(shop, order, r, now)),
        args,
      ),
    transactions: (args: Args) => {
      const ids = new Set(
        order.refunds
          .filter((r) => ret.refundIds.includes(r.id))
          .flatMap((r) => r.transactionIds ?? []),
      );
      return connection(
        "OrderTransaction",
        order.transactions
          .filter((t) => ids.has(t.id))
          .map((t) => transactionObject(order, t, now)),
        args,
      );
    },
    suggestedFinancialOutcome: (args: Args) => suggestedFinancialOutcome(order, ret, args, now),
  };
}

export function returnConnection(
  shop: SandboxShop,
  order: SandboxOrder,
  list: SandboxReturn[],
  args: Args,
  now: number,
) {
  return connection(
    "Return",
    list.map((r) => returnObject(shop, order, r, now)),
    args,
  );
}

/** The order's return status for display, most pressing first (assumed priority). */
export function orderReturnStatus(order: SandboxOrder): string {
  const live = order.returns.filter(holdsItems);
  if (live.some((r) => r.status === "requested")) return "RETURN_REQUESTED";
  const open = live.filter((r) => r.status === "open");
  if (open.some((r) => r.lines.some((l) => unprocessed(l) > 0))) return "IN_PROGRESS";
  if (open.length > 0) return "INSPECTION_COMPLETE";
  if (live.some((r) => r.lines.some((l) => l.processedQuantity > 0))) return "RETURNED";
  if (order.returns.some((r) => r.status === "declined")) return "RETURN_FAILED";
  return "NO_RETURN";
}

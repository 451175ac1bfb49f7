import {
  MTO_EDIT_ADD_VARIANT_MUTATION,
  MTO_EDIT_BEGIN_MUTATION,
  MTO_EDIT_COMMIT_MUTATION,
  MTO_EDIT_SET_QUANTITY_MUTATION,
  MTO_FITTING_PAIR_PRODUCT_QUERY,
  MTO_HOLD_MUTATION,
  MTO_ORDER_QUERY,
  MTO_PRODUCT_VARIANTS_QUERY,
  MTO_RELEASE_HOLD_MUTATION,
  MTO_RESCHEDULE_MUTATION,
} from "./graphql";
import { RetryableJobError, TerminalJobError } from "~/platform/jobs/errors.server";
import {
  adminRequest,
  assertNoUserErrors,
  type AdminGraphql,
  type OperationData,
} from "~/platform/admin/client.server";

// The Shopify side of made-to-order: the order's fulfillment orders and holds, scheduling, and
// order edits (add the fitting pair, swap the made-to-order line for a new size). Each function
// is one step the job records under an effect key (advance.server.ts and its step modules).

export const FIT_HOLD = "fitting-room-fit";
export const PRODUCTION_HOLD = "fitting-room-production";

type Order = NonNullable<OperationData<typeof MTO_ORDER_QUERY>["order"]>;
export type MtoFulfillmentOrder = Order["fulfillmentOrders"]["nodes"][number];

export async function fetchOrder(graphql: AdminGraphql, orderGid: string): Promise<Order> {
  const { order } = await adminRequest(graphql, MTO_ORDER_QUERY, { id: orderGid });
  if (!order) throw new TerminalJobError(`order ${orderGid} not found`);
  return order;
}

/** The fulfillment order a line ships from (Shopify creates them just after the order). */
export function fulfillmentOrderOf(order: Order, lineItemGid: string): MtoFulfillmentOrder {
  const fo = order.fulfillmentOrders.nodes.find((f) =>
    f.lineItems.nodes.some((n) => n.lineItem.id === lineItemGid),
  );
  if (!fo) throw new RetryableJobError(`no fulfillment order yet for ${lineItemGid}`, 30_000);
  return fo;
}

export async function placeHold(
  graphql: AdminGraphql,
  fulfillmentOrderGid: string,
  handle: string,
  reasonNotes: string,
): Promise<string | null> {
  const data = await adminRequest(graphql, MTO_HOLD_MUTATION, {
    id: fulfillmentOrderGid,
    fulfillmentHold: { reason: "OTHER", reasonNotes, handle, notifyMerchant: false },
  });
  const result = data.fulfillmentOrderHold;
  // Our hold is already there (an earlier attempt whose answer was lost): the caller looks it up.
  if (result?.userErrors.some((e) => e.code === "DUPLICATE_FULFILLMENT_HOLD_HANDLE")) return null;
  assertNoUserErrors("fulfillmentOrderHold", result?.userErrors);
  const id = result?.fulfillmentHold?.id;
  if (!id) throw new TerminalJobError("fulfillmentOrderHold returned no hold");
  return id;
}

export async function releaseHold(
  graphql: AdminGraphql,
  fulfillmentOrderGid: string,
  holdGid: string,
) {
  const data = await adminRequest(graphql, MTO_RELEASE_HOLD_MUTATION, {
    id: fulfillmentOrderGid,
    holdIds: [holdGid],
  });
  assertNoUserErrors("fulfillmentOrderReleaseHold", data.fulfillmentOrderReleaseHold?.userErrors);
  return data.fulfillmentOrderReleaseHold?.fulfillmentOrder?.status ?? null;
}

export async function reschedule(
  graphql: AdminGraphql,
  fulfillmentOrderGid: string,
  fulfillAt: Date,
) {
  const data = await adminRequest(graphql, MTO_RESCHEDULE_MUTATION, {
    id: fulfillmentOrderGid,
    fulfillAt: fulfillAt.toISOString(),
  });
  assertNoUserErrors("fulfillmentOrderReschedule", data.fulfillmentOrderReschedule?.userErrors);
  return data.fulfillmentOrderReschedule?.fulfillmentOrder?.fulfillAt ?? null;
}

export interface VariantChoice {
  id: string;
  title: string;
  priceMinor: number;
}

/** The product's variant in a size and width (options named Size and Width, any case). */
export async function variantInSize(
  graphql: AdminGraphql,
  productGid: string,
  size: string,
  width: string | null,
): Promise<VariantChoice | null> {
  const { product } = await adminRequest(graphql, MTO_PRODUCT_VARIANTS_QUERY, { id: productGid });
  const option = (v: { selectedOptions: { name: string; value: string }[] }, name: string) =>
    v.selectedOptions.find((o) => o.name.toLowerCase() === name)?.value ?? null;
  const variants = product?.variants.nodes ?? [];
  const match =
    variants.find((v) => option(v, "size") === size && (!width || option(v, "width") === width)) ??
    variants.find((v) => option(v, "size") === size);
  if (!match) return null;
  const [whole, fraction = ""] = String(match.price).split(".");
  return {
    id: match.id,
    title: match.title,
    priceMinor: Number(whole) * 100 + Number(fraction.padEnd(2, "0").slice(0, 2)),
  };
}

/** The policy's fitting pair product, or else the shop's product tagged fitting-pair. */
export async function fittingPairProduct(graphql: AdminGraphql, configured: string) {
  if (configured) return configured;
  const { products } = await adminRequest(graphql, MTO_FITTING_PAIR_PRODUCT_QUERY);
  return products.nodes[0]?.id ?? null;
}

/** The order's live line for a variant, if there is one. */
export function liveLineFor(order: Order, variantGid: string): string | null {
  return (
    order.lineItems.nodes.find((l) => l.variant?.id === variantGid && l.currentQuantity > 0)?.id ??
    null
  );
}

/**
 * One order edit: remove `removeVariantGid`'s line (when given), add one of `addVariantGid`,
 * commit without notifying the shopper (the app's own messages explain the change). Returns the
 * added line's id.
 */
export async function editOrder(
  graphql: AdminGraphql,
  orderGid: string,
  change: { addVariantGid: string; removeVariantGid?: string; staffNote: string },
): Promise<string> {
  const begun = await adminRequest(graphql, MTO_EDIT_BEGIN_MUTATION, { id: orderGid });
  assertNoUserErrors("orderEditBegin", begun.orderEditBegin?.userErrors);
  const calculated = begun.orderEditBegin?.calculatedOrder;
  if (!calculated) throw new TerminalJobError("orderEditBegin returned no calculated order");
  if (change.removeVariantGid) {
    const line = calculated.lineItems.nodes.find(
      (l) => l.variant?.id === change.removeVariantGid && l.quantity > 0,
    );
    if (!line) throw new TerminalJobError("the made-to-order line is no longer on the order");
    const removed = await adminRequest(graphql, MTO_EDIT_SET_QUANTITY_MUTATION, {
      id: calculated.id,
      lineItemId: line.id,
      quantity: 0,
    });
    assertNoUserErrors("orderEditSetQuantity", removed.orderEditSetQuantity?.userErrors);
  }
  const added = await adminRequest(graphql, MTO_EDIT_ADD_VARIANT_MUTATION, {
    id: calculated.id,
    variantId: change.addVariantGid,
    quantity: 1,
  });
  assertNoUserErrors("orderEditAddVariant", added.orderEditAddVariant?.userErrors);
  const committed = await adminRequest(graphql, MTO_EDIT_COMMIT_MUTATION, {
    id: calculated.id,
    staffNote: change.staffNote,
  });
  assertNoUserErrors("orderEditCommit", committed.orderEditCommit?.userErrors);
  const line = committed.orderEditCommit?.order?.lineItems.nodes.find(
    (l) => l.variant?.id === change.addVariantGid && l.currentQuantity > 0,
  );
  if (!line) throw new TerminalJobError("orderEditCommit did not add the line");
  return line.id;
}

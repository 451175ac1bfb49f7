import { carrierFor, SCAN_STATUSES } from "./carrier";
import type {
  SandboxReturn,
  SandboxReverseDelivery,
  SandboxReverseFulfillmentOrder,
} from "./return-model";
import { ReturnRefusal, type ReturnContext } from "./returns";
import { attachDeliverablePayload } from "./returns-webhooks";
import { SandboxError, type SandboxOrder, type SandboxShop } from "./store";

// Reverse deliveries: the shopper's parcel back to the merchant. reverseDeliveryCreateWithShipping
// attaches a label (a file URL, e.g. from the carrier stand-in) and/or tracking to some or all of
// a reverse fulfillment order's lines (reverse_deliveries/attach_deliverable; ledger
// `return.label` / `return.tracking`). The control API then moves the parcel with carrier scans
// (Shopify sends no webhook for those: the app learns of them from its carrier, or when the
// merchant processes the return).

export function findReverseFulfillmentOrder(shop: SandboxShop, id: unknown) {
  for (const order of shop.orders)
    for (const ret of order.returns) {
      const rfo = ret.reverseFulfillmentOrders.find((r) => r.id === id);
      if (rfo) return { order, ret, rfo };
    }
  return null;
}

export function findReverseDelivery(shop: SandboxShop, id: string) {
  for (const order of shop.orders)
    for (const ret of order.returns)
      for (const rfo of ret.reverseFulfillmentOrders) {
        const delivery = rfo.deliveries.find(
          (d) => d.id === id || d.legacyId === id || d.tracking?.number === id,
        );
        if (delivery) return { order, ret, rfo, delivery };
      }
  return null;
}

export function createReverseDelivery(
  ctx: ReturnContext,
  order: SandboxOrder,
  ret: SandboxReturn,
  rfo: SandboxReverseFulfillmentOrder,
  input: {
    lines: { reverseFulfillmentOrderLineItemId: string; quantity: number }[];
    tracking?: { number?: string | null; url?: string | null } | null;
    labelFileUrl?: string | null;
  },
): SandboxReverseDelivery {
  const { store } = ctx;
  if (rfo.status !== "OPEN" || ret.status !== "open")
    throw new ReturnRefusal(
      ["reverseFulfillmentOrderId"],
      `The reverse fulfillment order is ${rfo.status} (return ${ret.status.toUpperCase()}).`,
      "INVALID_STATE",
    );
  const inDeliveries = (rfoLineId: string) =>
    rfo.deliveries
      .flatMap((d) => d.lines)
      .filter((l) => l.rfoLineItemId === rfoLineId)
      .reduce((s, l) => s + l.quantity, 0);
  const asked =
    input.lines.length > 0
      ? input.lines
      : rfo.lines.map((l) => ({
          reverseFulfillmentOrderLineItemId: l.id,
          quantity: l.totalQuantity,
        }));
  asked.forEach((l, i) => {
    const at = ["reverseDeliveryLineItems", String(i)];
    const line = rfo.lines.find((x) => x.id === l.reverseFulfillmentOrderLineItemId);
    if (!line)
      throw new ReturnRefusal(
        [...at, "reverseFulfillmentOrderLineItemId"],
        "Reverse fulfillment order line item does not exist.",
        "NOT_FOUND",
      );
    if (l.quantity < 1)
      throw new ReturnRefusal(
        [...at, "quantity"],
        "Quantity must be greater than 0.",
        "GREATER_THAN",
      );
    // Without explicit lines Shopify takes each line's total; a second parcel then repeats them.
    if (input.lines.length > 0 && l.quantity > line.totalQuantity - inDeliveries(line.id))
      throw new ReturnRefusal(
        [...at, "quantity"],
        `Quantity must be less than or equal to ${line.totalQuantity - inDeliveries(line.id)}.`,
        "LESS_THAN_OR_EQUAL_TO",
      );
  });
  const number = input.tracking?.number ?? null;
  const url = input.tracking?.url ?? null;
  const now = store.now();
  const delivery: SandboxReverseDelivery = {
    ...store.gid("ReverseDelivery"),
    lines: asked.map((l) => ({
      id: store.gid("ReverseDeliveryLineItem").id,
      rfoLineItemId: l.reverseFulfillmentOrderLineItemId,
      quantity: l.quantity,
    })),
    tracking: number || url ? { number, url, carrierName: carrierFor(number, url) } : null,
    label: input.labelFileUrl
      ? { fileUrl: input.labelFileUrl, createdAt: now, updatedAt: now }
      : null,
    scans: [],
    deliveredAt: null,
  };
  rfo.deliveries.push(delivery);
  if (ctx.ledger)
    store.record({
      shop: ctx.shop.domain,
      kind: delivery.label ? "return.label" : "return.tracking",
      orderGid: order.id,
      details: {
        returnId: ret.id,
        reverseDeliveryId: delivery.id,
        labelUrl: delivery.label?.fileUrl ?? null,
        trackingNumber: number,
        trackingUrl: url,
        carrier: delivery.tracking?.carrierName ?? null,
      },
    });
  ctx.emit("reverse_deliveries/attach_deliverable", attachDeliverablePayload(ret, delivery));
  return delivery;
}

/** A carrier scan of the shopper's parcel (control API); `delivered` = it reached the merchant. */
export function scanReverseDelivery(shop: SandboxShop, now: string, id: string, status: string) {
  if (!(SCAN_STATUSES as readonly string[]).includes(status))
    throw new SandboxError(422, `status: one of ${SCAN_STATUSES.join(", ")}`);
  const byReturn = shop.orders
    .flatMap((o) => o.returns)
    .find((r) => r.id === id || r.legacyId === id);
  const found = byReturn
    ? (() => {
        const delivery = byReturn.reverseFulfillmentOrders.flatMap((r) => r.deliveries).at(-1);
        return delivery ? { delivery } : null;
      })()
    : findReverseDelivery(shop, id);
  if (!found)
    throw new SandboxError(
      404,
      `id: no reverse delivery ${id} (attach one with reverseDeliveryCreateWithShipping)`,
    );
  const { delivery } = found;
  delivery.scans.push({ status, at: now });
  if (status === "delivered") delivery.deliveredAt = now;
  const label = shop.carrierLabels.find((l) => l.trackingNumber === delivery.tracking?.number);
  label?.scans.push({ status, at: now });
  return delivery;
}

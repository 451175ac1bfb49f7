import { addLines, newLine } from "./lifecycle";
import { settle } from "./payments";
import { unprocessed, type DispositionType, type SandboxReturn } from "./return-model";
import { ReturnRefusal, type ReturnContext } from "./returns";
import { exchangeDiscountFor, processMoney } from "./returns-money";
import { disposePayload, returnPayload } from "./returns-webhooks";
import { refundMoney, settleRefund } from "./returns-refund";
import { refundPayload } from "./webhooks";
import type { SandboxOrder, SandboxRefund } from "./store";

// returnProcess: confirms the returned units (with dispositions: restocked units go back on
// sale), releases exchange items onto the order (a new fulfillment order), keeps the fees fixed
// at creation and issues the refund asked for: to the card (REFUND transactions on their
// SALE/CAPTURE parents) and/or to store credit. One Refund records the returned units and the
// money, as Shopify's does; refunds/create, reverse_fulfillment_orders/dispose, returns/process
// and orders/updated follow.

type MoneyInput = { amount: unknown; currencyCode: string };

export const LOCATION_ID = "gid://shopify/Location/1";

export interface ProcessInput {
  returnLineItems: {
    id: string;
    quantity: number;
    dispositions?:
      | {
          reverseFulfillmentOrderLineItemId: string;
          quantity: number;
          dispositionType: DispositionType;
          locationId?: string | null;
        }[]
      | null;
  }[];
  exchangeLineItems: { id: string; quantity: number }[];
  refund?: {
    orderTransactions: { parentId: string; transactionAmount: MoneyInput }[];
    refundMethods?:
      { storeCreditRefund?: { amount: MoneyInput; expiresAt?: string | null } | null }[] | null;
    allowOverRefunding?: boolean | null;
  } | null;
  note?: string | null;
  /** false: the control API's older step, which only marks the items received. */
  settle: boolean;
}

const money = (minor: number) => (minor / 100).toFixed(2);

function validate(order: SandboxOrder, ret: SandboxReturn, input: ProcessInput) {
  if (ret.status !== "open")
    throw new ReturnRefusal(
      ["input", "returnId"],
      `Return is ${ret.status.toUpperCase()}: only an OPEN return can be processed.`,
      "INVALID_STATE",
    );
  const rfoLines = ret.reverseFulfillmentOrders.flatMap((r) => r.lines);
  input.returnLineItems.forEach((item, i) => {
    const at = ["input", "returnLineItems", String(i)];
    const line = ret.lines.find((l) => l.id === item.id);
    if (!line)
      throw new ReturnRefusal(
        [...at, "id"],
        "Return line item does not exist on this return.",
        "NOT_FOUND",
      );
    if (item.quantity < 1)
      throw new ReturnRefusal(
        [...at, "quantity"],
        "Quantity must be greater than 0.",
        "GREATER_THAN",
      );
    if (item.quantity > unprocessed(line))
      throw new ReturnRefusal(
        [...at, "quantity"],
        `Quantity must be less than or equal to the processable quantity (${unprocessed(line)}).`,
        "LESS_THAN_OR_EQUAL_TO",
      );
    let disposed = 0;
    (item.dispositions ?? []).forEach((d, j) => {
      const dat = [...at, "dispositions", String(j)];
      const rfoLine = rfoLines.find((r) => r.id === d.reverseFulfillmentOrderLineItemId);
      if (!rfoLine || rfoLine.returnLineItemId !== line.id)
        throw new ReturnRefusal(
          [...dat, "reverseFulfillmentOrderLineItemId"],
          "Reverse fulfillment order line item does not belong to this return line item.",
          "NOT_FOUND",
        );
      if (d.dispositionType === "RESTOCKED" && !d.locationId)
        throw new ReturnRefusal(
          [...dat, "locationId"],
          "Location is required to restock items.",
          "BLANK",
        );
      if (d.locationId && d.locationId !== LOCATION_ID)
        throw new ReturnRefusal([...dat, "locationId"], "Location does not exist.", "NOT_FOUND");
      if (d.quantity < 1)
        throw new ReturnRefusal(
          [...dat, "quantity"],
          "Quantity must be greater than 0.",
          "GREATER_THAN",
        );
      disposed += d.quantity;
    });
    if (disposed > item.quantity)
      throw new ReturnRefusal(
        [...at, "dispositions"],
        "Disposed quantity can't exceed the processed quantity.",
        "LESS_THAN_OR_EQUAL_TO",
      );
  });
  input.exchangeLineItems.forEach((item, i) => {
    const at = ["input", "exchangeLineItems", String(i)];
    const line = ret.exchanges.find((l) => l.id === item.id);
    if (!line)
      throw new ReturnRefusal(
        [...at, "id"],
        "Exchange line item does not exist on this return.",
        "NOT_FOUND",
      );
    if (item.quantity < 1)
      throw new ReturnRefusal(
        [...at, "quantity"],
        "Quantity must be greater than 0.",
        "GREATER_THAN",
      );
    if (item.quantity > unprocessed(line))
      throw new ReturnRefusal(
        [...at, "quantity"],
        `Quantity must be less than or equal to the processable quantity (${unprocessed(line)}).`,
        "LESS_THAN_OR_EQUAL_TO",
      );
  });
  if (input.returnLineItems.length === 0 && input.exchangeLineItems.length === 0 && !input.refund)
    throw new ReturnRefusal(
      ["input"],
      "Nothing to process: give return line items, exchange line items or a refund.",
      "BLANK",
    );
}

export function processReturn(
  ctx: ReturnContext,
  order: SandboxOrder,
  ret: SandboxReturn,
  input: ProcessInput,
) {
  const { store, shop } = ctx;
  validate(order, ret, input);
  const financial = input.settle && input.refund ? refundMoney(order, input.refund) : null;
  for (const r of financial?.credits ?? [])
    if (r.expiresAt && Date.parse(r.expiresAt) <= store.clock())
      throw new ReturnRefusal(
        ["input", "financialTransfer", "issueRefund", "refundMethods"],
        "The store credit's expiry must be in the future.",
        "INVALID",
      );
  const outcome = processMoney(order, ret, input.returnLineItems, input.exchangeLineItems);
  const now = store.now();

  // Returned units: processed, disposed (restocked units back in stock).
  const disposals: Parameters<typeof disposePayload>[1] = [];
  for (const item of input.returnLineItems) {
    const line = ret.lines.find((l) => l.id === item.id)!;
    line.processedQuantity += item.quantity;
    for (const d of item.dispositions ?? []) {
      const rfo = ret.reverseFulfillmentOrders.find((r) =>
        r.lines.some((x) => x.id === d.reverseFulfillmentOrderLineItemId),
      )!;
      rfo.lines
        .find((x) => x.id === d.reverseFulfillmentOrderLineItemId)!
        .dispositions.push({
          id: store.gid("ReverseFulfillmentOrderDisposition").id,
          type: d.dispositionType,
          quantity: d.quantity,
          locationId: d.locationId ?? null,
          createdAt: now,
        });
      disposals.push({
        rfoLineItemId: d.reverseFulfillmentOrderLineItemId,
        type: d.dispositionType,
        quantity: d.quantity,
        locationId: d.locationId ?? null,
      });
      if (d.dispositionType === "RESTOCKED") restock(ctx, order, line.lineItemId, d.quantity);
    }
  }
  // Exchange items: released onto the order, shipped from a new fulfillment order.
  for (const item of input.exchangeLineItems) {
    const e = ret.exchanges.find((x) => x.id === item.id)!;
    const added = newLine(
      store,
      shop,
      { variantId: e.variantId, quantity: item.quantity },
      e.sellingPlanId,
    );
    added.lineDiscount = exchangeDiscountFor(e, item.quantity);
    added.lineDiscountDescription = e.discountDescription;
    addLines(store, order, [added]);
    e.processedQuantity += item.quantity;
    e.lineItemIds.push(added.id);
    ret.exchangeLineItemIds.push(added.id);
    if (ctx.ledger)
      store.record({
        shop: shop.domain,
        kind: "exchange.release",
        orderGid: order.id,
        amount: {
          amount: money(added.price * item.quantity - (added.lineDiscount ?? 0)),
          currencyCode: order.currency,
        },
        details: {
          returnId: ret.id,
          exchangeLineItemId: e.id,
          lineItemId: added.id,
          variantId: e.variantId,
          quantity: item.quantity,
        },
      });
  }
  for (const rfo of ret.reverseFulfillmentOrders)
    if (ret.lines.every((l) => unprocessed(l) === 0)) rfo.status = "CLOSED";

  let refund: SandboxRefund | null = null;
  if (input.settle && (input.returnLineItems.length > 0 || financial)) {
    refund = settleRefund(ctx, order, ret, input, outcome, financial);
  }
  order.updatedAt = now;
  if (ctx.ledger)
    store.record({
      shop: shop.domain,
      kind: "return.process",
      orderGid: order.id,
      details: {
        returnId: ret.id,
        lines: input.returnLineItems.map((l) => ({ id: l.id, quantity: l.quantity })),
        exchangeLines: input.exchangeLineItems.map((l) => ({ id: l.id, quantity: l.quantity })),
        refundId: refund?.id ?? null,
      },
    });
  if (refund) ctx.emit("refunds/create", refundPayload(order, refund));
  for (const rfo of ret.reverseFulfillmentOrders) {
    const mine = disposals.filter((d) => rfo.lines.some((l) => l.id === d.rfoLineItemId));
    if (mine.length > 0) ctx.emit("reverse_fulfillment_orders/dispose", disposePayload(rfo, mine));
  }
  ctx.emit("returns/process", returnPayload(order, ret));
  if (input.settle) settle(store, shop, order);
  return { ret, refund, outcome };
}

function restock(ctx: ReturnContext, order: SandboxOrder, lineItemId: string, quantity: number) {
  const line = order.lines.find((l) => l.id === lineItemId)!;
  const variant = ctx.shop.products.flatMap((p) => p.variants).find((v) => v.id === line.variantId);
  if (!variant) return;
  variant.inventoryQuantity += quantity;
  ctx.store.emit(ctx.shop.domain, "inventory_levels/update", {
    inventory_item_id: BigInt(variant.legacyId),
    location_id: 1,
    available: variant.inventoryQuantity,
    updated_at: ctx.store.now(),
    admin_graphql_api_id: `gid://shopify/InventoryLevel/1?inventory_item_id=${variant.legacyId}`,
  });
}

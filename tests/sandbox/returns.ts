import { toMinor } from "./admin/money";
import { reasonDefinition } from "./return-reasons";
import {
  ReturnRefusal,
  fulfillmentLineItemsOf,
  validateExchangeLines,
  validateReturnLines,
  type ExchangeLineInput,
  type ReturnContext,
  type ReturnLineInput,
} from "./returns-checks";
import {
  type DeclineReason,
  type SandboxExchangeLine,
  type SandboxReturn,
  type SandboxReturnLine,
} from "./return-model";
import type { SandboxLineItem, SandboxOrder, SandboxStore } from "./store";
import { returnPayload, returnStatusPayload } from "./returns-webhooks";

// Shopify's return lifecycle, shared by the Admin API (returnRequest, returnCreate,
// returnApproveRequest, returnDeclineRequest, returnCancel, returnClose, returnReopen,
// removeFromReturn) and the control API's older return steps. Every refusal names its field
// and a ReturnErrorCode, as ReturnUserError does (returns-checks.ts). Processing is in
// returns-process.ts.

export * from "./returns-checks";
export { removeFromReturn } from "./returns-remove";

type MoneyInput = { amount: unknown; currencyCode: string };

/** The reverse fulfillment order Shopify makes when a return opens: one, for every line. */
function openReverseFulfillmentOrder(store: SandboxStore, ret: SandboxReturn) {
  if (ret.reverseFulfillmentOrders.length > 0) return;
  ret.reverseFulfillmentOrders.push({
    ...store.gid("ReverseFulfillmentOrder"),
    status: "OPEN",
    lines: ret.lines.map((l) => ({
      ...store.gid("ReverseFulfillmentOrderLineItem"),
      returnLineItemId: l.id,
      fulfillmentLineItemId: l.fulfillmentLineItemId,
      totalQuantity: l.quantity,
      dispositions: [],
    })),
    deliveries: [],
  });
}

function record(
  ctx: ReturnContext,
  kind: string,
  order: SandboxOrder,
  ret: SandboxReturn,
  details: Record<string, unknown> = {},
) {
  if (!ctx.ledger) return;
  ctx.store.record({
    shop: ctx.shop.domain,
    kind,
    orderGid: order.id,
    details: { returnId: ret.id, name: ret.name, status: ret.status.toUpperCase(), ...details },
  });
}

/** returnRequest (REQUESTED: no exchange lines) and returnCreate (OPEN at once). */
export function createReturn(
  ctx: ReturnContext,
  order: SandboxOrder,
  input: {
    status: "requested" | "open";
    lines: ReturnLineInput[];
    exchanges?: ExchangeLineInput[];
    shippingFee?: { amount: MoneyInput } | null;
    requestedAt?: string | null;
    /** Exchange lines already on the order (the control API's exchange, released at once). */
    released?: SandboxLineItem[];
    base: string[];
  },
): SandboxReturn {
  const { store } = ctx;
  if (order.cancelledAt)
    throw new ReturnRefusal(
      [...input.base, "orderId"],
      "A canceled order can't be returned.",
      "INVALID_STATE",
    );
  validateReturnLines(order, input.lines, input.base);
  const exchanges: SandboxExchangeLine[] = validateExchangeLines(
    ctx.shop,
    order,
    input.exchanges ?? [],
    input.base,
  ).map((e) => ({ ...store.gid("ExchangeLineItem"), ...e }));
  for (const line of input.released ?? [])
    exchanges.push({
      ...store.gid("ExchangeLineItem"),
      variantId: line.variantId,
      productId: line.productId,
      title: line.title,
      variantTitle: line.variantTitle,
      sku: line.sku,
      quantity: line.quantity,
      processedQuantity: line.quantity,
      unitPrice: line.price,
      discount: 0,
      discountDescription: null,
      lineItemIds: [line.id],
      sellingPlanId: line.sellingPlanId,
    });
  let shippingFee: SandboxReturn["returnShippingFee"] = null;
  if (input.shippingFee) {
    const fee = input.shippingFee.amount;
    if (fee.currencyCode !== order.currency)
      throw new ReturnRefusal(
        [...input.base, "returnShippingFee", "amount", "currencyCode"],
        `Currency must be the order's presentment currency (${order.currency}).`,
        "INVALID",
      );
    shippingFee = {
      ...store.gid("ReturnShippingFee"),
      amount: toMinor(fee.amount, "returnShippingFee.amount"),
    };
  }
  const now = store.now();
  const lines: SandboxReturnLine[] = input.lines.map((l) => {
    const fli = fulfillmentLineItemsOf(order).find(
      (x) => x.fli.id === l.fulfillmentLineItemId,
    )!.fli;
    const definition = reasonDefinition(l.returnReasonDefinitionId);
    return {
      ...store.gid("ReturnLineItem"),
      fulfillmentLineItemId: fli.id,
      lineItemId: fli.lineItemId,
      quantity: l.quantity,
      processedQuantity: 0,
      refundedQuantity: 0,
      returnReason: definition?.reason ?? l.returnReason ?? "UNKNOWN",
      returnReasonDefinitionId: definition?.id ?? null,
      returnReasonNote: l.returnReasonNote ?? "",
      customerNote: l.customerNote ?? null,
      restockingFee:
        l.restockingFee && l.restockingFee.percentage > 0
          ? { id: store.gid("RestockingFee").id, percentage: l.restockingFee.percentage }
          : null,
    };
  });
  const ret: SandboxReturn = {
    ...store.gid("Return"),
    name: `${order.name}-R${order.returns.length + 1}`,
    status: input.status,
    lineItemIds: [...new Set(lines.map((l) => l.lineItemId))],
    exchangeLineItemIds: (input.released ?? []).map((l) => l.id),
    createdAt: now,
    requestedAt: input.requestedAt ?? now,
    requestApprovedAt: input.status === "open" ? now : null,
    closedAt: null,
    lines,
    exchanges,
    returnShippingFee: shippingFee,
    returnShippingFeeCharged: false,
    decline: null,
    reverseFulfillmentOrders: [],
    refundIds: [],
  };
  if (ret.status === "open") openReverseFulfillmentOrder(store, ret);
  order.returns.push(ret);
  order.updatedAt = now;
  record(ctx, input.status === "open" ? "return.create" : "return.request", order, ret, {
    lines: lines.map((l) => ({
      lineItemId: l.lineItemId,
      quantity: l.quantity,
      restockingFeePercentage: l.restockingFee?.percentage ?? null,
    })),
    exchangeLines: exchanges.map((e) => ({ variantId: e.variantId, quantity: e.quantity })),
    returnShippingFee: shippingFee ? (shippingFee.amount / 100).toFixed(2) : null,
  });
  ctx.emit(
    ret.status === "open" ? "returns/approve" : "returns/request",
    returnPayload(order, ret),
  );
  return ret;
}

const refuseState = (ret: SandboxReturn, action: string) =>
  new ReturnRefusal(
    ["id"],
    `Return is ${ret.status.toUpperCase()} and can't be ${action}.`,
    "INVALID_STATE",
  );

export function approveReturn(ctx: ReturnContext, order: SandboxOrder, ret: SandboxReturn) {
  if (ret.status !== "requested") throw refuseState(ret, "approved");
  ret.status = "open";
  ret.requestApprovedAt = ctx.store.now();
  openReverseFulfillmentOrder(ctx.store, ret);
  record(ctx, "return.approve", order, ret);
  ctx.emit("returns/approve", returnPayload(order, ret));
  return ret;
}

export function declineReturn(
  ctx: ReturnContext,
  order: SandboxOrder,
  ret: SandboxReturn,
  reason: DeclineReason,
  note: string | null,
) {
  if (ret.status !== "requested") throw refuseState(ret, "declined");
  if ((note ?? "").length > 500)
    throw new ReturnRefusal(
      ["input", "declineNote"],
      "Decline note is too long (maximum is 500 characters).",
      "TOO_LONG",
    );
  ret.status = "declined";
  ret.decline = { reason, note };
  record(ctx, "return.decline", order, ret, { reason, note });
  ctx.emit("returns/decline", returnPayload(order, ret));
  return ret;
}

/** Only before any work: nothing processed, no exchange released. */
export function cancelReturn(ctx: ReturnContext, order: SandboxOrder, ret: SandboxReturn) {
  if (ret.status !== "requested" && ret.status !== "open") throw refuseState(ret, "canceled");
  if (
    ret.lines.some((l) => l.processedQuantity > 0) ||
    ret.exchanges.some((e) => e.processedQuantity > 0)
  )
    throw new ReturnRefusal(
      ["id"],
      "Return can't be canceled after items were processed.",
      "INVALID_STATE",
    );
  ret.status = "canceled";
  for (const rfo of ret.reverseFulfillmentOrders) rfo.status = "CANCELED";
  record(ctx, "return.cancel", order, ret);
  ctx.emit("returns/cancel", returnStatusPayload(order, ret));
  return ret;
}

export function closeReturn(ctx: ReturnContext, order: SandboxOrder, ret: SandboxReturn) {
  if (ret.status !== "open") throw refuseState(ret, "closed");
  ret.status = "closed";
  ret.closedAt = ctx.store.now();
  for (const rfo of ret.reverseFulfillmentOrders) rfo.status = "CLOSED";
  record(ctx, "return.close", order, ret);
  ctx.emit("returns/close", returnStatusPayload(order, ret));
  return ret;
}

export function reopenReturn(ctx: ReturnContext, order: SandboxOrder, ret: SandboxReturn) {
  if (ret.status !== "closed") throw refuseState(ret, "reopened");
  ret.status = "open";
  ret.closedAt = null;
  for (const rfo of ret.reverseFulfillmentOrders) rfo.status = "OPEN";
  record(ctx, "return.reopen", order, ret);
  ctx.emit("returns/reopen", returnStatusPayload(order, ret));
  return ret;
}

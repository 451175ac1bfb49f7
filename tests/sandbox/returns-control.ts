import { addLines, newLine, type LineInput } from "./lifecycle";
import { Payments, lineValue, netReceived, refundedQuantity } from "./payments";
import {
  DECLINE_REASONS,
  unprocessed,
  type DeclineReason,
  type SandboxReturn,
} from "./return-model";
import {
  ReturnRefusal,
  approveReturn,
  cancelReturn,
  closeReturn,
  createReturn,
  declineReturn,
  fulfillmentLineItemsOf,
  reopenReturn,
  returnableQuantity,
  type ReturnContext,
} from "./returns";
import { processReturn } from "./returns-process";
import { SandboxError, type SandboxStore } from "./store";
import { accountFor, creditStoreCredit } from "./store-credit";
import { refundPayload, type DeliveryMode, type Outbox } from "./webhooks";

// The control API's return steps (POST /orders/:id/returns, approve-return, decline-return,
// process-return, close-return, refund), kept as they always behaved for the trial box and the
// tests, on the same return model as the Admin API. Their differences, by design:
// - a requested return may carry exchange items, released onto the order at once (a stand-in
//   for an exchange the merchant arranged in the admin);
// - process-return marks every unprocessed unit received and sends returns/process, but makes
//   no refund and leaves the lines on the order: the app (or POST /refund) refunds them;
// - they are the shopper's and merchant's doings, not the app's: nothing goes on the ledger
//   except the refund's money.

export type ControlStep = "approve" | "decline" | "process" | "close" | "cancel" | "reopen";

const DONE: Record<ControlStep, string> = {
  approve: "approved",
  decline: "declined",
  process: "processed",
  close: "closed",
  cancel: "canceled",
  reopen: "reopened",
};
const ALLOWED: Record<ControlStep, SandboxReturn["status"][]> = {
  approve: ["requested"],
  decline: ["requested"],
  process: ["open"],
  close: ["open"],
  cancel: ["requested", "open"],
  reopen: ["closed"],
};

function context(
  store: SandboxStore,
  outbox: Outbox,
  domain: string,
  mode?: DeliveryMode,
): ReturnContext {
  return {
    store,
    shop: store.shop(domain),
    emit: (topic, payload) => outbox.emit(domain, topic, payload, mode),
    ledger: false,
  };
}

/** A refusal of the return model, as the control API words errors ("field: reason"). */
function asControlError(error: unknown): never {
  if (error instanceof ReturnRefusal)
    throw new SandboxError(422, `${error.field.at(-1) ?? "return"}: ${error.message}`);
  throw error;
}

export function controlRequestReturn(
  store: SandboxStore,
  outbox: Outbox,
  domain: string,
  orderId: string,
  lineItemIds?: string[],
  mode?: DeliveryMode,
  exchange: LineInput[] = [],
) {
  const ctx = context(store, outbox, domain, mode);
  const order = store.order(domain, orderId);
  const shipped = fulfillmentLineItemsOf(order);
  const asked = lineItemIds?.length ? lineItemIds : order.lines.map((l) => l.id);
  const lines = asked.flatMap((id) => {
    const found = shipped.find(
      (x) => x.fli.lineItemId === id && returnableQuantity(order, x.fli) > 0,
    );
    if (found)
      return [
        { fulfillmentLineItemId: found.fli.id, quantity: returnableQuantity(order, found.fli) },
      ];
    if (lineItemIds?.length)
      throw new SandboxError(422, `lineItemIds: ${id} is not fulfilled, or already returned`);
    return [];
  });
  if (lines.length === 0)
    throw new SandboxError(422, "lineItemIds: nothing on the order can be returned");
  const replaced = order.lines.find((l) => l.id === asked[0]);
  const released = exchange.map((line) =>
    newLine(store, ctx.shop, line, replaced?.sellingPlanId ?? null),
  );
  addLines(store, order, released);
  try {
    return createReturn(ctx, order, {
      status: "requested",
      lines,
      released,
      base: ["lineItemIds"],
    });
  } catch (error) {
    return asControlError(error);
  }
}

export function controlReturnStep(
  store: SandboxStore,
  outbox: Outbox,
  domain: string,
  orderId: string,
  step: ControlStep,
  returnId?: string,
  mode?: DeliveryMode,
  decline: { reason?: unknown; note?: unknown } = {},
) {
  const ctx = context(store, outbox, domain, mode);
  const order = store.order(domain, orderId);
  const ret = returnId
    ? order.returns.find((r) => r.id === returnId || r.legacyId === returnId)
    : order.returns.at(-1);
  if (!ret) throw new SandboxError(422, "returnId: the order has no such return");
  if (!ALLOWED[step].includes(ret.status))
    throw new SandboxError(422, `returnId: a ${ret.status} return cannot be ${DONE[step]}`);
  try {
    if (step === "approve") approveReturn(ctx, order, ret);
    if (step === "decline") {
      const reason = String(decline.reason ?? "OTHER") as DeclineReason;
      if (!DECLINE_REASONS.includes(reason))
        throw new SandboxError(422, `declineReason: one of ${DECLINE_REASONS.join(", ")}`);
      declineReturn(
        ctx,
        order,
        ret,
        reason,
        decline.note === undefined ? null : String(decline.note),
      );
    }
    if (step === "process")
      processReturn(ctx, order, ret, {
        returnLineItems: ret.lines
          .filter((l) => unprocessed(l) > 0)
          .map((l) => ({ id: l.id, quantity: unprocessed(l) })),
        exchangeLineItems: [],
        settle: false,
      });
    if (step === "close") closeReturn(ctx, order, ret);
    if (step === "cancel") cancelReturn(ctx, order, ret);
    if (step === "reopen") reopenReturn(ctx, order, ret);
  } catch (error) {
    asControlError(error);
  }
  return ret;
}

/** A merchant refund of whole lines: money back for what was paid, or to store credit. */
export function controlRefund(
  store: SandboxStore,
  outbox: Outbox,
  domain: string,
  orderId: string,
  lineItemIds?: string[],
  mode?: DeliveryMode,
  to: "original" | "store_credit" = "original",
) {
  const shop = store.shop(domain);
  const order = store.order(domain, orderId);
  const ids = (lineItemIds?.length ? lineItemIds : order.lines.map((l) => l.id)).filter((id) => {
    const line = order.lines.find((l) => l.id === id);
    return !line || refundedQuantity(order, line) === 0;
  });
  const value = Math.min(lineValue(order, ids), Math.max(0, netReceived(order)));
  if (to === "store_credit" && !order.customerId)
    throw new SandboxError(422, "to: a guest order cannot be refunded to store credit");
  // Store credit: the lines leave the order, the money goes to the customer's credit account.
  const money = to === "store_credit" ? 0 : value;
  const refund = new Payments(store).refund(shop, order, { lineItemIds: ids, money });
  if (to === "store_credit" && order.customerId && value > 0)
    creditStoreCredit(store, shop, accountFor(store, shop, order.customerId, order.currency), {
      amount: value,
      event: "ORDER_REFUND",
      orderId: order.id,
      details: { by: "refund" },
    });
  outbox.emit(domain, "refunds/create", refundPayload(order, refund), mode);
  return refund;
}

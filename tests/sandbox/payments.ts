import { orderPayload } from "./webhooks";
import {
  SandboxError,
  type SandboxLineItem,
  type SandboxOrder,
  type SandboxShop,
  type SandboxStore,
  type SandboxTransaction,
} from "./store";

// Money on a sandbox order, as Shopify keeps it: transactions (authorization, capture, sale, void,
// refund), the current total after removed lines, and the outstanding balance between them.
// Mandate payments, captures and voids behave like Shopify Payments: idempotency keys on mandate
// payments, 7-day authorizations, partial and final captures, and declines on request (faults).

const AUTHORIZATION_DAYS = 7;
const DAY = 86_400_000;

export function lineValue(order: SandboxOrder, lineItemIds: readonly string[]): number {
  return order.lines
    .filter((l) => lineItemIds.includes(l.id))
    .reduce((sum, l) => sum + l.price * l.quantity, 0);
}

/** Units of a line refunded (a refund without per-unit lines takes the whole line). */
export function refundedQuantity(order: SandboxOrder, line: SandboxLineItem): number {
  let units = 0;
  for (const r of order.refunds) {
    if (r.lines)
      units += r.lines.filter((l) => l.lineItemId === line.id).reduce((s, l) => s + l.quantity, 0);
    else if (r.lineItemIds.includes(line.id)) units += line.quantity;
  }
  return Math.min(line.quantity, units);
}

/** Units still on the order: not refunded, returned or removed by an edit. */
export function remainingQuantity(order: SandboxOrder, line: SandboxLineItem): number {
  return line.removedByEdit ? 0 : line.quantity - refundedQuantity(order, line);
}

/** The line's discounts (its share of the order's code, its own applied discount) for `units`. */
export function lineDiscountFor(line: SandboxLineItem, units: number): number {
  const total = (line.discountAllocated ?? 0) + (line.lineDiscount ?? 0);
  return units >= line.quantity ? total : Math.round((total * units) / line.quantity);
}

/** What `units` of a line cost the customer, after every discount (minor units). */
export function lineNet(line: SandboxLineItem, units: number): number {
  return line.price * units - lineDiscountFor(line, units);
}

/**
 * What the order is worth now: its lines' remaining units after discounts, plus the return fees
 * the merchant kept. (Discounts on refunded units leave with them.)
 */
export function currentTotal(order: SandboxOrder): number {
  const lines = order.lines.reduce((sum, l) => sum + lineNet(l, remainingQuantity(order, l)), 0);
  // An order discount not allocated to lines (none today) still counts against the total.
  const unallocated =
    order.discountMinor - order.lines.reduce((s, l) => s + (l.discountAllocated ?? 0), 0);
  const fees = (order.returnFees ?? []).reduce((s, f) => s + f.amount, 0);
  return Math.max(0, lines - Math.max(0, unallocated) + fees);
}

/** Money received: sales and captures, less money refunded. */
export function netReceived(order: SandboxOrder): number {
  const ok = order.transactions.filter((t) => t.status === "SUCCESS");
  const sum = (kinds: SandboxTransaction["kind"][]) =>
    ok.filter((t) => kinds.includes(t.kind)).reduce((s, t) => s + t.amount, 0);
  return sum(["SALE", "CAPTURE"]) - sum(["REFUND"]);
}

export function outstanding(order: SandboxOrder): number {
  return currentTotal(order) - netReceived(order);
}

/** The part of an authorization that can still be captured (0 once voided, expired or final). */
export function capturable(order: SandboxOrder, auth: SandboxTransaction, now: number): number {
  if (auth.kind !== "AUTHORIZATION" || auth.status !== "SUCCESS") return 0;
  if (auth.authorizationExpiresAt && Date.parse(auth.authorizationExpiresAt) <= now) return 0;
  const children = order.transactions.filter(
    (t) => t.parentId === auth.id && t.status === "SUCCESS",
  );
  if (children.some((t) => t.kind === "VOID")) return 0;
  if (children.some((t) => t.kind === "CAPTURE" && t.errorCode === "FINAL")) return 0;
  return (
    auth.amount - children.filter((t) => t.kind === "CAPTURE").reduce((s, t) => s + t.amount, 0)
  );
}

export function financialStatus(order: SandboxOrder, now: number): SandboxOrder["financialStatus"] {
  const received = netReceived(order);
  const refunds = order.transactions.some((t) => t.kind === "REFUND" && t.status === "SUCCESS");
  if (refunds) return received <= 0 ? "refunded" : "partially_refunded";
  if (received > 0 && outstanding(order) <= 0) return "paid";
  const live = order.transactions.some((t) => capturable(order, t, now) > 0);
  if (live) return "authorized";
  const voided = order.transactions.some((t) => t.kind === "VOID" && t.status === "SUCCESS");
  if (voided && received === 0) return "voided";
  return received > 0 ? "partially_paid" : "pending";
}

/** After money moved: the order's financial status, and orders/paid + orders/updated. */
export function settle(store: SandboxStore, shop: SandboxShop, order: SandboxOrder) {
  const before = order.financialStatus;
  order.financialStatus = financialStatus(order, store.clock());
  const payload = () => orderPayload(store, shop, order);
  if (order.financialStatus === "paid" && before !== "paid")
    store.emit(shop.domain, "orders/paid", payload());
  store.emit(shop.domain, "orders/updated", payload());
}

export class Payments {
  constructor(private readonly store: SandboxStore) {}

  private transaction(
    order: SandboxOrder,
    fields: Pick<SandboxTransaction, "kind" | "status" | "amount"> & Partial<SandboxTransaction>,
  ): SandboxTransaction {
    const now = this.store.clock();
    const transaction: SandboxTransaction = {
      ...this.store.gid("OrderTransaction"),
      parentId: null,
      authorizationExpiresAt: null,
      errorCode: null,
      paymentReferenceId: null,
      createdAt: new Date(now).toISOString(),
      ...fields,
    };
    order.transactions.push(transaction);
    order.updatedAt = transaction.createdAt;
    return transaction;
  }

  private settled(shop: SandboxShop, order: SandboxOrder) {
    settle(this.store, shop, order);
  }

  /** The card-on-file charge or authorization, once per idempotency key. */
  mandatePayment(
    shop: SandboxShop,
    order: SandboxOrder,
    input: { mandateId: string; idempotencyKey: string; autoCapture: boolean; amount?: number },
  ) {
    const previous = order.mandatePayments.find((p) => p.idempotencyKey === input.idempotencyKey);
    if (previous) return previous;
    if (!order.mandateId || order.mandateId !== input.mandateId)
      throw new SandboxError(422, "mandateId: the order has no such payment mandate");
    if (order.cancelledAt) throw new SandboxError(422, "id: the order is cancelled");
    const amount = input.amount ?? outstanding(order);
    if (amount <= 0) throw new SandboxError(422, "amount: the order has no outstanding balance");
    if (input.amount !== undefined && input.amount > outstanding(order) && input.autoCapture)
      throw new SandboxError(422, "amount: cannot exceed the order's outstanding balance");
    const faults = shop.faults;
    const declined = input.autoCapture ? faults.failCharges > 0 : faults.failAuthorizations > 0;
    if (declined) {
      if (input.autoCapture) faults.failCharges -= 1;
      else faults.failAuthorizations -= 1;
    }
    const paymentReferenceId = `sandbox-payment-${this.store.id()}`;
    const now = this.store.clock();
    const transaction = this.transaction(order, {
      kind: input.autoCapture ? "SALE" : "AUTHORIZATION",
      status: declined ? "FAILURE" : "SUCCESS",
      amount,
      errorCode: declined ? "CARD_DECLINED" : null,
      paymentReferenceId,
      authorizationExpiresAt: input.autoCapture
        ? null
        : new Date(now + AUTHORIZATION_DAYS * DAY).toISOString(),
    });
    const payment = {
      idempotencyKey: input.idempotencyKey,
      paymentReferenceId,
      transactionId: transaction.id,
      autoCapture: input.autoCapture,
      amount,
    };
    order.mandatePayments.push(payment);
    this.store.record({
      shop: shop.domain,
      kind: declined
        ? input.autoCapture
          ? "charge.declined"
          : "authorization.declined"
        : input.autoCapture
          ? "charge"
          : "authorization",
      orderGid: order.id,
      amount: { amount: (amount / 100).toFixed(2), currencyCode: order.currency },
      idempotencyKey: input.idempotencyKey,
      details: { transactionId: transaction.id, paymentReferenceId, mandateId: input.mandateId },
    });
    this.settled(shop, order);
    return payment;
  }

  paymentStatus(order: SandboxOrder, paymentReferenceId: string) {
    const payment = order.mandatePayments.find((p) => p.paymentReferenceId === paymentReferenceId);
    if (!payment) return null;
    const transaction = order.transactions.find((t) => t.id === payment.transactionId);
    const status =
      transaction?.status !== "SUCCESS"
        ? "ERROR"
        : transaction.kind === "AUTHORIZATION"
          ? "AUTHORIZED"
          : "PURCHASED";
    return {
      paymentReferenceId,
      status,
      errorMessage: transaction?.status === "SUCCESS" ? null : "Your card was declined.",
      transactions: transaction ? [transaction] : [],
    };
  }

  capture(
    shop: SandboxShop,
    order: SandboxOrder,
    input: { parentTransactionId: string; amount: number; finalCapture: boolean },
  ): SandboxTransaction {
    const parent = order.transactions.find((t) => t.id === input.parentTransactionId);
    if (!parent || parent.kind !== "AUTHORIZATION")
      throw new SandboxError(422, "parentTransactionId: no such authorization on the order");
    const left = capturable(order, parent, this.store.clock());
    if (left <= 0)
      throw new SandboxError(
        422,
        "parentTransactionId: the authorization has expired, was voided or is fully captured",
      );
    if (input.amount <= 0 || input.amount > left)
      throw new SandboxError(422, `amount: must be between 0.01 and ${(left / 100).toFixed(2)}`);
    const declined = shop.faults.failCharges > 0;
    if (declined) shop.faults.failCharges -= 1;
    const capture = this.transaction(order, {
      kind: "CAPTURE",
      status: declined ? "FAILURE" : "SUCCESS",
      amount: input.amount,
      parentId: parent.id,
      errorCode: declined ? "CARD_DECLINED" : input.finalCapture ? "FINAL" : null,
    });
    this.store.record({
      shop: shop.domain,
      kind: declined ? "capture.declined" : "capture",
      orderGid: order.id,
      amount: { amount: (input.amount / 100).toFixed(2), currencyCode: order.currency },
      idempotencyKey: null,
      details: {
        transactionId: capture.id,
        parentTransactionId: parent.id,
        final: input.finalCapture,
      },
    });
    this.settled(shop, order);
    return capture;
  }

  void(shop: SandboxShop, order: SandboxOrder, parentTransactionId: string): SandboxTransaction {
    const parent = order.transactions.find((t) => t.id === parentTransactionId);
    if (!parent || parent.kind !== "AUTHORIZATION")
      throw new SandboxError(422, "TRANSACTION_NOT_FOUND");
    if (capturable(order, parent, this.store.clock()) <= 0)
      throw new SandboxError(422, "AUTH_NOT_VOIDABLE");
    const voided = this.transaction(order, {
      kind: "VOID",
      status: "SUCCESS",
      amount: parent.amount,
      parentId: parent.id,
    });
    this.store.record({
      shop: shop.domain,
      kind: "void",
      orderGid: order.id,
      amount: { amount: (parent.amount / 100).toFixed(2), currencyCode: order.currency },
      idempotencyKey: null,
      details: { transactionId: voided.id, parentTransactionId: parent.id },
    });
    this.settled(shop, order);
    return voided;
  }

  /** A refund of lines; with `money`, the paid part goes back to the card. */
  refund(
    shop: SandboxShop,
    order: SandboxOrder,
    input: { lineItemIds: string[]; money: number; note?: string | null },
  ) {
    const unknown = input.lineItemIds.filter((id) => {
      const line = order.lines.find((l) => l.id === id);
      return !line || refundedQuantity(order, line) > 0;
    });
    if (unknown.length > 0)
      throw new SandboxError(422, `refundLineItems: not refundable: ${unknown.join(", ")}`);
    if (input.money > Math.max(0, netReceived(order)))
      throw new SandboxError(422, "transactions: the refund exceeds what was paid");
    const refund = {
      ...this.store.gid("Refund"),
      lineItemIds: input.lineItemIds,
      amount: input.money,
      createdAt: this.store.now(),
    };
    order.refunds.push(refund);
    if (input.money > 0)
      this.transaction(order, { kind: "REFUND", status: "SUCCESS", amount: input.money });
    this.store.record({
      shop: shop.domain,
      kind: "refund",
      orderGid: order.id,
      amount: { amount: (input.money / 100).toFixed(2), currencyCode: order.currency },
      idempotencyKey: null,
      details: {
        refundId: refund.id,
        lineItemIds: input.lineItemIds,
        linesValue: (lineValue(order, input.lineItemIds) / 100).toFixed(2),
        note: input.note ?? null,
      },
    });
    this.settled(shop, order);
    return refund;
  }
}

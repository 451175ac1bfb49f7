import { toMinor } from "./admin/money";
import { netReceived } from "./payments";
import type { SandboxReturn } from "./return-model";
import { ReturnRefusal, type ReturnContext } from "./returns";
import type { processMoney } from "./returns-money";
import type { ProcessInput } from "./returns-process";
import { accountFor, creditStoreCredit } from "./store-credit";
import type { SandboxOrder, SandboxRefund, SandboxTransaction } from "./store";

// The money side of returnProcess: the refund asked for, checked (card refunds against their
// SALE/CAPTURE parents, store credit only for an order with a customer, no more than the order
// can refund unless allowOverRefunding), and the Refund that settles it: returned units off
// the order, the fees fixed at creation kept (ledger `return.fee`), REFUND transactions to the
// card (ledger `refund`) and to store credit (ledger `store_credit`).

const money = (minor: number) => (minor / 100).toFixed(2);

/** The refund's money, checked: card refunds against their parents, store credit needs a customer. */
export function refundMoney(order: SandboxOrder, input: NonNullable<ProcessInput["refund"]>) {
  const base = ["input", "financialTransfer", "issueRefund"];
  const card = input.orderTransactions.map((t, i) => {
    const at = [...base, "orderTransactions", String(i)];
    const parent = order.transactions.find((x) => x.id === t.parentId);
    if (
      !parent ||
      parent.status !== "SUCCESS" ||
      (parent.kind !== "SALE" && parent.kind !== "CAPTURE")
    )
      throw new ReturnRefusal(
        [...at, "parentId"],
        "The parent transaction must be a successful SALE or CAPTURE of this order.",
        "NOT_FOUND",
      );
    if (t.transactionAmount.currencyCode !== order.currency)
      throw new ReturnRefusal(
        [...at, "transactionAmount", "currencyCode"],
        `Currency must be ${order.currency}.`,
        "INVALID",
      );
    const amount = toMinor(t.transactionAmount.amount, "transactionAmount");
    const refunded = order.transactions
      .filter((x) => x.kind === "REFUND" && x.status === "SUCCESS" && x.parentId === parent.id)
      .reduce((s, x) => s + x.amount, 0);
    if (amount > parent.amount - refunded)
      throw new ReturnRefusal(
        [...at, "transactionAmount", "amount"],
        `Amount exceeds what the parent transaction can still refund (${money(parent.amount - refunded)}).`,
        "LESS_THAN_OR_EQUAL_TO",
      );
    return { parent, amount };
  });
  const credits = (input.refundMethods ?? []).flatMap((m, i) => {
    if (!m.storeCreditRefund) return [];
    const at = [...base, "refundMethods", String(i), "storeCreditRefund"];
    if (!order.customerId)
      throw new ReturnRefusal(
        at,
        "Store credit can only be refunded to an order with a customer.",
        "INVALID",
      );
    if (m.storeCreditRefund.amount.currencyCode !== order.currency)
      throw new ReturnRefusal(
        [...at, "amount", "currencyCode"],
        `Currency must be ${order.currency}.`,
        "INVALID",
      );
    const amount = toMinor(m.storeCreditRefund.amount.amount, "storeCreditRefund.amount");
    if (amount <= 0)
      throw new ReturnRefusal([...at, "amount"], "Amount must be greater than 0.", "GREATER_THAN");
    return [{ amount, expiresAt: m.storeCreditRefund.expiresAt ?? null }];
  });
  const total = card.reduce((s, c) => s + c.amount, 0) + credits.reduce((s, c) => s + c.amount, 0);
  if (total > Math.max(0, netReceived(order)) && !input.allowOverRefunding)
    throw new ReturnRefusal(
      [...base],
      `The refund (${money(total)}) exceeds what the order can refund (${money(Math.max(0, netReceived(order)))}).`,
      "INVALID",
    );
  return { card, credits };
}

/** The Refund: returned units off the order, fees kept, money back to the card and store credit. */
export function settleRefund(
  ctx: ReturnContext,
  order: SandboxOrder,
  ret: SandboxReturn,
  input: ProcessInput,
  outcome: ReturnType<typeof processMoney>,
  financial: ReturnType<typeof refundMoney> | null,
): SandboxRefund {
  const { store, shop } = ctx;
  const now = store.now();
  const refundIds = store.gid("Refund");
  // The fees fixed at creation are kept: they stay on the order's total.
  const fees: {
    type: "RESTOCKING" | "RETURN_SHIPPING";
    amount: number;
    details: Record<string, unknown>;
  }[] = [];
  input.returnLineItems.forEach((item, i) => {
    const rl = ret.lines.find((l) => l.id === item.id)!;
    const amount = outcome.perLine[i]!.restockingFee;
    if (amount > 0)
      fees.push({
        type: "RESTOCKING",
        amount,
        details: {
          returnLineItemId: rl.id,
          lineItemId: rl.lineItemId,
          percentage: rl.restockingFee?.percentage,
        },
      });
  });
  if (outcome.returnShippingFee > 0) {
    ret.returnShippingFeeCharged = true;
    fees.push({ type: "RETURN_SHIPPING", amount: outcome.returnShippingFee, details: {} });
  }
  order.returnFees ??= [];
  for (const fee of fees) {
    order.returnFees.push({ returnId: ret.id, type: fee.type, amount: fee.amount });
    store.record({
      shop: shop.domain,
      kind: "return.fee",
      orderGid: order.id,
      amount: { amount: money(fee.amount), currencyCode: order.currency },
      details: { returnId: ret.id, refundId: refundIds.id, type: fee.type, ...fee.details },
    });
  }
  const transactions: SandboxTransaction[] = [];
  const tx = (fields: Pick<SandboxTransaction, "amount" | "parentId"> & { gateway: string }) => {
    const t: SandboxTransaction = {
      ...store.gid("OrderTransaction"),
      kind: "REFUND",
      status: "SUCCESS",
      createdAt: now,
      authorizationExpiresAt: null,
      errorCode: null,
      paymentReferenceId: null,
      ...fields,
    };
    order.transactions.push(t);
    transactions.push(t);
    return t;
  };
  for (const c of financial?.card ?? [])
    tx({ amount: c.amount, parentId: c.parent.id, gateway: "shopify_payments" });
  const cardTotal = (financial?.card ?? []).reduce((s, c) => s + c.amount, 0);
  let creditTotal = 0;
  for (const c of financial?.credits ?? []) {
    const t = tx({ amount: c.amount, parentId: null, gateway: "shopify_store_credit" });
    creditTotal += c.amount;
    creditStoreCredit(store, shop, accountFor(store, shop, order.customerId!, order.currency), {
      amount: c.amount,
      expiresAt: c.expiresAt,
      event: "ORDER_REFUND",
      originTransactionId: t.id,
      orderId: order.id,
      details: { by: "return", returnId: ret.id },
    });
  }
  const refund: SandboxRefund = {
    ...refundIds,
    lineItemIds: [],
    amount: cardTotal,
    storeCredit: creditTotal,
    createdAt: now,
    returnId: ret.id,
    transactionIds: transactions.map((t) => t.id),
    note: input.note ?? null,
    lines: input.returnLineItems.map((item, i) => {
      const rl = ret.lines.find((l) => l.id === item.id)!;
      const restocked = (item.dispositions ?? []).some((d) => d.dispositionType === "RESTOCKED");
      rl.refundedQuantity += item.quantity;
      return {
        lineItemId: rl.lineItemId,
        quantity: item.quantity,
        subtotal: outcome.perLine[i]!.subtotal,
        restockType: restocked ? "RETURN" : "NO_RESTOCK",
      };
    }),
  };
  refund.lineItemIds = [...new Set(refund.lines!.map((l) => l.lineItemId))];
  order.refunds.push(refund);
  ret.refundIds.push(refund.id);
  if (cardTotal > 0 || creditTotal === 0)
    store.record({
      shop: shop.domain,
      kind: "refund",
      orderGid: order.id,
      amount: { amount: money(cardTotal), currencyCode: order.currency },
      idempotencyKey: null,
      details: {
        refundId: refund.id,
        returnId: ret.id,
        lineItems: refund.lines!.map((l) => ({
          lineItemId: l.lineItemId,
          quantity: l.quantity,
          subtotal: money(l.subtotal),
        })),
        transactions: (financial?.card ?? []).map((c) => ({
          parentId: c.parent.id,
          amount: money(c.amount),
        })),
        storeCredit: money(creditTotal),
        note: input.note ?? null,
      },
    });
  return refund;
}

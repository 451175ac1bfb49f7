import type { SandboxOrder, SandboxRefund, SandboxShop } from "../store";
import { moneyBag } from "./money";
import { lineItemObject } from "./order-lines";
import { transactionObject } from "./orders";
import { returnObject } from "./returns";

// A Refund as the Admin API shows it: the units it took off the order, the money it moved (card
// refunds and store credit, both REFUND transactions) and the return it settled, if any.

type Args = Record<string, unknown>;

/** The units a refund took off the order (a whole-line refund takes every unit). */
export function refundLines(order: SandboxOrder, refund: SandboxRefund) {
  return (
    refund.lines ??
    refund.lineItemIds.map((lineItemId) => {
      const line = order.lines.find((l) => l.id === lineItemId)!;
      return {
        lineItemId,
        quantity: line.quantity,
        subtotal: line.price * line.quantity,
        restockType: "RETURN" as const,
      };
    })
  );
}

export function refundObject(
  shop: SandboxShop,
  order: SandboxOrder,
  refund: SandboxRefund,
  now: number,
) {
  const transactions = order.transactions.filter((t) =>
    refund.transactionIds ? refund.transactionIds.includes(t.id) : false,
  );
  const total = refund.amount + (refund.storeCredit ?? 0);
  return {
    __typename: "Refund",
    id: refund.id,
    legacyResourceId: refund.legacyId,
    createdAt: refund.createdAt,
    processedAt: refund.createdAt,
    updatedAt: refund.createdAt,
    note: refund.note ?? null,
    totalRefundedSet: moneyBag(total, order.currency),
    order: { __typename: "Order", id: order.id },
    return: () => {
      const ret = order.returns.find((r) => r.id === refund.returnId);
      return ret ? returnObject(shop, order, ret, now) : null;
    },
    refundLineItems: (args: Args) => {
      const nodes = refundLines(order, refund)
        .slice(0, Number(args.first ?? 250))
        .map((l) => {
          const line = order.lines.find((x) => x.id === l.lineItemId)!;
          return {
            __typename: "RefundLineItem",
            id: null,
            quantity: l.quantity,
            restockType: l.restockType,
            restocked: l.restockType === "RETURN",
            priceSet: moneyBag(line.price, order.currency),
            subtotalSet: moneyBag(l.subtotal, order.currency),
            totalTaxSet: moneyBag(0, order.currency),
            lineItem: () => lineItemObject(shop, order, line),
          };
        });
      return { __typename: "RefundLineItemConnection", nodes };
    },
    transactions: () => ({
      __typename: "OrderTransactionConnection",
      nodes: transactions.map((t) => transactionObject(order, t, now)),
    }),
  };
}

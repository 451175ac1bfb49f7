import { lineNet, netReceived } from "./payments";
import type { SandboxExchangeLine, SandboxReturn } from "./return-model";
import type { SandboxLineItem, SandboxOrder } from "./store";

// What a return is worth, in minor units, the same way for returnCalculate, a return's
// suggestedFinancialOutcome and returnProcess: returned units at their price after every
// discount, less restocking fees (percent of that price, 30 = 30 %), less the return shipping
// fee (kept once), less the exchange items' price. A positive result is a refund, a negative one
// an invoice (the customer owes the difference).

/** The restocking fee for `subtotal` at `percentage` (0–100). */
export const restockingFee = (subtotal: number, percentage: number | null | undefined) =>
  percentage ? Math.round((subtotal * percentage) / 100) : 0;

export interface ReturnedUnits {
  line: SandboxLineItem;
  quantity: number;
  restockingPercentage: number | null;
}

export interface ExchangedUnits {
  unitPrice: number;
  quantity: number;
  /** The exchange line's discount for these units. */
  discount: number;
}

export interface ReturnMoney {
  /** Returned units before the order's code discount. */
  subtotalBeforeOrderDiscounts: number;
  /** Returned units after every discount. */
  discountedSubtotal: number;
  cartDiscount: number;
  restockingFees: number;
  returnShippingFee: number;
  exchangeValue: number;
  /** discountedSubtotal − fees − exchangeValue. */
  net: number;
  /** What the order can still refund (money received less refunds). */
  maximumRefundable: number;
  perLine: { subtotalBeforeOrderDiscounts: number; subtotal: number; restockingFee: number }[];
}

export function returnMoney(
  order: SandboxOrder,
  returned: ReturnedUnits[],
  exchanged: ExchangedUnits[],
  returnShippingFee: number,
): ReturnMoney {
  const perLine = returned.map((r) => {
    const before =
      r.line.price * r.quantity -
      (r.quantity >= r.line.quantity
        ? (r.line.lineDiscount ?? 0)
        : Math.round(((r.line.lineDiscount ?? 0) * r.quantity) / r.line.quantity));
    const subtotal = lineNet(r.line, r.quantity);
    return {
      subtotalBeforeOrderDiscounts: before,
      subtotal,
      restockingFee: restockingFee(subtotal, r.restockingPercentage),
    };
  });
  const sum = (f: (x: (typeof perLine)[number]) => number) => perLine.reduce((s, x) => s + f(x), 0);
  const discountedSubtotal = sum((x) => x.subtotal);
  const restockingFees = sum((x) => x.restockingFee);
  const exchangeValue = exchanged.reduce((s, e) => s + e.unitPrice * e.quantity - e.discount, 0);
  return {
    subtotalBeforeOrderDiscounts: sum((x) => x.subtotalBeforeOrderDiscounts),
    discountedSubtotal,
    cartDiscount: sum((x) => x.subtotalBeforeOrderDiscounts - x.subtotal),
    restockingFees,
    returnShippingFee,
    exchangeValue,
    net: discountedSubtotal - restockingFees - returnShippingFee - exchangeValue,
    maximumRefundable: Math.max(0, netReceived(order)),
    perLine,
  };
}

/** An exchange line's discount for `quantity` of its units. */
export const exchangeDiscountFor = (e: SandboxExchangeLine, quantity: number) =>
  quantity >= e.quantity ? e.discount : Math.round((e.discount * quantity) / e.quantity);

/** The money of processing these units of an existing return (fees as fixed at creation). */
export function processMoney(
  order: SandboxOrder,
  ret: SandboxReturn,
  lines: { id: string; quantity: number }[],
  exchanges: { id: string; quantity: number }[],
): ReturnMoney {
  const returned = lines.map((input) => {
    const rl = ret.lines.find((l) => l.id === input.id)!;
    return {
      line: order.lines.find((l) => l.id === rl.lineItemId)!,
      quantity: input.quantity,
      restockingPercentage: rl.restockingFee?.percentage ?? null,
    };
  });
  const exchanged = exchanges.map((input) => {
    const e = ret.exchanges.find((x) => x.id === input.id)!;
    return {
      unitPrice: e.unitPrice,
      quantity: input.quantity,
      discount: exchangeDiscountFor(e, input.quantity),
    };
  });
  const shipping =
    ret.returnShippingFee && !ret.returnShippingFeeCharged && lines.some((l) => l.quantity > 0)
      ? ret.returnShippingFee.amount
      : 0;
  return returnMoney(order, returned, exchanged, shipping);
}

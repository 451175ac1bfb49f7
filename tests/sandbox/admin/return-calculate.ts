import { GraphQLError } from "graphql";
import { unprocessed, type SandboxReturn } from "../return-model";
import {
  ReturnRefusal,
  fulfillmentLineItemsOf,
  validateExchangeLines,
  validateReturnLines,
  type ExchangeLineInput,
  type ReturnLineInput,
} from "../returns";
import { processMoney, returnMoney, type ReturnMoney } from "../returns-money";
import type { SandboxOrder, SandboxShop, SandboxStore } from "../store";
import { moneyBag, toMinor } from "./money";
import { fulfillmentLineItemObject } from "./order-lines";
import { transactionObject } from "./orders";
import { variantNode } from "./products";

// Money previews: returnCalculate (a query: what a return would be worth before it exists) and
// Return.suggestedFinancialOutcome (what processing these units of it would refund, to the
// original payment methods or to store credit). Both use returns-money.ts, as returnProcess
// does, so what they show is what processing then does.

type Args = Record<string, unknown>;

const invalid = (error: unknown): never => {
  if (error instanceof ReturnRefusal)
    throw new GraphQLError(error.message, { extensions: { code: error.code, field: error.field } });
  throw error;
};

/** Suggested refund transactions: the amount spread over the order's SALE/CAPTURE parents. */
function suggestedTransactions(order: SandboxOrder, amount: number, now: number) {
  let left = amount;
  const out = [];
  for (const parent of order.transactions) {
    if (left <= 0) break;
    if (parent.status !== "SUCCESS" || (parent.kind !== "SALE" && parent.kind !== "CAPTURE"))
      continue;
    const refunded = order.transactions
      .filter((t) => t.kind === "REFUND" && t.status === "SUCCESS" && t.parentId === parent.id)
      .reduce((s, t) => s + t.amount, 0);
    const room = parent.amount - refunded;
    if (room <= 0) continue;
    const take = Math.min(room, left);
    left -= take;
    out.push({
      __typename: "SuggestedOrderTransaction",
      kind: "SUGGESTED_REFUND",
      amountSet: moneyBag(take, order.currency),
      maximumRefundableSet: moneyBag(room, order.currency),
      gateway: parent.gateway ?? "shopify_payments",
      formattedGateway: "Shopify Payments",
      accountNumber: "•••• 4242",
      parentTransaction: transactionObject(order, parent, now),
    });
  }
  return out;
}

function outcomeObject(order: SandboxOrder, m: ReturnMoney, allocation: string, now: number) {
  const money = (minor: number) => moneyBag(minor, order.currency);
  const amount = Math.min(m.net, m.maximumRefundable);
  return {
    __typename: "SuggestedReturnFinancialOutcome",
    discountedSubtotal: money(m.discountedSubtotal),
    maximumRefundable: money(m.maximumRefundable),
    totalCartDiscountAmount: money(m.cartDiscount),
    // Additional fees are import fees and the like; return fees lower the refund instead.
    totalAdditionalFees: money(0),
    totalDuties: money(0),
    totalTax: money(0),
    refundDuties: [],
    shipping: {
      __typename: "ShippingRefund",
      amountSet: money(0),
      maximumRefundableSet: money(0),
      taxSet: money(0),
    },
    financialTransfer:
      m.net >= 0
        ? {
            __typename: "RefundReturnOutcome",
            amount: money(amount),
            suggestedRefundMethods:
              allocation === "STORE_CREDIT" && order.customerId
                ? [
                    {
                      __typename: "SuggestedStoreCreditRefund",
                      amount: money(amount),
                      maximumRefundable: money(m.maximumRefundable),
                      expiresAt: null,
                    },
                  ]
                : [],
            suggestedTransactions:
              allocation === "STORE_CREDIT" ? [] : suggestedTransactions(order, amount, now),
          }
        : { __typename: "InvoiceReturnOutcome", amount: money(-m.net) },
  };
}

export function suggestedFinancialOutcome(
  order: SandboxOrder,
  ret: SandboxReturn,
  args: Args,
  now: number,
) {
  const lines = (args.returnLineItems as { id: string; quantity: number }[]) ?? [];
  const exchanges = (args.exchangeLineItems as { id: string; quantity: number }[]) ?? [];
  lines.forEach((l, i) => {
    const line = ret.lines.find((x) => x.id === l.id);
    if (!line)
      invalid(
        new ReturnRefusal(
          ["returnLineItems", String(i), "id"],
          "Return line item does not exist on this return.",
          "NOT_FOUND",
        ),
      );
    if (l.quantity < 0 || l.quantity > line!.quantity - line!.refundedQuantity)
      invalid(
        new ReturnRefusal(
          ["returnLineItems", String(i), "quantity"],
          "Quantity is more than can be refunded.",
          "LESS_THAN_OR_EQUAL_TO",
        ),
      );
  });
  exchanges.forEach((e, i) => {
    const line = ret.exchanges.find((x) => x.id === e.id);
    if (!line)
      invalid(
        new ReturnRefusal(
          ["exchangeLineItems", String(i), "id"],
          "Exchange line item does not exist on this return.",
          "NOT_FOUND",
        ),
      );
    if (e.quantity < 0 || e.quantity > unprocessed(line!) + line!.processedQuantity)
      invalid(
        new ReturnRefusal(
          ["exchangeLineItems", String(i), "quantity"],
          "Quantity is more than the exchange line has.",
          "LESS_THAN_OR_EQUAL_TO",
        ),
      );
  });
  const m = processMoney(order, ret, lines, exchanges);
  return outcomeObject(
    order,
    m,
    String(args.refundMethodAllocation ?? "ORIGINAL_PAYMENT_METHODS"),
    now,
  );
}

interface CalculateInput {
  orderId: string;
  returnLineItems?: ReturnLineInput[] | null;
  exchangeLineItems?: ExchangeLineInput[] | null;
  returnShippingFee?: { amount: { amount: unknown; currencyCode: string } } | null;
}

export function returnCalculate(store: SandboxStore, shop: SandboxShop, input: CalculateInput) {
  const order = shop.orders.find((o) => o.id === input.orderId);
  if (!order) throw new GraphQLError("Order does not exist", { extensions: { code: "NOT_FOUND" } });
  const lines = input.returnLineItems ?? [];
  const exchanges = input.exchangeLineItems ?? [];
  let shipping = 0;
  let exchangeValues: ReturnType<typeof validateExchangeLines> = [];
  try {
    if (lines.length > 0) validateReturnLines(order, lines, ["input"]);
    exchangeValues = validateExchangeLines(shop, order, exchanges, ["input"]);
    if (input.returnShippingFee) {
      if (input.returnShippingFee.amount.currencyCode !== order.currency)
        throw new ReturnRefusal(
          ["input", "returnShippingFee"],
          `Currency must be ${order.currency}.`,
          "INVALID",
        );
      shipping = toMinor(input.returnShippingFee.amount.amount, "returnShippingFee.amount");
    }
  } catch (error) {
    invalid(error);
  }
  const found = lines.map(
    (l) => fulfillmentLineItemsOf(order).find((x) => x.fli.id === l.fulfillmentLineItemId)!.fli,
  );
  const m = returnMoney(
    order,
    lines.map((l, i) => ({
      line: order.lines.find((x) => x.id === found[i]!.lineItemId)!,
      quantity: l.quantity,
      restockingPercentage: l.restockingFee?.percentage ?? null,
    })),
    exchangeValues.map((e) => ({
      unitPrice: e.unitPrice,
      quantity: e.quantity,
      discount: e.discount,
    })),
    shipping,
  );
  const money = (minor: number) => moneyBag(minor, order.currency);
  return {
    __typename: "CalculatedReturn",
    id: store.gid("CalculatedReturn").id,
    returnLineItems: lines.map((l, i) => ({
      __typename: "CalculatedReturnLineItem",
      id: null,
      quantity: l.quantity,
      fulfillmentLineItem: fulfillmentLineItemObject(shop, order, found[i]!),
      subtotalBeforeOrderDiscountsSet: money(m.perLine[i]!.subtotalBeforeOrderDiscounts),
      subtotalSet: money(m.perLine[i]!.subtotal),
      totalTaxSet: money(0),
      restockingFee: l.restockingFee?.percentage
        ? {
            __typename: "CalculatedRestockingFee",
            id: store.gid("CalculatedRestockingFee").id,
            percentage: l.restockingFee.percentage,
            amountSet: money(m.perLine[i]!.restockingFee),
          }
        : null,
    })),
    exchangeLineItems: exchangeValues.map((e) => {
      const product = shop.products.find((p) => p.id === e.productId)!;
      const variant = product.variants.find((v) => v.id === e.variantId)!;
      return {
        __typename: "CalculatedExchangeLineItem",
        id: null,
        quantity: e.quantity,
        variant: variantNode(shop, product, variant),
        originalUnitPriceSet: money(e.unitPrice),
        discountedUnitPriceSet: money(e.unitPrice - Math.round(e.discount / e.quantity)),
        subtotalSet: money(e.unitPrice * e.quantity - e.discount),
        totalTaxSet: money(0),
        calculatedDiscountAllocations: [],
      };
    }),
    returnShippingFee: shipping
      ? {
          __typename: "CalculatedReturnShippingFee",
          id: store.gid("CalculatedReturnShippingFee").id,
          amountSet: money(shipping),
        }
      : null,
  };
}

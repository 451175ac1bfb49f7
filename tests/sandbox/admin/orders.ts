import { GraphQLError } from "graphql";
import { Payments, capturable, currentTotal, netReceived, outstanding } from "../payments";
import {
  SandboxError,
  type SandboxOrder,
  type SandboxShop,
  type SandboxTransaction,
} from "../store";
import { refundPayload } from "../webhooks";
import { fulfillmentOrderObject } from "./fulfillment-orders";
import type { ResolverContext } from "./resolvers";
import { moneyBag, toMinor } from "./money";
import { fulfillmentObject, lineItemConnection, lineItemObject } from "./order-lines";
import { refundObject } from "./refunds";
import { orderReturnStatus, returnConnection } from "./returns";
import { customerObject } from "./store-credit";

// Orders and their money as the Admin API shows them, and the payment mutations the trial box
// uses: orderCreateMandatePayment, orderPaymentStatus, orderCapture, transactionVoid, refundCreate.

type Args = Record<string, unknown>;

export { moneyBag, moneyV2, toMinor } from "./money";

export function transactionObject(order: SandboxOrder, t: SandboxTransaction, now: number) {
  const left = capturable(order, t, now);
  return {
    __typename: "OrderTransaction",
    id: t.id,
    kind: t.kind,
    status: t.status,
    createdAt: t.createdAt,
    processedAt: t.createdAt,
    gateway: t.gateway ?? "shopify_payments",
    formattedGateway: t.gateway === "shopify_store_credit" ? "Store credit" : "Shopify Payments",
    test: true,
    errorCode: t.errorCode === "FINAL" ? null : t.errorCode,
    paymentId: t.paymentReferenceId,
    authorizationExpiresAt: t.authorizationExpiresAt,
    amountSet: moneyBag(t.amount, order.currency),
    manuallyCapturable: left > 0,
    parentTransaction: () => {
      const parent = order.transactions.find((p) => p.id === t.parentId);
      return parent ? transactionObject(order, parent, now) : null;
    },
    totalUnsettledSet: moneyBag(left, order.currency),
    // Card details on the payment itself; store credit, gift cards and PayPal have none.
    paymentDetails:
      order.card && t.gateway !== "shopify_store_credit" && t.gateway !== "gift_card"
        ? {
            __typename: "CardPaymentDetails",
            bin: order.card.bin,
            number: `•••• •••• •••• ${order.card.last4}`,
            expirationMonth: order.card.expirationMonth,
            expirationYear: order.card.expirationYear,
            name: order.card.name,
            company: order.card.company,
            avsResultCode: null,
            cvvResultCode: null,
            paymentMethodName: "card",
            wallet: null,
          }
        : null,
  };
}

export function orderObject(shop: SandboxShop, order: SandboxOrder, now: number) {
  const customer = shop.customers.find((c) => c.id === order.customerId) ?? null;
  const money = (minor: number) => moneyBag(minor, order.currency);
  const refunded = order.transactions
    .filter((t) => t.kind === "REFUND" && t.status === "SUCCESS")
    .reduce((s, t) => s + t.amount, 0);
  return {
    __typename: "Order",
    id: order.id,
    legacyResourceId: order.legacyId,
    name: order.name,
    email: order.email,
    createdAt: order.createdAt,
    processedAt: order.createdAt,
    updatedAt: order.updatedAt,
    cancelledAt: order.cancelledAt,
    closed: false,
    test: true,
    sourceName: order.sourceName,
    currencyCode: order.currency,
    presentmentCurrencyCode: order.currency,
    discountCode: order.discountCode,
    displayFinancialStatus: order.financialStatus.toUpperCase(),
    displayFulfillmentStatus: order.fulfillmentStatus.toUpperCase(),
    customer: customer && customerObject(shop, customer),
    shippingAddress: { __typename: "MailingAddress", countryCodeV2: order.shippingCountry },
    totalOutstandingSet: money(outstanding(order)),
    currentTotalPriceSet: money(currentTotal(order)),
    totalPriceSet: money(
      order.lines.reduce((s, l) => s + l.price * l.quantity, 0) - order.discountMinor,
    ),
    totalRefundedSet: money(refunded),
    netPaymentSet: money(netReceived(order)),
    capturable: order.transactions.some((t) => capturable(order, t, now) > 0),
    paymentCollectionDetails: {
      __typename: "OrderPaymentCollectionDetails",
      vaultedPaymentMethods: order.mandateId
        ? [{ __typename: "PaymentMandate", id: order.mandateId }]
        : [],
    },
    transactions: (args: Args) =>
      order.transactions
        .filter((t) => !args.capturable || capturable(order, t, now) > 0)
        .slice(0, typeof args.first === "number" ? args.first : undefined)
        .map((t) => transactionObject(order, t, now)),
    lineItems: (args: Args) => lineItemConnection(shop, order, args),
    paymentTerms: order.paymentSchedule && paymentTermsObject(order),
    fulfillmentOrders: () => ({
      __typename: "FulfillmentOrderConnection",
      nodes: order.fulfillmentOrders.map((fo) => fulfillmentOrderObject(fo, order)),
    }),
    fulfillments: (args: Args) =>
      order.fulfillments
        .slice(0, typeof args.first === "number" ? args.first : undefined)
        .map((f) => fulfillmentObject(shop, order, f)),
    refunds: (args: Args) =>
      order.refunds
        .slice(0, typeof args.first === "number" ? args.first : undefined)
        .map((r) => refundObject(shop, order, r, now)),
    returns: (args: Args) => returnConnection(shop, order, order.returns, args, now),
    returnStatus: orderReturnStatus(order),
  };
}

function paymentTermsObject(order: SandboxOrder) {
  const schedule = order.paymentSchedule!;
  return {
    __typename: "PaymentTerms",
    id: schedule.termsId,
    paymentTermsType: "FIXED",
    paymentSchedules: () => ({
      __typename: "PaymentScheduleConnection",
      nodes: [paymentScheduleObject(order)],
    }),
    order: { __typename: "Order", id: order.id },
  };
}

export function paymentScheduleObject(order: SandboxOrder) {
  const schedule = order.paymentSchedule!;
  const paid = outstanding(order) <= 0;
  return {
    __typename: "PaymentSchedule",
    id: schedule.id,
    dueAt: schedule.dueAt,
    completedAt: paid ? (schedule.completedAt ?? order.updatedAt) : null,
    paymentTerms: () => paymentTermsObject(order),
  };
}

function findOrder(shop: SandboxShop, id: unknown): SandboxOrder | undefined {
  return shop.orders.find((o) => o.id === id);
}

/** A SandboxError from a step becomes the mutation's userErrors, as Shopify reports them. */
function userErrorsFrom(error: unknown, defaultField: string[], code?: string) {
  if (!(error instanceof SandboxError)) throw error;
  const [field, ...rest] = error.message.split(": ");
  const message = rest.length > 0 ? rest.join(": ") : error.message;
  return [
    {
      __typename: "UserError",
      field: rest.length > 0 ? [field] : defaultField,
      message,
      ...(code ? { code } : {}),
    },
  ];
}

export const orderQueryResolvers = {
  nodes: (args: Args, { shop }: ResolverContext) =>
    (args.ids as string[]).map((id) => {
      if (!id.startsWith("gid://shopify/LineItem/"))
        throw new GraphQLError(`not simulated: QueryRoot.nodes for ${id.split("/")[3] ?? id}`, {
          extensions: { code: "NOT_SIMULATED" },
        });
      for (const order of shop.orders) {
        const line = order.lines.find((l) => l.id === id);
        if (!line) continue;
        return lineItemObject(shop, order, line);
      }
      return null;
    }),
  order: (args: Args, { shop, store }: ResolverContext) => {
    const order = findOrder(shop, args.id);
    return order ? orderObject(shop, order, store.clock()) : null;
  },
  orderPaymentStatus: (args: Args, { shop, store }: ResolverContext) => {
    const order = findOrder(shop, args.orderId);
    if (!order)
      throw new GraphQLError("Order does not exist", { extensions: { code: "NOT_FOUND" } });
    const status = new Payments(store).paymentStatus(order, String(args.paymentReferenceId));
    if (!status) return null;
    return {
      __typename: "OrderPaymentStatus",
      ...status,
      translatedErrorMessage: status.errorMessage,
      transactions: status.transactions.map((t) => transactionObject(order, t, store.clock())),
    };
  },
};

export const orderMutationResolvers = {
  paymentReminderSend: (args: Args, { shop, store }: ResolverContext) => {
    const order = shop.orders.find((o) => o.paymentSchedule?.id === args.paymentScheduleId);
    if (!order || outstanding(order) <= 0)
      return {
        success: false,
        userErrors: [
          {
            field: ["paymentScheduleId"],
            message: order
              ? "Nothing is due on this payment schedule"
              : "Payment schedule not found",
            code: "PAYMENT_REMINDER_SEND_UNSUCCESSFUL",
          },
        ],
      };
    store.record({
      shop: shop.domain,
      kind: "payment.reminder",
      orderGid: order.id,
      amount: { amount: (outstanding(order) / 100).toFixed(2), currencyCode: order.currency },
      details: {
        paymentScheduleId: order.paymentSchedule!.id,
        dueAt: order.paymentSchedule!.dueAt,
      },
    });
    return { success: true, userErrors: [] };
  },
  orderCreateMandatePayment: (args: Args, { shop, store }: ResolverContext) => {
    const order = findOrder(shop, args.id);
    if (!order)
      return {
        job: null,
        paymentReferenceId: null,
        userErrors: [{ field: ["id"], message: "Order does not exist", code: null }],
      };
    try {
      const amount = args.amount as { amount: unknown; currencyCode: string } | undefined | null;
      if (amount && amount.currencyCode !== order.currency)
        throw new SandboxError(422, `amount: currency must be ${order.currency}`);
      const payment = new Payments(store).mandatePayment(shop, order, {
        mandateId: String(args.mandateId),
        idempotencyKey: String(args.idempotencyKey),
        autoCapture: args.autoCapture !== false,
        ...(amount ? { amount: toMinor(amount.amount, "amount") } : {}),
      });
      return {
        job: {
          __typename: "Job",
          id: `gid://shopify/Job/${payment.paymentReferenceId}`,
          done: true,
        },
        paymentReferenceId: payment.paymentReferenceId,
        userErrors: [],
      };
    } catch (error) {
      return {
        job: null,
        paymentReferenceId: null,
        userErrors: userErrorsFrom(error, ["id"], "ORDER_MANDATE_PAYMENT_ERROR_CODE"),
      };
    }
  },
  orderCapture: (args: Args, { shop, store }: ResolverContext) => {
    const input = args.input as {
      id: string;
      parentTransactionId: string;
      amount: unknown;
      currency?: string | null;
      finalCapture?: boolean | null;
    };
    const order = findOrder(shop, input.id);
    if (!order)
      return {
        transaction: null,
        userErrors: [{ field: ["id"], message: "Order does not exist" }],
      };
    try {
      const capture = new Payments(store).capture(shop, order, {
        parentTransactionId: input.parentTransactionId,
        amount: toMinor(input.amount, "amount"),
        finalCapture: input.finalCapture === true,
      });
      const userErrors =
        capture.status === "SUCCESS"
          ? []
          : [{ field: ["parentTransactionId"], message: "The card was declined." }];
      return { transaction: transactionObject(order, capture, store.clock()), userErrors };
    } catch (error) {
      return { transaction: null, userErrors: userErrorsFrom(error, ["input"]) };
    }
  },
  transactionVoid: (args: Args, { shop, store }: ResolverContext) => {
    const id = String(args.parentTransactionId);
    const order = shop.orders.find((o) => o.transactions.some((t) => t.id === id));
    if (!order)
      return {
        transaction: null,
        userErrors: [
          {
            field: ["parentTransactionId"],
            message: "Transaction not found",
            code: "TRANSACTION_NOT_FOUND",
          },
        ],
      };
    try {
      const voided = new Payments(store).void(shop, order, id);
      return { transaction: transactionObject(order, voided, store.clock()), userErrors: [] };
    } catch (error) {
      const code = error instanceof SandboxError ? error.message : "GENERIC_ERROR";
      return {
        transaction: null,
        userErrors: [
          {
            field: ["parentTransactionId"],
            message: code === "AUTH_NOT_VOIDABLE" ? "Authorization is not voidable" : code,
            code,
          },
        ],
      };
    }
  },
  refundCreate: (args: Args, { shop, store }: ResolverContext) => {
    const input = args.input as {
      orderId: string;
      note?: string | null;
      refundLineItems?: { lineItemId: string; quantity: number }[] | null;
      transactions?: { amount: unknown; kind: string; parentId?: string | null }[] | null;
    };
    const order = findOrder(shop, input.orderId);
    if (!order)
      return {
        refund: null,
        order: null,
        userErrors: [{ field: ["orderId"], message: "Order does not exist" }],
      };
    try {
      for (const [i, line] of (input.refundLineItems ?? []).entries()) {
        const item = order.lines.find((l) => l.id === line.lineItemId);
        if (item && line.quantity !== item.quantity)
          throw new SandboxError(
            422,
            `refundLineItems.${i}.quantity: the sandbox refunds whole lines (${item.quantity})`,
          );
      }
      const money = (input.transactions ?? []).reduce(
        (sum, t, i) => sum + toMinor(t.amount, `transactions.${i}.amount`),
        0,
      );
      const refund = new Payments(store).refund(shop, order, {
        lineItemIds: (input.refundLineItems ?? []).map((l) => l.lineItemId),
        money,
        note: input.note ?? null,
      });
      store.emit(shop.domain, "refunds/create", refundPayload(order, refund));
      return {
        refund: refundObject(shop, order, refund, store.clock()),
        order: orderObject(shop, order, store.clock()),
        userErrors: [],
      };
    } catch (error) {
      return { refund: null, order: null, userErrors: userErrorsFrom(error, ["input"]) };
    }
  },
};

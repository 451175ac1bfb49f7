import type { Trial, TrialPayment } from "@prisma/client";
import prisma from "~/db.server";
import { parseMoneyInput, toDecimalString } from "~/domain/money";
import {
  TRIAL_CAPTURE_MUTATION,
  TRIAL_MANDATE_PAYMENT_MUTATION,
  TRIAL_MANDATE_PAYMENT_WITH_AMOUNT_MUTATION,
  TRIAL_ORDER_QUERY,
  TRIAL_PAYMENT_STATUS_QUERY,
  TRIAL_LINE_QUANTITIES_QUERY,
  TRIAL_REMOVE_LINES_MUTATION,
  TRIAL_VOID_MUTATION,
} from "./graphql";
import { RetryableJobError, TerminalJobError } from "~/platform/jobs/errors.server";
import {
  adminRequest,
  assertNoUserErrors,
  type AdminGraphql,
} from "~/platform/admin/client.server";
import { performEffect } from "~/platform/effects.server";

// Performs one recorded trial payment against Shopify. The row (with its idempotency key) was
// written before this runs. Mandate payments carry the key to Shopify, which answers a repeat
// with the first result; captures, voids and line removals have no key there, so a retry first
// looks at the order to see whether the earlier attempt landed (the reconcile step).

export type PaymentResult =
  | { outcome: "succeeded"; transactionGid: string | null; amount: number; expiresAt: Date | null }
  | { outcome: "failed"; message: string }
  | { outcome: "skipped"; message: string };

type OrderData = NonNullable<Awaited<ReturnType<typeof loadOrder>>>;

async function loadOrder(graphql: AdminGraphql, orderGid: string) {
  const data = await adminRequest(graphql, TRIAL_ORDER_QUERY, { id: orderGid });
  return data.order ?? null;
}

function minor(amount: string, currency: string): number {
  const parsed = parseMoneyInput(amount, currency);
  if (!parsed.ok) throw new TerminalJobError(`unreadable amount ${amount}: ${parsed.error}`);
  return parsed.amount;
}

function childOf(order: OrderData, parentGid: string, kind: string) {
  return order.transactions.find(
    (t) => t.parentTransaction?.id === parentGid && t.kind === kind && t.status === "SUCCESS",
  );
}

async function mandatePayment(
  graphql: AdminGraphql,
  trial: Trial,
  payment: TrialPayment,
): Promise<PaymentResult> {
  const mandateGid = trial.mandateGid ?? (await findMandate(graphql, trial));
  const autoCapture = payment.kind === "charge";
  // `amount` is Plus-only; a zero amount means "the order's outstanding balance".
  const withAmount = trial.plus && payment.amountMinor > 0;
  const { paymentReferenceId } = await performEffect(
    {
      shop: trial.shop,
      key: payment.idempotencyKey,
      kind: `trial.${payment.kind}`,
      request: { orderGid: trial.orderGid, amount: payment.amountMinor, withAmount },
    },
    async (key) => {
      const base = {
        id: trial.orderGid,
        mandateId: mandateGid,
        idempotencyKey: key,
        autoCapture,
      };
      const data = withAmount
        ? await adminRequest(graphql, TRIAL_MANDATE_PAYMENT_WITH_AMOUNT_MUTATION, {
            ...base,
            amount: {
              amount: toDecimalString({
                amount: payment.amountMinor,
                currency: payment.currencyCode,
              }),
              currencyCode: payment.currencyCode as never,
            },
          })
        : await adminRequest(graphql, TRIAL_MANDATE_PAYMENT_MUTATION, base);
      const result = data.orderCreateMandatePayment;
      assertNoUserErrors("orderCreateMandatePayment", result?.userErrors);
      if (!result?.paymentReferenceId)
        throw new RetryableJobError("orderCreateMandatePayment returned no payment reference");
      return { paymentReferenceId: result.paymentReferenceId };
    },
  );
  await prisma.trialPayment.update({ where: { id: payment.id }, data: { paymentReferenceId } });
  const status = await adminRequest(graphql, TRIAL_PAYMENT_STATUS_QUERY, {
    orderId: trial.orderGid,
    paymentReferenceId,
  });
  const result = status.orderPaymentStatus;
  if (!result) throw new RetryableJobError("payment status not available yet");
  const transaction = result.transactions.find((t) => t.status === "SUCCESS");
  switch (result.status) {
    case "AUTHORIZED":
    case "PURCHASED":
    case "CAPTURED":
    case "SUCCESS":
      return {
        outcome: "succeeded",
        transactionGid: transaction?.id ?? null,
        amount: transaction
          ? minor(transaction.amountSet.shopMoney.amount, payment.currencyCode)
          : payment.amountMinor,
        expiresAt: transaction?.authorizationExpiresAt
          ? new Date(transaction.authorizationExpiresAt as string)
          : null,
      };
    case "ERROR":
    case "VOIDED":
      return { outcome: "failed", message: result.errorMessage ?? "The card was declined." };
    default:
      // PENDING, PROCESSING, INITIATED, RETRYABLE…: asynchronous; look again shortly.
      throw new RetryableJobError(`payment ${paymentReferenceId} is ${result.status}`, 30_000);
  }
}

/** The card on file is on the order, not in its webhook: read once, kept on the trial. */
async function findMandate(graphql: AdminGraphql, trial: Trial): Promise<string> {
  const order = await loadOrder(graphql, trial.orderGid);
  const mandate = order?.paymentCollectionDetails.vaultedPaymentMethods?.[0]?.id;
  if (!mandate)
    throw new TerminalJobError(`order ${trial.orderName} has no card on file (mandate)`);
  await prisma.trial.update({ where: { id: trial.id }, data: { mandateGid: mandate } });
  return mandate;
}

function detail<T>(payment: TrialPayment): T {
  return JSON.parse(payment.details) as T;
}

async function capture(graphql: AdminGraphql, trial: Trial, payment: TrialPayment) {
  const { authorizationGid } = detail<{ authorizationGid: string }>(payment);
  return performEffect<PaymentResult>(
    {
      shop: trial.shop,
      key: payment.idempotencyKey,
      kind: "trial.capture",
      request: { authorizationGid },
    },
    async () => {
      const data = await adminRequest(graphql, TRIAL_CAPTURE_MUTATION, {
        input: {
          id: trial.orderGid,
          parentTransactionId: authorizationGid,
          amount: toDecimalString({ amount: payment.amountMinor, currency: payment.currencyCode }),
          currency: payment.currencyCode as never,
          finalCapture: true,
        },
      });
      const result = data.orderCapture;
      if (result?.transaction?.status === "SUCCESS")
        return {
          outcome: "succeeded",
          transactionGid: result.transaction.id,
          amount: payment.amountMinor,
          expiresAt: null,
        };
      const message = result?.userErrors.map((e) => e.message).join("; ") || "capture failed";
      return { outcome: "failed", message };
    },
    {
      reconcile: async () => {
        const order = await loadOrder(graphql, trial.orderGid);
        const done = order && childOf(order, authorizationGid, "CAPTURE");
        return done
          ? {
              outcome: "succeeded",
              transactionGid: done.id,
              amount: payment.amountMinor,
              expiresAt: null,
            }
          : undefined;
      },
    },
  );
}

async function voidHold(graphql: AdminGraphql, trial: Trial, payment: TrialPayment) {
  const { authorizationGid } = detail<{ authorizationGid: string }>(payment);
  return performEffect<PaymentResult>(
    {
      shop: trial.shop,
      key: payment.idempotencyKey,
      kind: "trial.void",
      request: { authorizationGid },
    },
    async () => {
      const data = await adminRequest(graphql, TRIAL_VOID_MUTATION, {
        parentTransactionId: authorizationGid,
      });
      const result = data.transactionVoid;
      if (result?.transaction)
        return {
          outcome: "succeeded",
          transactionGid: result.transaction.id,
          amount: 0,
          expiresAt: null,
        };
      // An expired or already voided hold is released already: nothing to do.
      if (result?.userErrors.some((e) => e.code === "AUTH_NOT_VOIDABLE"))
        return { outcome: "skipped", message: "the hold had already lapsed" };
      assertNoUserErrors("transactionVoid", result?.userErrors);
      return { outcome: "failed", message: "void returned nothing" };
    },
    {
      reconcile: async () => {
        const order = await loadOrder(graphql, trial.orderGid);
        const done = order && childOf(order, authorizationGid, "VOID");
        return done
          ? { outcome: "succeeded", transactionGid: done.id, amount: 0, expiresAt: null }
          : undefined;
      },
    },
  );
}

async function removeLines(graphql: AdminGraphql, trial: Trial, payment: TrialPayment) {
  const { lines } = detail<{ lines: { lineItemGid: string; quantity: number }[] }>(payment);
  const quantities = async () => {
    const data = await adminRequest(graphql, TRIAL_LINE_QUANTITIES_QUERY, {
      ids: lines.map((l) => l.lineItemGid),
    });
    return new Map(
      data.nodes.flatMap((n) =>
        n && "currentQuantity" in n ? [[n.id, n.currentQuantity] as const] : [],
      ),
    );
  };
  return performEffect<PaymentResult>(
    {
      shop: trial.shop,
      key: payment.idempotencyKey,
      kind: "trial.remove_lines",
      request: { lines },
    },
    async () => {
      // Lines the merchant already refunded (a processed return) are off the order already.
      const current = await quantities();
      const remaining = lines.filter((l) => (current.get(l.lineItemGid) ?? 0) > 0);
      if (remaining.length === 0)
        return { outcome: "skipped", message: "the returned pairs are off the order already" };
      const data = await adminRequest(graphql, TRIAL_REMOVE_LINES_MUTATION, {
        input: {
          orderId: trial.orderGid,
          note: "Trial: pairs returned within the trial",
          notify: false,
          refundLineItems: remaining.map((l) => ({
            lineItemId: l.lineItemGid,
            quantity: l.quantity,
            restockType: "RETURN" as never,
          })),
        },
      });
      assertNoUserErrors("refundCreate", data.refundCreate?.userErrors);
      return {
        outcome: "succeeded",
        transactionGid: data.refundCreate?.refund?.id ?? null,
        amount: 0,
        expiresAt: null,
      };
    },
    {
      reconcile: async () => {
        const current = await quantities();
        return lines.every((l) => current.get(l.lineItemGid) === 0)
          ? { outcome: "succeeded", transactionGid: null, amount: 0, expiresAt: null }
          : undefined;
      },
    },
  );
}

/** A Standard shop's balance charge goes only if the balance is exactly what is owed. */
async function checkBalance(graphql: AdminGraphql, trial: Trial, payment: TrialPayment) {
  if (trial.plus) return null;
  const order = await loadOrder(graphql, trial.orderGid);
  if (!order) throw new TerminalJobError(`order ${trial.orderGid} not found`);
  const balance = minor(order.totalOutstandingSet.shopMoney.amount, payment.currencyCode);
  if (balance === payment.amountMinor) return null;
  return `the order's outstanding balance (${balance}) is not what is owed (${payment.amountMinor}); not charged`;
}

export async function performTrialPayment(
  graphql: AdminGraphql,
  trial: Trial,
  payment: TrialPayment,
): Promise<PaymentResult> {
  switch (payment.kind) {
    case "authorize":
    case "reauthorize":
      return mandatePayment(graphql, trial, payment);
    case "charge": {
      const effect = await prisma.effect.findUnique({
        where: { shop_key: { shop: trial.shop, key: payment.idempotencyKey } },
      });
      // Only before the first attempt: afterwards the balance has (maybe) been paid already.
      if (!effect || effect.attempts === 0) {
        const mismatch = await checkBalance(graphql, trial, payment);
        if (mismatch) return { outcome: "failed", message: mismatch };
      }
      return mandatePayment(graphql, trial, payment);
    }
    case "capture":
      return capture(graphql, trial, payment);
    case "void":
      return voidHold(graphql, trial, payment);
    case "remove_lines":
      return removeLines(graphql, trial, payment);
    default:
      throw new TerminalJobError(`unknown trial payment kind ${payment.kind}`);
  }
}

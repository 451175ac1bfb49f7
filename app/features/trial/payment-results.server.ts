import type { Logger } from "pino";
import prisma from "~/db.server";
import { now } from "~/platform/clock.server";
import { withBusyRetry } from "~/platform/sqlite-busy.server";
import { addTrialEvent, trialMoney, type TrialWithLines } from "./case.server";
import type { PaymentResult } from "./payments.server";

// What a performed trial payment changed: the payment row's outcome, the trial's hold and what it
// has collected, the attention a failure needs, and the timeline entry the merchant reads — in
// one transaction with the result, so a crash never leaves a payment done but unrecorded here.

export async function applyPaymentResult(
  trial: TrialWithLines,
  paymentId: string,
  result: PaymentResult,
  log: Logger,
) {
  const payment = await prisma.trialPayment.findUniqueOrThrow({ where: { id: paymentId } });
  const at = now();
  await withBusyRetry(() =>
    prisma.$transaction(async (tx) => {
      await tx.trialPayment.update({
        where: { id: paymentId },
        data: {
          status: result.outcome,
          ...(result.outcome === "succeeded"
            ? {
                transactionGid: result.transactionGid,
                amountMinor: payment.amountMinor || result.amount,
              }
            : { error: result.message }),
        },
      });
      const isHold = payment.kind === "authorize" || payment.kind === "reauthorize";
      if (result.outcome === "succeeded" && isHold) {
        await tx.trial.update({
          where: { id: trial.id },
          data: {
            authorizationGid: result.transactionGid,
            authorizationAmount: result.amount,
            authorizationExpiresAt: result.expiresAt,
            authorizationFailedAt: null,
            attentionReason: null,
          },
        });
        const previous = (
          JSON.parse(payment.details) as { previousAuthorizationGid?: string | null }
        ).previousAuthorizationGid;
        if (previous && previous !== result.transactionGid)
          await tx.trialPayment.upsert({
            where: {
              shop_idempotencyKey: {
                shop: trial.shop,
                idempotencyKey: `trial:${trial.id}:void:${previous}`,
              },
            },
            create: {
              shop: trial.shop,
              trialId: trial.id,
              currencyCode: trial.currencyCode,
              kind: "void",
              sequence: payment.sequence + 1,
              idempotencyKey: `trial:${trial.id}:void:${previous}`,
              rule: "the renewed hold replaces the old one",
              details: JSON.stringify({ authorizationGid: previous }),
            },
            update: {},
          });
      }
      if (result.outcome === "failed" && isHold)
        await tx.trial.update({
          where: { id: trial.id },
          data: {
            authorizationFailedAt: at,
            attentionReason: `Card hold declined: ${result.message}`,
          },
        });
      if (
        result.outcome === "succeeded" &&
        (payment.kind === "capture" || payment.kind === "charge")
      )
        await tx.trial.update({
          where: { id: trial.id },
          data: {
            collectedMinor: { increment: payment.amountMinor },
            ...(payment.kind === "capture" ? { authorizationAmount: null } : {}),
            // A declined hold matters no more once what is owed has been collected.
            ...(trial.attentionReason?.startsWith("Card hold declined")
              ? { attentionReason: null }
              : {}),
          },
        });
      if (result.outcome === "failed" && !isHold)
        await tx.trial.update({
          where: { id: trial.id },
          data: { attentionReason: `${payment.kind} failed: ${result.message}` },
        });
      await addTrialEvent(tx, trial.id, trial.shop, {
        kind: `payment.${payment.kind}.${result.outcome}`,
        message: paymentMessage(
          trial,
          payment.kind,
          payment.amountMinor || (result.outcome === "succeeded" ? result.amount : 0),
          result,
        ),
        dedupeKey: `payment:${payment.id}`,
        occurredAt: at,
        data: { idempotencyKey: payment.idempotencyKey, rule: payment.rule },
      });
    }),
  );
  log.info(
    {
      trialId: trial.id,
      payment: payment.kind,
      outcome: result.outcome,
      key: payment.idempotencyKey,
    },
    "trial payment done",
  );
}

function paymentMessage(
  trial: TrialWithLines,
  kind: string,
  amount: number,
  result: PaymentResult,
) {
  const what =
    {
      authorize: `Hold of ${trialMoney(trial, amount)} placed on the card`,
      reauthorize: `Hold renewed: ${trialMoney(trial, amount)}`,
      capture: `Charged ${trialMoney(trial, amount)} from the hold`,
      charge: `Charged ${trialMoney(trial, amount)} to the card on file`,
      void: "Hold released",
      remove_lines: "Returned pairs removed from the order",
    }[kind] ?? kind;
  if (result.outcome === "succeeded") return what;
  if (result.outcome === "skipped") return `${what}: skipped (${result.message})`;
  return `${what}: FAILED (${result.message})`;
}

import prisma from "~/db.server";
import { withBusyRetry } from "~/platform/sqlite-busy.server";
import { now } from "~/platform/clock.server";
import { addTrialEvent, advanceTrialSoon } from "./case.server";

// What a merchant can do to a trial from its page. Each action is a recorded fact plus a nudge to
// the trial job, which does any money movement the fact leads to (never the request itself).

export type TrialActionInput =
  | { action: "extend"; days: number }
  | { action: "mark_returned"; lineItemGid: string }
  | { action: "mark_kept"; lineItemGid: string }
  | { action: "mark_damaged"; lineItemGid: string; damaged: boolean }
  | { action: "waive_damage_fee"; lineItemGid: string }
  | { action: "charge_now" }
  | { action: "retry_hold" }
  | { action: "cancel" };

export type TrialActionResult =
  { ok: true; message: string } | { ok: false; field: string; message: string };

export async function performTrialAction(
  shop: string,
  trialId: string,
  input: TrialActionInput,
  staff: string,
): Promise<TrialActionResult> {
  const trial = await prisma.trial.findFirst({
    where: { id: trialId, shop },
    include: { lines: true },
  });
  if (!trial) return { ok: false, field: "trialId", message: "No such trial in this shop" };
  if (trial.settledAt && input.action !== "mark_damaged")
    return {
      ok: false,
      field: "action",
      message: "This trial is settled: its charge has been decided",
    };
  const line =
    "lineItemGid" in input
      ? trial.lines.find((l) => l.lineItemGid === input.lineItemGid)
      : undefined;
  if ("lineItemGid" in input && !line)
    return { ok: false, field: "lineItemGid", message: "That item is not part of this trial" };
  const at = now();

  const { message, data } = await withBusyRetry(() =>
    prisma.$transaction(async (tx) => {
      switch (input.action) {
        case "extend":
          await tx.trial.update({
            where: { id: trial.id },
            data: { extensionDays: { increment: input.days } },
          });
          return { message: `Trial extended by ${input.days} day(s)`, data: input };
        case "mark_returned":
          await tx.trialLine.update({
            where: { id: line!.id },
            data: {
              choice: "return",
              returnStartedAt: line!.returnStartedAt ?? at,
              returnReceivedAt: line!.returnReceivedAt ?? at,
            },
          });
          return { message: `${line!.title} marked returned`, data: input };
        case "mark_kept":
          await tx.trialLine.update({ where: { id: line!.id }, data: { choice: "keep" } });
          return { message: `${line!.title} marked kept`, data: input };
        case "mark_damaged":
          await tx.trialLine.update({ where: { id: line!.id }, data: { damaged: input.damaged } });
          return {
            message: `${line!.title} marked ${input.damaged ? "damaged" : "undamaged"}`,
            data: input,
          };
        case "waive_damage_fee":
          await tx.trialLine.update({ where: { id: line!.id }, data: { damageFeeWaived: true } });
          return { message: `Damage fee waived for ${line!.title}`, data: input };
        case "charge_now":
          await tx.trial.update({ where: { id: trial.id }, data: { settleRequestedAt: at } });
          return { message: "Charge requested now", data: input };
        case "retry_hold":
          await tx.trial.update({
            where: { id: trial.id },
            data: { authorizationFailedAt: null, attentionReason: null },
          });
          return { message: "Card hold to be tried again", data: input };
        case "cancel":
          await tx.trial.update({
            where: { id: trial.id },
            data: { cancelledAt: at, attentionReason: null },
          });
          return {
            message: "Trial cancelled: the hold is released, nothing is charged",
            data: input,
          };
      }
    }),
  );
  await addTrialEvent(prisma, trial.id, shop, {
    kind: `merchant.${input.action}`,
    message: `${message} (by ${staff})`,
    dedupeKey: `merchant:${input.action}:${at.toISOString()}`,
    occurredAt: at,
    data,
  });
  await advanceTrialSoon(trial, `merchant:${input.action}:${at.toISOString()}`);
  return { ok: true, message };
}

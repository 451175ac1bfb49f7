import prisma from "~/db.server";
import { now } from "~/platform/clock.server";
import { advanceSoon } from "~/platform/jobs/case-runner.server";
import { enqueue } from "~/platform/jobs/queue.server";
import { REFERRAL_CASE, addReferralEvent } from "./case.server";
import { issueCode } from "./codes.server";

// The merchant's actions on a referral: approve or void a held reward, pay it before the window
// ends, revoke a leaked code (the referrer gets a new one). Each is recorded on the case's
// timeline with who did it, and the case's job looks at it at once; money moves only there.

export const REFERRALS_CODE_REMOVE_JOB = "referrals.code.remove";

export class ReferralActionError extends Error {
  constructor(
    message: string,
    readonly field: string | null = null,
  ) {
    super(message);
  }
}

async function caseFor(shop: string, id: string) {
  const c = await prisma.referralCase.findFirst({ where: { id, shop } });
  if (!c) throw new ReferralActionError("This referral does not exist");
  return c;
}

export async function reviewReferral(
  shop: string,
  id: string,
  decision: "approve" | "void",
  note: string | null,
  by: string,
) {
  const c = await caseFor(shop, id);
  if (c.paidAt) throw new ReferralActionError("This reward is already paid", "decision");
  await prisma.$transaction(async (tx) => {
    await tx.referralCase.update({
      where: { id: c.id },
      data: { review: decision, reviewNote: note },
    });
    await addReferralEvent(
      c,
      {
        kind: `review.${decision}`,
        message: `${by} ${decision === "approve" ? "approved" : "voided"} the reward${note ? `: ${note}` : "."}`,
        dedupeKey: `review:${decision}:${now().toISOString()}`,
      },
      tx,
    );
    await advanceSoon(REFERRAL_CASE, c, `review:${decision}:${now().toISOString()}`, tx);
  });
}

export async function payReferralNow(shop: string, id: string, by: string) {
  const c = await caseFor(shop, id);
  if (c.paidAt) throw new ReferralActionError("This reward is already paid");
  if (c.status === "voided") throw new ReferralActionError("A voided reward cannot be paid");
  if (c.status === "flagged" && c.review !== "approve")
    throw new ReferralActionError("Approve the flagged reward first");
  await prisma.$transaction(async (tx) => {
    await tx.referralCase.update({ where: { id: c.id }, data: { payNow: true } });
    await addReferralEvent(
      c,
      {
        kind: "review.pay_now",
        message: `${by} released the reward before the window ended.`,
        dedupeKey: "pay_now",
      },
      tx,
    );
    await advanceSoon(REFERRAL_CASE, c, "pay_now", tx);
  });
}

/** A leaked code stops working on Shopify and the referrer gets a fresh one. */
export async function revokeCode(shop: string, codeId: string, by: string) {
  const code = await prisma.referralCode.findFirst({
    where: { id: codeId, shop },
    include: { referrer: true },
  });
  if (!code) throw new ReferralActionError("This code does not exist");
  if (code.status === "revoked") throw new ReferralActionError("This code is already revoked");
  await prisma.$transaction(async (tx) => {
    await tx.referralCode.update({
      where: { id: code.id },
      data: { status: "revoked", revokedAt: now() },
    });
    await enqueue(
      {
        type: REFERRALS_CODE_REMOVE_JOB,
        shop,
        payload: { codeId: code.id, by },
        idempotencyKey: `referral-code:${code.id}:remove`,
      },
      tx,
    );
  });
  return issueCode(shop, code.referrerId, code.referrer.firstName);
}

import prisma from "~/db.server";
import { now } from "~/platform/clock.server";
import { enqueue } from "~/platform/jobs/queue.server";
import { fireFlowTrigger } from "~/services/flow.server";
import type { PolicyJobHandler } from "~/policy-module";
import { ReferralActionError } from "./actions.server";
import { issueCode } from "./codes.server";
import { normalizeEmail } from "./domain/identity";
import { referralOffer } from "./shopper.server";

// Ambassadors: a signed-in shopper applies (name, email, social handle, why) on the storefront;
// the merchant approves — the ambassador gets their own code and link and, if set, their own
// reward — or declines. An application fires the "Ambassador applied" Flow trigger.

export const REFERRALS_AMBASSADOR_APPLIED_JOB = "referrals.ambassador.applied";

export interface AmbassadorApplication {
  name: string;
  email: string;
  socialHandle: string;
  why: string;
}

export async function applyAmbassador(
  shop: string,
  customerGid: string,
  form: AmbassadorApplication,
) {
  const terms = await referralOffer(shop);
  if (!terms.enabled || !terms.ambassadorsEnabled)
    throw new ReferralActionError("The ambassador program is closed");
  const [firstName, ...rest] = form.name.trim().split(/\s+/);
  const existing = await prisma.referrer.findUnique({
    where: { shop_customerGid: { shop, customerGid } },
  });
  if (existing?.ambassadorStatus === "approved") return { status: "approved" as const };
  if (existing?.ambassadorStatus === "applied") return { status: "applied" as const };
  // A declined shopper does not re-apply from the storefront (each application reaches the
  // merchant through Flow); the merchant can still approve them from the Referrals page.
  if (existing?.ambassadorStatus === "declined") return { status: "declined" as const };
  const data = {
    email: form.email,
    emailKey: normalizeEmail(form.email),
    firstName: firstName ?? null,
    lastName: rest.join(" ") || null,
    socialHandle: form.socialHandle,
    applicationNote: form.why,
    ambassadorStatus: "applied",
  };
  await prisma.$transaction(async (tx) => {
    const referrer = await tx.referrer.upsert({
      where: { shop_customerGid: { shop, customerGid } },
      create: { shop, customerGid, ...data },
      update: data,
    });
    await enqueue(
      {
        type: REFERRALS_AMBASSADOR_APPLIED_JOB,
        shop,
        payload: { referrerId: referrer.id },
        idempotencyKey: `ambassador:${referrer.id}:applied:${now().toISOString()}`,
      },
      tx,
    );
  });
  return { status: "applied" as const };
}

export async function ambassadorStatus(shop: string, customerGid: string) {
  const r = await prisma.referrer.findUnique({
    where: { shop_customerGid: { shop, customerGid } },
    select: { ambassadorStatus: true },
  });
  return (r?.ambassadorStatus ?? null) as "applied" | "approved" | "declined" | null;
}

export async function ambassadorApplications(shop: string) {
  const rows = await prisma.referrer.findMany({
    where: { shop, ambassadorStatus: "applied" },
    orderBy: { updatedAt: "asc" },
    take: 50,
  });
  return rows.map((r) => ({
    id: r.id,
    name: [r.firstName, r.lastName].filter(Boolean).join(" "),
    email: r.email,
    socialHandle: r.socialHandle,
    why: r.applicationNote,
    appliedAt: r.updatedAt.toISOString(),
  }));
}

export async function reviewAmbassador(
  shop: string,
  referrerId: string,
  decision: "approve" | "decline",
  rewardMinor: number | null,
) {
  const referrer = await prisma.referrer.findFirst({ where: { id: referrerId, shop } });
  if (!referrer) throw new ReferralActionError("This application does not exist");
  if (referrer.ambassadorStatus !== "applied")
    throw new ReferralActionError("This application was already decided");
  await prisma.referrer.update({
    where: { id: referrer.id },
    data: {
      ambassadorStatus: decision === "approve" ? "approved" : "declined",
      ambassadorRewardMinor: decision === "approve" ? rewardMinor : null,
      reviewedAt: now(),
    },
  });
  if (decision === "decline") return null;
  const current = await prisma.referralCode.findFirst({
    where: { referrerId: referrer.id, status: { in: ["issued", "active"] } },
  });
  return current ?? issueCode(shop, referrer.id, referrer.firstName);
}

export const ambassadorAppliedJob: PolicyJobHandler = async (context) => {
  const { referrerId } = context.payload as { referrerId: string };
  const r = await prisma.referrer.findUnique({ where: { id: referrerId } });
  if (!r || r.ambassadorStatus !== "applied") return;
  await fireFlowTrigger(await context.admin(), {
    shop: context.shop,
    key: `ambassador:${r.id}:flow:applied`,
    handle: "ambassador-applied",
    customerGid: r.customerGid,
    orderGid: null,
    fields: {
      Name: [r.firstName, r.lastName].filter(Boolean).join(" "),
      "Social handle": r.socialHandle ?? "",
    },
  });
};

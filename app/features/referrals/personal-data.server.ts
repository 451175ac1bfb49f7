import prisma from "~/db.server";
import { REDACTED, isSubjectRow } from "~/domain/redaction";
import { containsAnyCase } from "~/platform/redaction.server";
import { now } from "~/platform/clock.server";
import { enqueue } from "~/platform/jobs/queue.server";
import type { DataSubject, PersonalData, Tx } from "~/policy-module";
import { REFERRALS_CODE_REMOVE_JOB } from "./actions.server";

// Referrals' share of GDPR / CPRA requests: a referrer's record and codes name them; a case names
// the friend (and its timeline the order); identities are normalized emails and addresses. The
// money rows are the store's books (amounts, rules) and are kept.

/** The subject's referrer records: by customer, or by her address in whatever case she typed it. */
async function referrerIdsOf(db: Tx, shop: string, subject: DataSubject): Promise<string[]> {
  const or = [
    ...(subject.customerGid ? [{ customerGid: subject.customerGid }] : []),
    ...(subject.email ? [{ email: containsAnyCase(subject.email.trim()) }] : []),
  ];
  if (or.length === 0) return [];
  const rows = await db.referrer.findMany({
    where: { shop, OR: or },
    select: { id: true, customerGid: true, email: true },
  });
  return rows.filter((r) => isSubjectRow(r, subject)).map((r) => r.id);
}

/**
 * Her codes are made from her first name (MAYA-7KQ2), so they are retired, not kept: the text
 * becomes a placeholder, a live code is revoked and leaves the program's discount on Shopify,
 * and the link that carried it stops giving the offer. Keeping it working would keep her name
 * on Shopify and in every link she shared. Rewards already earned are keyed by the referrer row
 * and stay; her cases as referrer forget the code the friend typed.
 */
async function retireCodes(tx: Tx, shop: string, referrerIds: string[]): Promise<number> {
  if (referrerIds.length === 0) return 0;
  const codes = await tx.referralCode.findMany({
    where: { shop, referrerId: { in: referrerIds } },
    select: { id: true, status: true, revokedAt: true },
  });
  for (const code of codes) {
    await tx.referralCode.update({
      where: { id: code.id },
      data: {
        code: `${REDACTED}-${code.id}`,
        status: "revoked",
        revokedAt: code.revokedAt ?? now(),
      },
    });
    if (code.status !== "revoked")
      await enqueue(
        {
          type: REFERRALS_CODE_REMOVE_JOB,
          shop,
          payload: { codeId: code.id, by: "customers/redact" },
          idempotencyKey: `referral-code:${code.id}:remove`,
        },
        tx,
      );
  }
  await tx.referralCase.updateMany({
    where: { shop, referrerId: { in: referrerIds } },
    data: { code: REDACTED },
  });
  return codes.length;
}

export const referralsPersonalData: PersonalData = {
  modelsWithCustomerData: [
    "Referrer",
    "ReferralCode",
    "ReferralIdentity",
    "ReferralCase",
    "ReferralEvent",
  ],
  modelsWithoutCustomerData: {
    ReferralMoney: "rewards paid, with the rule and policy version: the store's books",
    ReferralProgram: "the shop's two discount ids on Shopify",
  },

  async exportFor(shop, subject) {
    const referrers = await prisma.referrer.findMany({
      where: { shop, id: { in: await referrerIdsOf(prisma, shop, subject) } },
      include: {
        codes: true,
        cases: { select: { orderName: true, status: true, rewardMinor: true, currencyCode: true } },
      },
    });
    const asFriend = await prisma.referralCase.findMany({
      where: { shop, orderGid: { in: subject.orderGids } },
      select: {
        orderName: true,
        code: true,
        status: true,
        discountMinor: true,
        currencyCode: true,
      },
    });
    return {
      referrals: {
        asReferrer: referrers.map((r) => ({
          name: [r.firstName, r.lastName].filter(Boolean).join(" "),
          email: r.email,
          ambassador: r.ambassadorStatus,
          socialHandle: r.socialHandle,
          codes: r.codes.map((c) => ({ code: c.code, status: c.status })),
          referrals: r.cases,
        })),
        asFriend,
      },
    };
  },

  async redact(tx, shop, subject) {
    const referrerIds = await referrerIdsOf(tx, shop, subject);
    const referrers =
      referrerIds.length > 0
        ? await tx.referrer.updateMany({
            where: { shop, id: { in: referrerIds } },
            data: {
              customerGid: null,
              email: null,
              emailKey: null,
              firstName: null,
              lastName: null,
              socialHandle: null,
              applicationNote: null,
              addressKeys: "[]",
              paymentKeys: "[]",
            },
          })
        : { count: 0 };
    const codes = await retireCodes(tx, shop, referrerIds);
    const cases = await tx.referralCase.updateMany({
      where: { shop, orderGid: { in: subject.orderGids } },
      data: {
        friendEmailKey: null,
        friendAddressKey: null,
        friendName: null,
        friendCustomerGid: null,
      },
    });
    // Her cases as the friend or the referrer: the merchant's review note and the timeline's
    // messages may name her; amounts, statuses and rules stay (the store's books).
    const caseWhere = {
      shop,
      OR: [{ orderGid: { in: subject.orderGids } }, { referrerId: { in: referrerIds } }],
    };
    await tx.referralCase.updateMany({
      where: { ...caseWhere, reviewNote: { not: null } },
      data: { reviewNote: REDACTED },
    });
    const caseIds = (
      await tx.referralCase.findMany({ where: caseWhere, select: { id: true } })
    ).map((c) => c.id);
    const events = await tx.referralEvent.updateMany({
      where: { shop, caseId: { in: caseIds } },
      data: { message: REDACTED, data: '{"redacted":true}' },
    });
    const identities = await tx.referralIdentity.deleteMany({
      where: {
        shop,
        OR: [
          { orderGid: { in: subject.orderGids } },
          ...(subject.customerGid ? [{ customerGid: subject.customerGid }] : []),
        ],
      },
    });
    return {
      referrers: referrers.count,
      referralCases: cases.count,
      referralIdentities: identities.count,
      referralEvents: events.count,
      referralCodes: codes,
    };
  },

  async eraseShop(tx, shop) {
    const counts = await Promise.all([
      tx.referralEvent.deleteMany({ where: { shop } }),
      tx.referralMoney.deleteMany({ where: { shop } }),
      tx.referralCase.deleteMany({ where: { shop } }),
      tx.referralCode.deleteMany({ where: { shop } }),
      tx.referrer.deleteMany({ where: { shop } }),
      tx.referralIdentity.deleteMany({ where: { shop } }),
      tx.referralProgram.deleteMany({ where: { shop } }),
    ]);
    return counts.reduce((n, c) => n + c.count, 0);
  },
};

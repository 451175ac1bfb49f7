import prisma from "~/db.server";
import type { PersonalData } from "~/policy-module";

// Referrals' share of GDPR / CPRA requests: a referrer's record and codes name them; a case names
// the friend (and its timeline the order); identities are normalized emails and addresses. The
// money rows are the store's books (amounts, rules) and are kept.

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
      where: {
        shop,
        OR: [
          ...(subject.customerGid ? [{ customerGid: subject.customerGid }] : []),
          ...(subject.email ? [{ email: subject.email }] : []),
        ],
      },
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
    const referrerWhere = {
      shop,
      OR: [
        ...(subject.customerGid ? [{ customerGid: subject.customerGid }] : []),
        ...(subject.email ? [{ email: subject.email }] : []),
      ],
    };
    const referrers =
      referrerWhere.OR.length > 0
        ? await tx.referrer.updateMany({
            where: referrerWhere,
            data: {
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
    const cases = await tx.referralCase.updateMany({
      where: { shop, orderGid: { in: subject.orderGids } },
      data: {
        friendEmailKey: null,
        friendAddressKey: null,
        friendName: null,
        friendCustomerGid: null,
      },
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

import type { Prisma } from "@prisma/client";
import prisma from "~/db.server";
import { parseMoneyInput } from "~/domain/money";
import type { OrderPayload } from "~/domain/orders";
import { now } from "~/platform/clock.server";
import { advanceSoon } from "~/platform/jobs/case-runner.server";
import { withBusyRetry } from "~/platform/sqlite-busy.server";
import { getCurrentPolicy } from "~/services/policy.server";
import { REFERRAL_CASE, addReferralEvent, storeFacts } from "./case.server";
import { codeFromLandingSite, normalizeCode } from "./domain/codes";
import { friendNewness, mayRefer, referrerRewardAmount, standingFrom } from "./domain/eligibility";
import { fraudSignals } from "./domain/fraud";
import { addressKey, normalizeEmail } from "./domain/identity";
import { rewardDecision, type FriendOrderFacts } from "./domain/reward";
import { referralTerms } from "./domain/terms";

// orders/create: every order's identities are kept (the next friend's "is this a first order?"),
// and an order that used a referral — a referrer's code among its discount codes, or the cart
// attribute the referral link sets — becomes a referral case, decided on the referral terms in
// force now and the facts of the order, the friend and the referrer.

/** The cart attribute the referral link (app proxy /r/<code>) sets: the code it came from. */
export const REFERRAL_ATTRIBUTE = "_fitting_room_referral";

const DAY = 86_400_000;

function identityOf(order: OrderPayload) {
  return {
    customerGid: order.customer?.admin_graphql_api_id ?? null,
    emailKey: normalizeEmail(order.email ?? order.customer?.email ?? order.contact_email),
    addressKey: addressKey(
      order.shipping_address && {
        address1: order.shipping_address.address1,
        address2: order.shipping_address.address2,
        city: order.shipping_address.city,
        zip: order.shipping_address.zip,
        countryCode: order.shipping_address.country_code,
      },
    ),
  };
}

const orderedAtOf = (order: OrderPayload) =>
  new Date(order.processed_at ?? order.created_at ?? now().toISOString());

export async function recordIdentity(shop: string, order: OrderPayload) {
  const orderGid = order.admin_graphql_api_id;
  if (!orderGid) return;
  await prisma.referralIdentity.upsert({
    where: { shop_orderGid: { shop, orderGid } },
    create: { shop, orderGid, orderedAt: orderedAtOf(order), ...identityOf(order) },
    update: {},
  });
}

/**
 * The referral code the order used: a discount code the app issued, else the link's cart
 * attribute, else the link's ?ref= on the visit Shopify recorded.
 */
async function referralCodeOf(shop: string, order: OrderPayload) {
  const entered = (order.discount_codes ?? []).map((d) => normalizeCode(d.code ?? ""));
  const attribute = (order.note_attributes ?? []).find((a) => a.name === REFERRAL_ATTRIBUTE);
  const landed = codeFromLandingSite(order.landing_site);
  const candidates = [
    ...entered,
    ...(attribute ? [normalizeCode(String(attribute.value))] : []),
    ...(landed ? [landed] : []),
  ];
  if (candidates.length === 0) return null;
  const codes = await prisma.referralCode.findMany({
    where: { shop, code: { in: candidates } },
    include: { referrer: true },
  });
  for (const c of candidates) {
    const found = codes.find((x) => x.code === c);
    if (found) return { ...found, discounted: entered.includes(c) };
  }
  return null;
}

function friendFacts(order: OrderPayload, currency: string): FriendOrderFacts {
  return {
    orderedAt: orderedAtOf(order),
    paid: order.financial_status === "paid" || order.financial_status === "partially_refunded",
    cancelledAt: order.cancelled_at ? new Date(order.cancelled_at) : null,
    lines: (order.line_items ?? [])
      .filter((l) => l.admin_graphql_api_id && l.gift_card !== true)
      .map((l) => {
        const price = parseMoneyInput(l.price ?? "0", currency);
        return {
          lineItemGid: l.admin_graphql_api_id as string,
          quantity: l.quantity ?? 1,
          unitValue: price.ok ? price.amount : 0,
          returned: 0,
        };
      }),
    deliveredAt: null,
  };
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

export async function openReferralCase(shop: string, order: OrderPayload) {
  const orderGid = order.admin_graphql_api_id;
  if (!orderGid) return null;
  await recordIdentity(shop, order);
  const used = await referralCodeOf(shop, order);
  if (!used) return null;
  const existing = await prisma.referralCase.findUnique({
    where: { shop_orderGid: { shop, orderGid } },
  });
  if (existing) return existing;

  const { version, document } = await getCurrentPolicy(shop);
  const terms = referralTerms(document, version);
  const currency = order.currency ?? terms.currency;
  const friend = identityOf(order);
  const orderedAt = orderedAtOf(order);
  const referrer = used.referrer;

  const matches = [
    ...(friend.customerGid ? [{ customerGid: friend.customerGid }] : []),
    ...(friend.emailKey ? [{ emailKey: friend.emailKey }] : []),
    ...(friend.addressKey ? [{ addressKey: friend.addressKey }] : []),
  ];
  const earlier = matches.length
    ? await prisma.referralIdentity.findMany({
        where: { shop, orderGid: { not: orderGid }, orderedAt: { lte: orderedAt }, OR: matches },
        take: 20,
      })
    : [];
  const newness = friendNewness(friend, earlier, terms.newFriendChecks);

  const referrerOrders = referrer.customerGid
    ? await prisma.shopOrder.findMany({
        where: { shop, customerGid: referrer.customerGid, orderGid: { not: orderGid } },
        select: { orderGid: true, financialStatus: true, cancelledAt: true },
      })
    : [];
  const decision = mayRefer(standingFrom(referrerOrders, referrer.ambassadorStatus), terms);
  const asAmbassador = decision.allowed && decision.as === "ambassador";

  const referrerIdentities = referrer.customerGid
    ? await prisma.referralIdentity.findMany({
        where: { shop, customerGid: referrer.customerGid, orderGid: { not: orderGid } },
      })
    : [];
  const since = new Date(orderedAt.getTime() - 30 * DAY);
  const [otherFriends, codeUses, shopUses] = await Promise.all([
    prisma.referralCase.findMany({
      where: { shop, referrerId: referrer.id, orderGid: { not: orderGid } },
      select: { friendAddressKey: true },
    }),
    prisma.referralCase.count({ where: { shop, code: used.code, orderedAt: { gte: since } } }),
    prisma.referralCase.groupBy({
      by: ["code"],
      where: { shop, orderedAt: { gte: since } },
      _count: { _all: true },
    }),
  ]);
  const signals = fraudSignals(
    {
      referrer: {
        customerGid: referrer.customerGid,
        emailKey: referrer.emailKey,
        addressKeys: [
          ...(JSON.parse(referrer.addressKeys) as string[]),
          ...referrerIdentities.flatMap((r) => (r.addressKey ? [r.addressKey] : [])),
        ],
        paymentKeys: [
          ...(JSON.parse(referrer.paymentKeys) as string[]),
          ...referrerIdentities.flatMap((r) => (r.paymentKey ? [r.paymentKey] : [])),
        ],
      },
      referrerIsAmbassador: asAmbassador,
      friend: {
        customerGid: friend.customerGid,
        emailKey: friend.emailKey,
        addressKeys: friend.addressKey ? [friend.addressKey] : [],
        paymentKeys: [],
      },
      otherFriendAddressKeys: otherFriends.flatMap((f) =>
        f.friendAddressKey ? [f.friendAddressKey] : [],
      ),
      codeFriends30d: codeUses + 1,
      typicalCodeFriends30d: median(
        shopUses.filter((u) => u.code !== used.code).map((u) => u._count._all),
      ),
    },
    terms,
  );

  const facts = friendFacts(order, currency);
  const discount = (order.discount_codes ?? []).find(
    (d) => normalizeCode(d.code ?? "") === used.code,
  );
  const discountMinor = discount ? parseMoneyInput(discount.amount ?? "0", currency) : null;
  const rewardMinor = referrerRewardAmount(
    asAmbassador ? "ambassador" : "customer",
    terms,
    referrer.ambassadorRewardMinor,
  );
  const first = rewardDecision(
    {
      terms,
      order: facts,
      referrer: decision,
      newness,
      signals,
      amount: rewardMinor,
      review: null,
      payNow: false,
      paidAt: null,
    },
    now(),
  );
  const data: Prisma.ReferralCaseUncheckedCreateInput = {
    shop,
    orderGid,
    orderName: order.name ?? orderGid,
    code: used.code,
    referrerId: referrer.id,
    friendCustomerGid: friend.customerGid,
    friendEmailKey: friend.emailKey,
    friendAddressKey: friend.addressKey,
    friendName: order.customer?.first_name ?? null,
    policyVersion: version,
    currencyCode: currency,
    discountMinor: discountMinor?.ok ? discountMinor.amount : 0,
    rewardMinor,
    rewardForm: referrer.customerGid ? terms.referrerRewardForm : "discount_code",
    terms: JSON.stringify(terms),
    facts: storeFacts(facts),
    newness: JSON.stringify(newness),
    referrerDecision: JSON.stringify(decision),
    signals: JSON.stringify(signals),
    status: first.status,
    voidReason: first.voidReason,
    orderedAt,
  };
  return withBusyRetry(() =>
    prisma.$transaction(async (tx) => {
      const c = await tx.referralCase.upsert({
        where: { shop_orderGid: { shop, orderGid } },
        create: data,
        update: {},
      });
      await addReferralEvent(
        c,
        {
          kind: "referral.opened",
          message: `${order.name ?? "Order"} used ${used.code}${used.discounted ? "" : " (link only, no discount)"}. ${newness.sentence} ${first.rule}`,
          dedupeKey: "opened",
          occurredAt: orderedAt,
          data: { signals, newness: newness.matches, referrer: decision },
        },
        tx,
      );
      for (const s of signals)
        await addReferralEvent(
          c,
          { kind: "referral.flagged", message: s.reason, dedupeKey: `flag:${s.code}` },
          tx,
        );
      await advanceSoon(REFERRAL_CASE, c, "opened", tx);
      return c;
    }),
  );
}

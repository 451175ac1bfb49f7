import prisma from "~/db.server";
import type { RewardStatus } from "./domain/reward";
import { REFERRAL_STATUS_LABELS } from "./domain/status";

// What the merchant's Referrals pages read: the program's totals, the queues (held for review,
// ambassador applications, rewards due), the referrals with their state, the top referrers, and
// one referral with its rule, money and timeline. Every query is scoped by shop.

const PENDING: RewardStatus[] = [
  "waiting_payment",
  "waiting_delivery",
  "waiting_window",
  "waiting_return",
  "earned",
  "flagged",
];

/** The overview's referrals card: what waits for the merchant, and what waits for time. */
export async function referralQueueCounts(shop: string) {
  const [byStatus, applications] = await Promise.all([
    prisma.referralCase.groupBy({ by: ["status"], where: { shop }, _count: { _all: true } }),
    prisma.referrer.count({ where: { shop, ambassadorStatus: "applied" } }),
  ]);
  const count = (statuses: readonly string[]) =>
    byStatus.filter((s) => statuses.includes(s.status)).reduce((n, s) => n + s._count._all, 0);
  return {
    flagged: count(["flagged"]),
    applications,
    // Earned but not paid: normally minutes; longer means it needs the merchant (see its page).
    due: count(["earned"]),
    waiting: count(["waiting_payment", "waiting_delivery", "waiting_window", "waiting_return"]),
    paid: count(["paid"]),
  };
}

export async function referralTotals(shop: string) {
  const [byStatus, applications, top] = await Promise.all([
    prisma.referralCase.groupBy({
      by: ["status"],
      where: { shop },
      _count: { _all: true },
      _sum: { rewardMinor: true, discountMinor: true },
    }),
    prisma.referrer.count({ where: { shop, ambassadorStatus: "applied" } }),
    prisma.referralCase.groupBy({
      by: ["referrerId"],
      where: { shop, status: { not: "voided" } },
      _count: { _all: true },
      orderBy: { _count: { referrerId: "desc" } },
      take: 5,
    }),
  ]);
  const sum = (statuses: string[], f: "rewardMinor" | "discountMinor") =>
    byStatus.filter((s) => statuses.includes(s.status)).reduce((n, s) => n + (s._sum[f] ?? 0), 0);
  const count = (statuses: string[]) =>
    byStatus.filter((s) => statuses.includes(s.status)).reduce((n, s) => n + s._count._all, 0);
  const orders = byStatus.reduce((n, s) => n + s._count._all, 0);
  const paid = sum(["paid"], "rewardMinor");
  const discounts = byStatus.reduce((n, s) => n + (s._sum.discountMinor ?? 0), 0);
  const referrers = await prisma.referrer.findMany({
    where: { shop, id: { in: top.map((t) => t.referrerId) } },
    select: { id: true, firstName: true, lastName: true, email: true, ambassadorStatus: true },
  });
  return {
    orders,
    pending: { count: count(PENDING), amount: sum(PENDING, "rewardMinor") },
    paid: { count: count(["paid"]), amount: paid },
    voided: count(["voided"]),
    flagged: count(["flagged"]),
    discounts,
    costPerOrder: orders > 0 ? Math.round((paid + discounts) / orders) : 0,
    applications,
    top: top.map((t) => {
      const r = referrers.find((x) => x.id === t.referrerId);
      return {
        referrerId: t.referrerId,
        name: [r?.firstName, r?.lastName].filter(Boolean).join(" ") || r?.email || "—",
        ambassador: r?.ambassadorStatus === "approved",
        referrals: t._count._all,
      };
    }),
  };
}

export async function listReferrals(shop: string, status: RewardStatus | null, take = 50) {
  const rows = await prisma.referralCase.findMany({
    where: { shop, ...(status ? { status } : {}) },
    orderBy: { orderedAt: "desc" },
    take,
    select: {
      id: true,
      orderName: true,
      code: true,
      friendName: true,
      status: true,
      rewardMinor: true,
      currencyCode: true,
      windowLastDay: true,
      orderedAt: true,
      referrer: { select: { firstName: true, lastName: true, email: true } },
    },
  });
  return rows.map((c) => ({
    id: c.id,
    orderName: c.orderName,
    code: c.code,
    referrer:
      [c.referrer.firstName, c.referrer.lastName].filter(Boolean).join(" ") ||
      c.referrer.email ||
      "—",
    friend: c.friendName ?? "Guest",
    status: c.status as RewardStatus,
    statusLabel: REFERRAL_STATUS_LABELS[c.status as RewardStatus] ?? c.status,
    rewardMinor: c.rewardMinor,
    currency: c.currencyCode,
    windowLastDay: c.windowLastDay,
    orderedAt: c.orderedAt.toISOString(),
  }));
}

export async function referralDetail(shop: string, id: string) {
  const c = await prisma.referralCase.findFirst({
    where: { shop, id },
    include: {
      referrer: { include: { codes: { orderBy: { createdAt: "desc" } } } },
      money: { orderBy: { createdAt: "asc" } },
      events: { orderBy: { occurredAt: "asc" } },
    },
  });
  if (!c) return null;
  return {
    id: c.id,
    orderName: c.orderName,
    orderGid: c.orderGid,
    code: c.code,
    policyVersion: c.policyVersion,
    currency: c.currencyCode,
    status: c.status as RewardStatus,
    statusLabel: REFERRAL_STATUS_LABELS[c.status as RewardStatus] ?? c.status,
    voidReason: c.voidReason,
    windowLastDay: c.windowLastDay,
    rewardMinor: c.rewardMinor,
    discountMinor: c.discountMinor,
    rewardForm: c.rewardForm,
    friend: c.friendName ?? "Guest",
    referrer: {
      name:
        [c.referrer.firstName, c.referrer.lastName].filter(Boolean).join(" ") ||
        c.referrer.email ||
        "—",
      email: c.referrer.email,
      ambassador: c.referrer.ambassadorStatus,
      codes: c.referrer.codes.map((k) => ({ id: k.id, code: k.code, status: k.status })),
    },
    signals: JSON.parse(c.signals) as { code: string; reason: string }[],
    newness: (JSON.parse(c.newness) as { sentence: string }).sentence,
    review: c.review,
    reviewNote: c.reviewNote,
    paidAt: c.paidAt?.toISOString() ?? null,
    can: {
      review: !c.paidAt && c.status !== "voided",
      payNow:
        !c.paidAt && ["waiting_delivery", "waiting_window", "waiting_return"].includes(c.status),
    },
    money: c.money.map((m) => ({
      id: m.id,
      kind: m.kind,
      amount: m.amountMinor,
      status: m.status,
      rule: m.rule,
      policyVersion: m.policyVersion,
      error: m.error,
      at: m.createdAt.toISOString(),
    })),
    timeline: c.events.map((e) => ({
      id: e.id,
      at: e.occurredAt.toISOString(),
      message: e.message,
    })),
  };
}

/** An action's first check: another shop's id is a 404, before its form is read. */
export async function referralCaseInShop(shop: string, id: string): Promise<boolean> {
  return (await prisma.referralCase.count({ where: { shop, id } })) > 0;
}

import { stringify } from "csv-stringify/sync";
import prisma from "~/db.server";
import { toDecimalString } from "~/domain/money";
import { rangeBounds, type DateRange } from "~/platform/date-range";
import type { RewardStatus } from "./domain/reward";
import { REFERRAL_STATUS_LABELS } from "./domain/status";

// The referral program for the accountant: one row per friend's order placed in the range, what
// the friend got off, what the referrer earned and what was actually paid (or taken back), with
// the rule and policy version behind it.

const CSV_COLUMNS = [
  "ordered_at",
  "order",
  "code",
  "referrer",
  "referrer_email",
  "ambassador",
  "friend",
  "status",
  "void_reason",
  "flags",
  "friend_discount",
  "reward",
  "reward_form",
  "paid",
  "taken_back",
  "paid_at",
  "window_last_day",
  "currency",
  "policy_version",
  "rule",
] as const;

const PAID_KINDS = ["store_credit", "discount_code"];

export async function referralsCsv(shop: string, range: DateRange): Promise<string> {
  const cases = await prisma.referralCase.findMany({
    where: { shop, orderedAt: rangeBounds(range) },
    include: { referrer: true, money: { orderBy: { createdAt: "asc" } } },
    orderBy: { orderedAt: "asc" },
  });
  const rows = cases.map((c) => {
    const amount = (minor: number) => toDecimalString({ amount: minor, currency: c.currencyCode });
    const succeeded = c.money.filter((m) => m.status === "succeeded");
    const total = (kinds: string[]) =>
      succeeded.filter((m) => kinds.includes(m.kind)).reduce((n, m) => n + m.amountMinor, 0);
    const signals = JSON.parse(c.signals) as { code: string }[];
    return [
      c.orderedAt.toISOString(),
      c.orderName,
      c.code,
      [c.referrer.firstName, c.referrer.lastName].filter(Boolean).join(" "),
      c.referrer.email ?? "",
      c.referrer.ambassadorStatus === "approved" ? "yes" : "no",
      c.friendName ?? "Guest",
      REFERRAL_STATUS_LABELS[c.status as RewardStatus] ?? c.status,
      c.voidReason ?? "",
      signals.map((s) => s.code).join(" "),
      amount(c.discountMinor),
      amount(c.rewardMinor),
      c.rewardForm,
      amount(total(PAID_KINDS)),
      amount(total(["store_credit_debit"])),
      c.paidAt?.toISOString() ?? "",
      c.windowLastDay ?? "",
      c.currencyCode,
      c.policyVersion,
      c.money.at(-1)?.rule ?? "",
    ];
  });
  return stringify([[...CSV_COLUMNS], ...rows]);
}

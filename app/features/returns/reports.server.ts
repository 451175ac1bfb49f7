import { stringify } from "csv-stringify/sync";
import prisma from "~/db.server";
import { toDecimalString } from "~/domain/money";
import { rangeBounds, type DateRange } from "~/platform/date-range";
import { caseDecision } from "./case.server";

// What the merchant takes away from returns: a CSV of every returned line in a date range (for
// the accountant and the product team), and why pairs come back, by product and size, with the
// sizes shoppers exchange into (what to make more of).

export type { DateRange };

const CSV_COLUMNS = [
  "requested_at",
  "order",
  "return",
  "status",
  "customer_email",
  "market",
  "product",
  "quantity",
  "reason",
  "fit_feedback",
  "wanted_size",
  "asked",
  "outcome",
  "condition",
  "declined",
  "value",
  "refund",
  "store_credit",
  "handling_fee",
  "restocking_fee",
  "currency",
  "policy_version",
  "rule",
] as const;

/** One row per returned line requested in the range, amounts in the order's currency. */
export async function returnsCsv(shop: string, range: DateRange): Promise<string> {
  const cases = await prisma.returnCase.findMany({
    where: {
      shop,
      requestedAt: rangeBounds(range),
    },
    include: { lines: true, order: true },
    orderBy: { requestedAt: "asc" },
  });
  const rows = cases.flatMap((c) => {
    const decision = caseDecision(c);
    const currency = decision?.currency ?? c.order.currencyCode;
    const money = (amount: number | undefined) =>
      toDecimalString({ amount: amount ?? 0, currency });
    return c.lines.map((l) => {
      const item = decision?.items.find((i) => i.lineItemGid === l.lineItemGid);
      return [
        c.requestedAt.toISOString(),
        c.order.orderName,
        c.returnName ?? "",
        c.status,
        c.order.customerEmail ?? "",
        decision?.market ?? "",
        item?.title ?? l.lineItemGid,
        l.quantity,
        l.reason ?? "",
        l.fitFeedback ?? "",
        [l.wantedSize, l.wantedWidth].filter(Boolean).join(" / "),
        l.outcome,
        item?.outcome ?? "",
        l.condition,
        item?.decline
          ? `${item.decline.reason}${item.decline.code ? `:${item.decline.code}` : ""}`
          : "",
        money(item?.value),
        money(item?.refund),
        money(item?.storeCredit),
        money(item?.handlingFee),
        money(item?.restockingFee),
        currency,
        c.policyVersion,
        item?.rule ?? "",
      ];
    });
  });
  return stringify([[...CSV_COLUMNS], ...rows]);
}

export interface FitFeedbackRow {
  product: string;
  size: string;
  returned: number;
  feedback: Record<string, number>;
  /** The sizes (and widths) shoppers exchanged this one into, most asked first. */
  exchangedInto: { size: string; count: number }[];
}

/** Why pairs come back, per product and size, over the returns requested in the range. */
export async function fitFeedbackRollup(shop: string, range: DateRange): Promise<FitFeedbackRow[]> {
  const cases = await prisma.returnCase.findMany({
    where: {
      shop,
      status: { notIn: ["declined", "cancelled"] },
      requestedAt: rangeBounds(range),
    },
    // Only what the rollup reads: the range holds thousands of returns in a busy quarter.
    select: {
      lines: {
        select: {
          lineItemGid: true,
          quantity: true,
          fitFeedback: true,
          reason: true,
          outcome: true,
          exchangeTitle: true,
          wantedSize: true,
          wantedWidth: true,
        },
      },
      order: {
        select: {
          lines: {
            select: { lineItemGid: true, productGid: true, title: true, variantTitle: true },
          },
        },
      },
    },
  });
  const rows = new Map<string, FitFeedbackRow & { into: Map<string, number> }>();
  for (const c of cases) {
    for (const l of c.lines) {
      const orderLine = c.order.lines.find((o) => o.lineItemGid === l.lineItemGid);
      if (!orderLine) continue;
      const size = orderLine.variantTitle ?? "—";
      const key = `${orderLine.productGid ?? orderLine.title}|${size}`;
      const entry = rows.get(key) ?? {
        product: orderLine.title,
        size,
        returned: 0,
        feedback: {},
        exchangedInto: [],
        into: new Map<string, number>(),
      };
      entry.returned += l.quantity;
      const feedback = l.fitFeedback ?? (l.reason ? l.reason.toLowerCase() : "unspecified");
      entry.feedback[feedback] = (entry.feedback[feedback] ?? 0) + l.quantity;
      const into =
        l.outcome === "exchange"
          ? (l.exchangeTitle ?? ([l.wantedSize, l.wantedWidth].filter(Boolean).join(" / ") || null))
          : null;
      if (into) entry.into.set(into, (entry.into.get(into) ?? 0) + l.quantity);
      rows.set(key, entry);
    }
  }
  return [...rows.values()]
    .map(({ into, ...r }) => ({
      ...r,
      exchangedInto: [...into.entries()]
        .map(([size, count]) => ({ size, count }))
        .sort((a, b) => b.count - a.count || a.size.localeCompare(b.size)),
    }))
    .sort((a, b) => b.returned - a.returned || a.product.localeCompare(b.product));
}

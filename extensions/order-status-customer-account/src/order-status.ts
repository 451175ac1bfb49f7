// What the order status block says, from the app's answer: pure, so every sentence and link is
// tested without a customer account. The answer's shape is the backend's own type (type-only
// import: nothing of the app is bundled); its producer is app/routes/api.customer-account.order-status.tsx.

import type {
  MadeToOrderPart,
  OrderStatusAnswer,
  OrderStatusPart,
  ReferralPart,
  ReturnsPart,
  TrialPart,
} from "../../../app/domain/order-status";
import { APP_URL } from "./app-url";

export type { OrderStatusAnswer, OrderStatusPart };

/** Where the app is served (shopify.app.toml `application_url`, via scripts/extension-app-url.mjs). */
export const ORDER_STATUS_API = `${APP_URL}/api/customer-account/order-status`;

export const statusUrl = (orderGid: string) =>
  `${ORDER_STATUS_API}?orderId=${encodeURIComponent(orderGid)}`;

type Fetch = (url: string, init: RequestInit) => Promise<Response>;

/** The app's answer for the order, or null when it has none to give (not found, refused, down). */
export async function loadOrderStatus(
  orderGid: string,
  token: string,
  fetcher: Fetch,
): Promise<OrderStatusAnswer | null> {
  try {
    const response = await fetcher(statusUrl(orderGid), {
      headers: { Authorization: `Bearer ${token}` },
    });
    if (!response.ok) return null;
    const body = (await response.json()) as Partial<OrderStatusAnswer>;
    return Array.isArray(body.parts) ? (body as OrderStatusAnswer) : null;
  } catch {
    return null;
  }
}

/** Minor units → the amount formatCurrency takes, with the currency's own number of decimals. */
export function minorToMajor(amount: number, currency: string): number {
  const digits =
    new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions()
      .maximumFractionDigits ?? 2;
  return amount / 10 ** digits;
}

/** The store's own URL, where the app proxy pages live. */
export function storefrontBase(shop: { storefrontUrl?: string; myshopifyDomain: string }) {
  return (shop.storefrontUrl || `https://${shop.myshopifyDomain}`).replace(/\/+$/, "");
}

export type Translate = (key: string, replacements?: Record<string, string | number>) => string;

export interface Formatters {
  t: Translate;
  /** Minor units and a currency code → the buyer's way of writing it. */
  money: (amount: number, currency: string) => string;
  /** A shop-local date (YYYY-MM-DD) or an instant (ISO) → the buyer's way of writing it. */
  date: (value: string) => string;
  storefront: string;
}

export interface Link {
  label: string;
  href: string;
}

export interface Section {
  kind: OrderStatusPart["kind"];
  heading: string;
  lines: string[];
  links: Link[];
}

function trialSection(p: TrialPart, f: Formatters): Section {
  const { t } = f;
  const lines: string[] = [];
  // Every pair marked for return (or back already): nothing to charge, said as such.
  const charge = p.charge &&
    p.charge.amount > 0 && {
      amount: f.money(p.charge.amount, p.charge.currency),
      date: f.date(p.charge.date),
    };
  const open = p.phase === "not_delivered" || p.phase === "at_home";
  switch (p.phase) {
    case "not_delivered":
      lines.push(t("trial.notDelivered", { days: p.windowDays }));
      break;
    case "at_home":
      lines.push(t("trial.atHome", { day: p.day ?? 0, days: p.windowDays }));
      if (p.lastDay) lines.push(t("trial.lastDay", { date: f.date(p.lastDay) }));
      if (p.undecided > 0) lines.push(t("trial.undecided", { count: p.undecided }));
      lines.push(charge ? t("trial.willCharge", charge) : t("trial.nothingIfReturned"));
      break;
    case "decided":
      lines.push(charge ? t("trial.decided", charge) : t("trial.decidedNothing"));
      break;
    case "charged":
      if (charge) lines.push(t("trial.charged", charge));
      break;
    case "closed":
      lines.push(t("trial.closed"));
      break;
  }
  const links = open ? [{ label: t("trial.link"), href: f.storefront + p.path }] : [];
  return { kind: p.kind, heading: t("trial.heading"), lines, links };
}

function madeToOrderSection(p: MadeToOrderPart, f: Formatters): Section {
  const { t } = f;
  const lines: string[] = [];
  const links: Link[] = [];
  for (const pair of p.pairs) {
    const item = pair.variantTitle ? `${pair.title} (${pair.variantTitle})` : pair.title;
    lines.push(t(`madeToOrder.state.${pair.state}`, { item }));
    if (pair.shipDate) {
      const waiting = pair.state === "fitting_pair_shipped" || pair.state === "confirm_fit";
      const key = waiting ? "madeToOrder.shipsIfConfirmed" : "madeToOrder.shipsAbout";
      lines.push(t(key, { date: f.date(pair.shipDate) }));
    }
    const href = pair.fitPath && f.storefront + pair.fitPath;
    if (href && !links.some((l) => l.href === href))
      links.push({ label: t("madeToOrder.fitLink"), href });
  }
  return { kind: p.kind, heading: t("madeToOrder.heading"), lines, links };
}

function returnsSection(p: ReturnsPart, f: Formatters): Section {
  const { t } = f;
  const lines: string[] = [];
  for (const r of p.returns) {
    const amount =
      r.state === "refunded"
        ? f.money(r.refund, r.currency)
        : r.state === "credited"
          ? f.money(r.storeCredit, r.currency)
          : "";
    lines.push(t(`returns.state.${r.state}`, { date: f.date(r.requestedAt), amount }));
    if (r.state === "declined" && r.declineNote) lines.push(r.declineNote);
  }
  const links: Link[] = [];
  if (p.request) {
    if (p.request.lastDay) lines.push(t("returns.lastDay", { date: f.date(p.request.lastDay) }));
    links.push({ label: t("returns.link"), href: f.storefront + p.request.path });
  }
  return { kind: p.kind, heading: t("returns.heading"), lines, links };
}

function referralSection(p: ReferralPart, f: Formatters): Section {
  const { t } = f;
  const friend =
    p.friendReward.kind === "amount"
      ? f.money(p.friendReward.amount.amount, p.friendReward.amount.currency)
      : `${p.friendReward.percent}%`;
  const reward = f.money(p.referrerReward.amount, p.referrerReward.currency);
  const href = f.storefront + p.path;
  return {
    kind: p.kind,
    heading: t("referral.heading", { friend, reward }),
    lines: [t("referral.offer", { friend, reward }), t("referral.code", { code: p.code }), href],
    links: [{ label: t("referral.link"), href }],
  };
}

/** The block's sections, in the app's order; none: the block renders nothing. */
export function sections(answer: OrderStatusAnswer | null, f: Formatters): Section[] {
  return (answer?.parts ?? []).flatMap((part) => {
    switch (part.kind) {
      case "trial":
        return [trialSection(part, f)];
      case "made_to_order":
        return [madeToOrderSection(part, f)];
      case "returns":
        return [returnsSection(part, f)];
      case "referral":
        return [referralSection(part, f)];
      default:
        // A part a newer app sends that this block does not know yet.
        return [];
    }
  });
}

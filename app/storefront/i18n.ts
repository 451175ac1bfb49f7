import { formatMoney } from "~/domain/money";
import { en, type MessageKey } from "./locales/en";
import { fr } from "./locales/fr";

// The storefront pages' words: `t(key, values)` in the shopper's language — the `locale` query
// parameter when Shopify's app proxy passes one (or the shopper picked one), else the browser's
// Accept-Language, else English. A key missing from a locale falls back to English.

export const LOCALES = { en, fr } as const;
export type Locale = keyof typeof LOCALES;
export type { MessageKey };
export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

const isLocale = (value: string): value is Locale => value in LOCALES;

/** `chosen`: a locale the page's own form carried (a hidden field), ahead of the query. */
export function pickLocale(request: Request, chosen?: string | null): Locale {
  const asked = (chosen || new URL(request.url).searchParams.get("locale"))
    ?.toLowerCase()
    .slice(0, 2);
  if (asked && isLocale(asked)) return asked;
  const header = request.headers.get("accept-language") ?? "";
  const ranked = header
    .split(",")
    .map((part) => {
      const [tag = "", q] = part.trim().split(";q=");
      return { lang: tag.toLowerCase().slice(0, 2), q: q === undefined ? 1 : Number(q) };
    })
    .filter((p) => p.lang && !Number.isNaN(p.q))
    .sort((a, b) => b.q - a.q);
  return ranked.map((r) => r.lang).find(isLocale) ?? "en";
}

export function translator(locale: Locale): Translate {
  const table: Record<MessageKey, string> = LOCALES[locale];
  return (key, values = {}) =>
    (table[key] ?? en[key]).replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in values ? String(values[name]) : whole,
    );
}

/** Formats money and dates the way the locale writes them. */
export function formatters(locale: Locale, timeZone = "UTC") {
  const tag = locale === "fr" ? "fr-FR" : "en-US";
  return {
    money: (amount: number, currency: string) => formatMoney({ amount, currency }, tag),
    /** A calendar date (YYYY-MM-DD) as written, or an instant as its day in the shop's zone. */
    date: (value: string) => {
      const calendar = /^\d{4}-\d{2}-\d{2}$/.test(value);
      return new Date(calendar ? `${value}T12:00:00Z` : value).toLocaleDateString(tag, {
        month: "short",
        day: "numeric",
        year: "numeric",
        timeZone: calendar ? "UTC" : timeZone,
      });
    },
  };
}

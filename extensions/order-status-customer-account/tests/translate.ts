import fs from "node:fs";
import path from "node:path";

// The locale files read the way Shopify's i18n.translate reads them ({{name}} replacements, a
// `count` choosing the plural form), and a key that is not in the file fails the test.

type Messages = { [key: string]: string | Messages };

export function loadLocale(name: "en.default" | "fr"): Messages {
  const file = path.resolve(import.meta.dirname, `../locales/${name}.json`);
  return JSON.parse(fs.readFileSync(file, "utf8")) as Messages;
}

export function translator(messages: Messages, locale = "en") {
  const plural = new Intl.PluralRules(locale);
  return (key: string, replacements: Record<string, string | number> = {}): string => {
    let entry: string | Messages | undefined = messages;
    for (const part of key.split(".")) entry = typeof entry === "object" ? entry[part] : undefined;
    if (typeof entry === "object" && typeof replacements.count === "number")
      entry = entry[plural.select(replacements.count)] ?? entry.other;
    if (typeof entry !== "string") throw new Error(`no translation for ${key}`);
    return entry.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
      if (!(name in replacements)) throw new Error(`${key}: no value for {{${name}}}`);
      return String(replacements[name]);
    });
  };
}

/** Every key of a locale file, plural forms included ("trial.undecided.one"). */
export function keysOf(messages: Messages, prefix = ""): string[] {
  return Object.entries(messages).flatMap(([k, v]) =>
    typeof v === "string" ? [`${prefix}${k}`] : keysOf(v, `${prefix}${k}.`),
  );
}

interface I18n {
  translate: unknown;
  formatCurrency: (n: number, options?: Intl.NumberFormatOptions) => string;
  formatDate: (date: Date, options?: Intl.DateTimeFormatOptions) => string;
}

/** The tester's mock i18n answering from the English locale file, as a US buyer would see it. */
export function speakEnglish(i18n: I18n) {
  const t = translator(loadLocale("en.default"));
  i18n.translate = (key: string, options?: Record<string, string | number>) => t(key, options);
  i18n.formatCurrency = (n, options) =>
    new Intl.NumberFormat("en-US", { style: "currency", ...options }).format(n);
  i18n.formatDate = (date, options) => new Intl.DateTimeFormat("en-US", options).format(date);
}

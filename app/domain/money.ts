// Money is an integer count of the currency's minor units plus an ISO currency code. Parsing and
// formatting go through strings so a float never touches an amount.

export interface Money {
  amount: number;
  currency: string;
}

export function money(amount: number, currency: string): Money {
  if (!Number.isSafeInteger(amount))
    throw new RangeError(`amount must be an integer, got ${amount}`);
  return { amount, currency };
}

export function minorDigits(currency: string): number {
  return (
    new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions()
      .maximumFractionDigits ?? 2
  );
}

export type MoneyParse = { ok: true; amount: number } | { ok: false; error: string };

/** "25", "25.5", "1,299.00" → minor units. Rejects more decimals than the currency has. */
export function parseMoneyInput(text: string, currency: string): MoneyParse {
  const cleaned = text.trim().replace(/[\s,]/g, "").replace(/^\$/, "");
  if (cleaned === "") return { ok: false, error: "Enter an amount" };
  if (cleaned.startsWith("-")) return { ok: false, error: "Must not be negative" };
  const match = /^(\d+)(?:\.(\d*))?$/.exec(cleaned);
  if (!match) return { ok: false, error: `Enter an amount like 12.99 (${currency})` };
  const digits = minorDigits(currency);
  const whole = match[1] ?? "0";
  const fraction = match[2] ?? "";
  if (fraction.length > digits) {
    return { ok: false, error: `${currency} amounts have at most ${digits} decimal places` };
  }
  const amount = Number(whole + fraction.padEnd(digits, "0"));
  if (!Number.isSafeInteger(amount)) return { ok: false, error: "Amount is too large" };
  return { ok: true, amount };
}

/** Minor units → the plain decimal a form shows ("12.99"), no currency symbol. */
export function toDecimalString(value: Money): string {
  const digits = minorDigits(value.currency);
  const sign = value.amount < 0 ? "-" : "";
  const text = String(Math.abs(value.amount)).padStart(digits + 1, "0");
  return digits === 0 ? sign + text : `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

/** "$25" for whole amounts, "$12.99" otherwise, the way the store's own pages write prices. */
export function formatMoney(value: Money, locale = "en-US"): string {
  const digits = minorDigits(value.currency);
  const whole = value.amount % 10 ** digits === 0;
  const formatter = new Intl.NumberFormat(locale, {
    style: "currency",
    currency: value.currency,
    minimumFractionDigits: whole ? 0 : digits,
    maximumFractionDigits: whole ? 0 : digits,
  });
  // Intl formats a decimal string exactly (Intl.NumberFormat v3), so no float is involved.
  return formatter.format(toDecimalString(value) as `${number}`);
}

export function addMoney(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return money(a.amount + b.amount, a.currency);
}

export function subtractMoney(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return money(a.amount - b.amount, a.currency);
}

/** percent of an amount, rounded half up to the minor unit (integer arithmetic only). */
export function percentOf(value: Money, percent: number): Money {
  if (!Number.isInteger(percent)) throw new RangeError("percent must be a whole number");
  return money(Math.floor((value.amount * percent + 50) / 100), value.currency);
}

function assertSameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency)
    throw new Error(`currency mismatch: ${a.currency} vs ${b.currency}`);
}

import { SandboxError } from "../store";

// Money as the Admin API writes it: decimal strings in MoneyV2 / MoneyBag. The sandbox keeps
// integer minor units and converts at the edge.

export function moneyV2(minor: number, currencyCode: string) {
  return { __typename: "MoneyV2", amount: (minor / 100).toFixed(2), currencyCode };
}

export function moneyBag(minor: number, currencyCode: string) {
  return {
    __typename: "MoneyBag",
    shopMoney: moneyV2(minor, currencyCode),
    presentmentMoney: moneyV2(minor, currencyCode),
  };
}

/** "12.50" → 1250; the Admin API's Money and Decimal scalars are decimal strings. */
export function toMinor(value: unknown, field: string): number {
  const text = String(value ?? "");
  if (!/^\d+(\.\d{1,2})?$/.test(text))
    throw new SandboxError(422, `${field}: "${text}" is not an amount`);
  const [whole, fraction = ""] = text.split(".");
  return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
}

/** A decimal string for ledger entries and REST payloads. */
export const decimal = (minor: number) => (minor / 100).toFixed(2);

import { describe, expect, it } from "vitest";
import {
  addMoney,
  formatMoney,
  minorDigits,
  money,
  parseMoneyInput,
  percentOf,
  subtractMoney,
  toDecimalString,
} from "~/domain/money";

describe("money", () => {
  it("parses decimal text into minor units without floats", () => {
    expect(parseMoneyInput("12.99", "USD")).toEqual({ ok: true, amount: 1299 });
    expect(parseMoneyInput("0.1", "USD")).toEqual({ ok: true, amount: 10 });
    expect(parseMoneyInput("1,299.5", "USD")).toEqual({ ok: true, amount: 129950 });
    expect(parseMoneyInput("$25", "USD")).toEqual({ ok: true, amount: 2500 });
    expect(parseMoneyInput("350", "JPY")).toEqual({ ok: true, amount: 350 });
    // 0.1 + 0.2 style values stay exact
    expect(parseMoneyInput("0.30", "USD")).toEqual({ ok: true, amount: 30 });
  });

  it("rejects what is not an amount, with a reason", () => {
    expect(parseMoneyInput("", "USD")).toEqual({ ok: false, error: "Enter an amount" });
    expect(parseMoneyInput("-5", "USD")).toEqual({ ok: false, error: "Must not be negative" });
    expect(parseMoneyInput("12.999", "USD")).toMatchObject({
      ok: false,
      error: expect.stringContaining("2 decimal"),
    });
    expect(parseMoneyInput("1.5", "JPY")).toMatchObject({
      ok: false,
      error: expect.stringContaining("0 decimal"),
    });
    expect(parseMoneyInput("abc", "USD")).toMatchObject({ ok: false });
    expect(parseMoneyInput("1e3", "USD")).toMatchObject({ ok: false });
  });

  it("round-trips through the decimal text a form shows", () => {
    for (const amount of [0, 1, 9, 10, 99, 100, 1299, 35000, 123456789]) {
      const text = toDecimalString({ amount, currency: "USD" });
      expect(parseMoneyInput(text, "USD")).toEqual({ ok: true, amount });
    }
    expect(toDecimalString({ amount: 5, currency: "USD" })).toBe("0.05");
    expect(toDecimalString({ amount: 500, currency: "JPY" })).toBe("500");
  });

  it("formats like the store's pages", () => {
    expect(formatMoney({ amount: 2500, currency: "USD" })).toBe("$25");
    expect(formatMoney({ amount: 1299, currency: "USD" })).toBe("$12.99");
    expect(formatMoney({ amount: 35000, currency: "USD" })).toBe("$350");
  });

  it("adds, subtracts and takes percentages in integers, refusing mixed currencies", () => {
    expect(addMoney(money(1299, "USD"), money(1, "USD"))).toEqual(money(1300, "USD"));
    expect(subtractMoney(money(1299, "USD"), money(1299, "USD"))).toEqual(money(0, "USD"));
    expect(percentOf(money(19900, "USD"), 30)).toEqual(money(5970, "USD"));
    expect(percentOf(money(1, "USD"), 50)).toEqual(money(1, "USD")); // half up
    expect(() => addMoney(money(1, "USD"), money(1, "CAD"))).toThrow(/currency mismatch/);
    expect(() => money(1.5, "USD")).toThrow(/integer/);
    expect(minorDigits("USD")).toBe(2);
    expect(minorDigits("JPY")).toBe(0);
  });
});

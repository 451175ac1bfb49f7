import { describe, expect, it } from "vitest";
import { gidFor, parseWebhookJson } from "~/platform/webhooks/json";

describe("webhook JSON", () => {
  it("keeps ids beyond 2^53 exact", () => {
    const raw =
      '{"order_id":820982911946154508,"small":42,"price":"12.50","ratio":1.5,"neg":-9007199254740993}';
    const parsed = parseWebhookJson(raw) as Record<string, unknown>;
    expect(parsed.order_id).toBe("820982911946154508");
    expect(JSON.parse(raw).order_id).not.toBe(820982911946154508n.toString()); // what JSON.parse would lose
    expect(parsed.small).toBe(42);
    expect(parsed.ratio).toBe(1.5);
    expect(parsed.neg).toBe("-9007199254740993");
    expect(gidFor("Order", parsed.order_id)).toBe("gid://shopify/Order/820982911946154508");
  });

  it("leaves digits inside strings alone, escapes included", () => {
    const raw = '{"note":"call 12345678901234567 \\"now\\"","list":[12345678901234567,1]}';
    const parsed = parseWebhookJson(raw) as { note: string; list: unknown[] };
    expect(parsed.note).toBe('call 12345678901234567 "now"');
    expect(parsed.list).toEqual(["12345678901234567", 1]);
  });

  it("rejects malformed JSON", () => {
    expect(() => parseWebhookJson('{"a":')).toThrow();
  });

  it("builds gids only from exact ids", () => {
    expect(gidFor("Customer", 191167)).toBe("gid://shopify/Customer/191167");
    expect(gidFor("Customer", 2 ** 60)).toBeNull();
    expect(gidFor("Customer", "abc")).toBeNull();
  });
});

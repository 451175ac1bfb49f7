import { describe, expect, it } from "vitest";
import { mentions, mentionsOf } from "~/domain/redaction";

const ann = mentionsOf({
  customerGid: "gid://shopify/Customer/191167",
  email: "Ann@X.com",
  orderGids: ["gid://shopify/Order/5001"],
});

describe("mentions: the text names this customer, and only her", () => {
  it("finds her whole email in any case and her ids as whole numbers", () => {
    expect(mentions('{"email":"ann@x.com"}', ann)).toBe(true);
    expect(mentions('{"contact_email":"ANN@X.COM","x":1}', ann)).toBe(true);
    expect(mentions("Exchange requested by ann@x.com.", ann)).toBe(true);
    expect(mentions('{"customer":{"id":191167}}', ann)).toBe(true);
    expect(mentions("gid://shopify/Order/5001", ann)).toBe(true);
  });

  it("does not take another address or number that contains hers", () => {
    expect(mentions('{"email":"joann@x.com"}', ann)).toBe(false);
    expect(mentions('{"email":"ann@x.com.au"}', ann)).toBe(false);
    expect(mentions('{"email":"ann@x.company"}', ann)).toBe(false);
    expect(mentions('{"email":"jo.ann@x.com"}', ann)).toBe(false);
    expect(mentions('{"id":1911670}', ann)).toBe(false);
    expect(mentions('{"price":"5001.00"}', ann)).toBe(false);
  });
});

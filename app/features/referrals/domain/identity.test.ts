import { describe, expect, it } from "vitest";
import { addressKey, cardKey, normalizeEmail } from "./identity";

describe("normalizeEmail", () => {
  it.each([
    ["Jane.Doe+ref@Gmail.com", "janedoe@gmail.com"],
    ["j.a.n.e.doe@googlemail.com", "janedoe@gmail.com"],
    ["jane+shoes@outlook.com", "jane@outlook.com"],
    ["jane.doe+x@icloud.com", "jane.doe@icloud.com"],
    ["  JANE@example.com ", "jane@example.com"],
    ["jane+tag@example.com", "jane+tag@example.com"],
    ["jane.doe@yahoo.com", "jane.doe@yahoo.com"],
  ])("%s → %s", (input, expected) => expect(normalizeEmail(input)).toBe(expected));

  it("returns null for what is not an address", () => {
    for (const bad of [null, undefined, "", "jane", "@gmail.com", "jane@", "+x@gmail.com"])
      expect(normalizeEmail(bad)).toBeNull();
  });
});

describe("addressKey", () => {
  const base = { city: "Brooklyn", zip: "11201", countryCode: "US" };

  it("writes one door one way", () => {
    const a = addressKey({ ...base, address1: "12 Main Street", address2: "Apartment 4" });
    expect(a).toBe("US|11201|12 main st apt 4");
    expect(addressKey({ ...base, address1: "12 main st.", address2: "#4" })).toBe(a);
    expect(addressKey({ ...base, address1: "12 MAIN ST APT #4" })).toBe(a);
    expect(
      addressKey({ ...base, zip: "11201 ", address1: "12  Main   St", address2: "Unit 4" }),
    ).toBe(a);
  });

  it("tells different doors apart", () => {
    const a = addressKey({ ...base, address1: "12 Main St" });
    expect(addressKey({ ...base, address1: "14 Main St" })).not.toBe(a);
    expect(addressKey({ ...base, zip: "11205", address1: "12 Main St" })).not.toBe(a);
    expect(addressKey({ ...base, countryCode: "CA", address1: "12 Main St" })).not.toBe(a);
  });

  it("uses the city where there is no postal code, and nothing without a street", () => {
    expect(addressKey({ address1: "1 Rue de Rivoli", city: "Paris", countryCode: "fr" })).toBe(
      "FR|paris|1 rue de rivoli",
    );
    expect(addressKey({ ...base, address1: "  " })).toBeNull();
    expect(addressKey(null)).toBeNull();
  });
});

describe("cardKey", () => {
  const card = {
    bin: "424242",
    number: "•••• •••• •••• 4242",
    expirationMonth: 12,
    expirationYear: 2028,
    name: "Ally Smith",
  };

  it("is the same for the same card however the name is written", () => {
    expect(cardKey(card)).toBe("424242|4242|12/28|ALLY SMITH");
    expect(cardKey({ ...card, name: "  ally   smith " })).toBe(cardKey(card));
    expect(cardKey({ ...card, name: "Állÿ Smith" })).toBe("424242|4242|12/28|ALLY SMITH");
  });

  it("differs when any part differs", () => {
    for (const other of [
      { ...card, bin: "555555" },
      { ...card, number: "•••• 4444" },
      { ...card, expirationMonth: 1 },
      { ...card, expirationYear: 2029 },
      { ...card, name: "Jane Smith" },
    ])
      expect(cardKey(other)).not.toBe(cardKey(card));
  });

  it("is null when Shopify shows too little (PayPal, a wallet without a card number)", () => {
    expect(cardKey(null)).toBeNull();
    expect(cardKey({ ...card, bin: null })).toBeNull();
    expect(cardKey({ ...card, number: null })).toBeNull();
    expect(cardKey({ ...card, expirationYear: null })).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { defaultPolicy } from "~/domain/policy/defaults";
import { SECTION_FORMS } from "~/domain/policy/fields";
import { parseSectionForm, sectionFormValues } from "~/domain/policy/form";
import { POLICY_SECTIONS, policyDocumentSchema, type PolicySection } from "~/domain/policy/schema";
import { storefrontPolicy } from "~/domain/policy/storefront";

function formOf(section: PolicySection, changes: Record<string, string> = {}, drop: string[] = []) {
  const values = { ...sectionFormValues(defaultPolicy(), section), ...changes };
  return Object.entries(values).filter(
    ([name]) => !drop.some((d) => name === d || name.startsWith(`${d}.`)),
  );
}

function errorsFor(section: PolicySection, changes: Record<string, string>, drop: string[] = []) {
  const result = parseSectionForm(defaultPolicy(), section, formOf(section, changes, drop));
  if (result.ok) throw new Error("expected errors");
  return result.errors;
}

describe("policy defaults reproduce the reference store", () => {
  const policy = defaultPolicy();

  it("are valid", () => {
    expect(policyDocumentSchema.safeParse(policy).success).toBe(true);
  });

  it("state the trial as the store's pages do", () => {
    expect(policy.trial.countries).toEqual(["US"]);
    expect(policy.trial.boxFee).toEqual({ amount: 2500, currency: "USD" });
    expect(policy.trial.holdAmount).toEqual({ amount: 35000, currency: "USD" });
    expect(policy.trial.windowDays).toBe(7);
    expect(policy.trial.exchangesAllowed).toBe(1);
    expect(policy.trial.maxPairs).toBe(2);
  });

  it("state returns, made-to-order, referrals and shipping as the pages do", () => {
    expect(policy.returns.windowDays).toBe(14);
    expect(policy.returns.handlingFee.amount).toBe(1299);
    expect(policy.returns.handlingFeeWaivedFor).toContain("store_credit");
    expect(policy.returns.markets[0]).toMatchObject({
      countries: ["US"],
      restockingFeePercent: 30,
      wornOrDamagedOutcome: "store_credit_or_send_back",
    });
    expect(policy.returns.markets[1]).toMatchObject({
      countries: "*",
      wornOrDamagedOutcome: "refuse",
      coveredOutboundExchangeShipments: 1,
    });
    expect(policy.returns.marketplaceChannels[0]?.label).toBe("Nordstrom");
    expect(policy.returns.nonReturnableProductTypes).toContain("Gift Card");
    expect(policy.madeToOrder.leadDays).toBe(14);
    expect(policy.madeToOrder.seasonalOverrides[0]?.name).toMatch(/Lunar New Year/);
    expect(policy.referrals.friendReward.amount).toBe(2000);
    expect(policy.referrals.referrerReward.amount).toBe(2000);
    const shipped = policy.shipping.tiers.flatMap((t) => t.countries).sort();
    expect(shipped).toEqual([
      "AE",
      "AU",
      "CA",
      "CH",
      "CN",
      "FR",
      "GB",
      "HK",
      "MO",
      "MX",
      "NZ",
      "SE",
      "US",
    ]);
    expect(policy.shipping.inStockShipBusinessDays).toEqual({ min: 1, max: 2 });
    expect(policy.shipping.trialShipBusinessDays).toEqual({ min: 2, max: 3 });
  });

  it("start in the shop's currency", () => {
    const cad = defaultPolicy("CAD");
    expect(cad.currency).toBe("CAD");
    expect(cad.trial.boxFee.currency).toBe("CAD");
    expect(policyDocumentSchema.safeParse({ ...cad, currency: "CAD" }).success).toBe(true);
  });
});

describe("settings forms", () => {
  it("round-trip every section unchanged", () => {
    for (const section of POLICY_SECTIONS) {
      const result = parseSectionForm(defaultPolicy(), section, formOf(section));
      expect(result.ok, section).toBe(true);
      if (result.ok) expect(result.document).toEqual(defaultPolicy());
    }
  });

  it("save a valid change", () => {
    const ok = parseSectionForm(
      defaultPolicy(),
      "trial",
      formOf("trial", { boxFee: "0", windowDays: "10", countries: "us, ca" }),
    );
    expect(ok.ok).toBe(true);
    if (ok.ok) {
      expect(ok.document.trial.boxFee.amount).toBe(0);
      expect(ok.document.trial.windowDays).toBe(10);
      expect(ok.document.trial.countries).toEqual(["US", "CA"]);
      expect(ok.document.returns).toEqual(defaultPolicy().returns); // other sections untouched
    }
  });

  it("name each bad field: negative fees, unreadable amounts, percent over 100", () => {
    expect(errorsFor("trial", { boxFee: "-5" })).toMatchObject({ boxFee: "Must not be negative" });
    expect(errorsFor("trial", { holdAmount: "abc" })).toHaveProperty("holdAmount");
    expect(errorsFor("trial", { sampleDiscountPercent: "120" })).toMatchObject({
      sampleDiscountPercent: "Must be 100% or less",
    });
    expect(errorsFor("returns", { "markets.0.restockingFeePercent": "101" })).toMatchObject({
      "markets.0.restockingFeePercent": "Must be 100% or less",
    });
    expect(errorsFor("trial", { windowDays: "0" })).toHaveProperty("windowDays");
    expect(errorsFor("trial", { windowDays: "7.5" })).toMatchObject({
      windowDays: "Use a whole number",
    });
  });

  it("reject unknown country codes and duplicates", () => {
    expect(errorsFor("trial", { countries: "US, XX" })).toMatchObject({
      countries: 'Unknown country code "XX"',
    });
    expect(errorsFor("trial", { countries: "US, us" })).toMatchObject({
      countries: "US is listed twice",
    });
    expect(errorsFor("shipping", { "tiers.1.countries": "CA, US" })).toMatchObject({
      "tiers.1.countries": "US is already in United States",
    });
  });

  it("reject overlapping seasonal ranges and ranges that end before they start", () => {
    const overlap = errorsFor("madeToOrder", {
      "seasonalOverrides.1.name": "Spring rush",
      "seasonalOverrides.1.start": "2027-02-01",
      "seasonalOverrides.1.end": "2027-03-01",
      "seasonalOverrides.1.extraDays": "5",
      "seasonalOverrides.1.message": "Busy season",
    });
    expect(overlap["seasonalOverrides.1.start"]).toMatch(/Overlaps "Lunar New Year 2027"/);
    const backwards = errorsFor("madeToOrder", { "seasonalOverrides.0.end": "2027-01-01" });
    expect(backwards["seasonalOverrides.0.end"]).toBe("Ends before it starts");
    const badDate = errorsFor("madeToOrder", { "seasonalOverrides.0.start": "2027-02-30" });
    expect(badDate["seasonalOverrides.0.start"]).toMatch(/date like/);
  });

  it("check rules across sections", () => {
    // Dropping the US tier would leave the trial's US with no shipping.
    const errors = errorsFor("shipping", {}, ["tiers.0"]);
    expect(errors._form).toMatch(/US is not in any shipping tier/);
    expect(errorsFor("madeToOrder", { fitReminderAfterDays: "12" })).toHaveProperty(
      "fitEscalateAfterDays",
    );
  });

  it("allow removing and adding rows", () => {
    const none = parseSectionForm(
      defaultPolicy(),
      "madeToOrder",
      formOf("madeToOrder", {}, ["seasonalOverrides"]),
    );
    expect(none.ok && none.document.madeToOrder.seasonalOverrides).toEqual([]);
  });

  it("has a spec for every field of every section (no field silently dropped)", () => {
    for (const section of POLICY_SECTIONS) {
      const specNames = SECTION_FORMS[section].fields.map((f) => f.name).sort();
      expect(specNames, section).toEqual(Object.keys(defaultPolicy()[section]).sort());
    }
  });
});

describe("storefront projection", () => {
  it("publishes what Liquid needs and nothing internal", () => {
    const published = storefrontPolicy(defaultPolicy(), 3);
    expect(published.version).toBe(3);
    expect(published.trial.holdAmount.amount).toBe(35000);
    expect(JSON.stringify(published)).not.toContain("damageFee");
    expect(JSON.stringify(published)).not.toContain("onAuthorizationFailure");
  });
});

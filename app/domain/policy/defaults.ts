import type { PolicyDocument } from "./schema";

// Defaults reproduce the reference store (../shared/store-policies): the page each value comes
// from is named beside it. Amounts the pages do not state are marked "not stated".

const usd = (amount: number) => ({ amount, currency: "USD" });

export function defaultPolicy(currency = "USD"): PolicyDocument {
  const doc: PolicyDocument = {
    schemaVersion: 1,
    currency: "USD",
    trial: {
      enabled: true,
      eligibleProductIds: [],
      eligibleCollectionIds: [],
      // faq "Which Styles Can I Try?": only the classic pumps.
      eligibleProductTags: ["classic-pump"],
      countries: ["US"], // faq: "our at-home trial program is US-only"
      boxFee: usd(2500), // returns page: "try our Heels (2 or 3-inch) at home for $25"
      holdAmount: usd(35000), // returns page: "a temporary hold of $350"
      windowDays: 7, // "7 days from the date you receive your order"
      fallbackStartDaysAfterFulfillment: 10, // not stated; peers start the clock 10 days after shipping
      reminderLeadHours: 48, // "Our team will remind you when your trial period is almost over"
      exchangesAllowed: 1, // "Your trial box includes one free exchange"
      damageFee: usd(5000), // "you will be charged a damage fee" (amount not stated)
      maxPairs: 2, // faq: "our fitting team will ... send you 1-2 sizes"
      sampleDiscountPercent: 20, // faq: samples "keep them at a discount" (rate not stated)
      returnInTransitCapDays: 10, // not stated: how long a return in transit pauses the charge
      onAuthorizationFailure: "wait_for_card_update",
      allowRegularItemsInTrialCart: false,
    },
    madeToOrder: {
      enabled: true,
      leadDays: 14, // faq: "your made-to-order items will ship within 14 days"
      seasonalOverrides: [
        {
          name: "Lunar New Year 2027",
          start: "2027-01-25",
          end: "2027-02-20",
          extraDays: 14,
          message:
            "Our factory closes for Lunar New Year: made-to-order pairs ordered now ship in about 4 weeks.",
        },
      ],
      eligibleProductTags: ["made-to-order"],
      fittingPairProductId: "",
      skipFittingWhenSizeConfirmed: true, // "If we already know your ALLY size, you will skip steps 1 to 3"
      fitReminderAfterDays: 3,
      fitEscalateAfterDays: 10,
      fittingPairReturnDays: 14,
      unreturnedFittingPairFee: usd(0),
      splitSizesAreFinalSale: true, // "two different sizes for each foot ... not returnable"
    },
    returns: {
      windowDays: 14, // "within 14 days of delivery"
      handlingFee: usd(1299), // "a handling fee of $12.99 will be deducted from the refund"
      handlingFeeWaivedFor: ["store_credit", "exchange"], // "waived if you choose to get store credit"
      saleItemsStoreCreditOnly: true, // "Eligible sale items ... store credit only"
      saleTags: ["sale"],
      nonReturnableTags: ["final-sale"], // items labeled "final sale"
      nonReturnableProductTypes: ["Gift Card"], // "gift card purchases ... cannot be returned"
      markets: [
        {
          name: "United States",
          countries: ["US"],
          restockingFeePercent: 30, // "store credit after deducting a 30% restocking fee"
          wornOrDamagedOutcome: "store_credit_or_send_back",
          freeExchanges: true, // "Exchanges are complimentary for US orders"
          customerPaysReturnShipping: false, // "All Returns and Exchanges are FREE in the US"
          trackingRequired: false,
          coveredOutboundExchangeShipments: 0,
        },
        {
          name: "International",
          countries: "*",
          restockingFeePercent: 0,
          wornOrDamagedOutcome: "refuse", // "we reserve the right to refuse return"
          freeExchanges: false,
          customerPaysReturnShipping: true, // "you will be responsible for shipping them back"
          trackingRequired: true, // "providing us with a tracking link"
          coveredOutboundExchangeShipments: 1, // "we will cover the outbound shipping ... one round"
        },
      ],
      marketplaceChannels: [
        {
          sourceName: "nordstrom",
          label: "Nordstrom",
          instructions:
            "Please contact Nordstrom Customer Care at 1-888-282-6060 or via chat at Nordstrom.com.",
        },
      ],
      internationalHsCode: "9801.00.1012",
      saleWhen: ["tagged", "below_compare_at"], // "Eligible sale items (e.g., our Semi-Annual or BFCM sale)"
      sampleTags: ["sample"], // "All sample shoes sold ... cannot be returned"
      customFinalSaleTags: ["custom-final-sale"], // "two different sizes for each foot"
      autoApprove: true,
      parcelReminderDays: 7,
      approvedReturnExpiryDays: 30,
    },
    referrals: {
      enabled: true,
      friendReward: usd(2000), // faq "Give $20, Get $20"
      referrerReward: usd(2000),
      referrerRewardForm: "store_credit",
      minimumOrder: usd(0), // not stated
      holdUntilReturnWindowEnds: true,
      ambassadorProgramEnabled: true, // "Sign up here to become an ALLY Ambassador"
      ambassadorReward: usd(2000),
      newsletterFirstOrderDiscount: usd(1500), // returns page: "$15 off your first purchase"
      friendRewardKind: "amount",
      friendRewardPercent: 0,
      newFriendChecks: ["customer", "email", "address"],
      leakedCodeFriends: 25, // the older FAQ's shared code ALLYGALS is what leaks
      friendsPerAddress: 3,
      clawBack: "none",
    },
    shipping: {
      timezone: "America/New_York",
      businessDays: ["MON", "TUE", "WED", "THU", "FRI"],
      holidays: [
        { date: "2026-11-26", name: "Thanksgiving" },
        { date: "2026-12-25", name: "Christmas Day" },
        { date: "2027-01-01", name: "New Year's Day" },
        { date: "2027-05-31", name: "Memorial Day" },
        { date: "2027-07-05", name: "Independence Day (observed)" },
        { date: "2027-09-06", name: "Labor Day" },
      ],
      inStockShipBusinessDays: { min: 1, max: 2 }, // faq: "ship within 1-2 business day"
      trialShipBusinessDays: { min: 2, max: 3 }, // faq: trial "ship within 2-3 business day"
      dailyCutOff: "14:00", // not stated: orders after 2 pm (New York) start the next business day
      // faq: "ship US, Canada, Mexico, Switzerland, UK, Australia, New Zealand, HK, Macao, China,
      // UAE, France, and Sweden"; per-tier costs are not stated on the pages: estimates.
      tiers: [
        {
          name: "United States",
          countries: ["US"],
          estimatedCost: usd(0),
          deliveryBusinessDays: { min: 3, max: 5 },
        },
        {
          name: "Tier 1",
          countries: ["CA", "MX"],
          estimatedCost: usd(1500),
          deliveryBusinessDays: { min: 1, max: 5 },
        },
        {
          name: "Tier 2",
          countries: ["GB", "FR", "SE", "CH"],
          estimatedCost: usd(2500),
          deliveryBusinessDays: { min: 6, max: 14 },
        },
        {
          name: "Tier 3",
          countries: ["AU", "NZ", "HK", "MO", "CN", "AE"],
          estimatedCost: usd(3500),
          deliveryBusinessDays: { min: 6, max: 14 },
        },
      ],
    },
    fit: {
      finderEnabled: true, // "our feedback supports our data driven recommendations"
      minimumOutcomes: 10, // not stated: ten shoppers like you before data beats the chart
      // Not stated: ALLY sizes run true to size; a half size up when between sizes.
      charts: [{ family: "*", offsetHalves: 0, widthRule: "as_usual", between: "up" }],
      knownSizeTagPrefix: "size:", // a customer tagged "size:8 Wide" has a known size
    },
  };
  return currency === "USD" ? doc : withCurrency(doc, currency);
}

/** A shop in another currency starts from the same rules with every amount in its currency. */
function withCurrency(doc: PolicyDocument, currency: string): PolicyDocument {
  const text = JSON.stringify(doc).replaceAll('"currency":"USD"', `"currency":"${currency}"`);
  return JSON.parse(text) as PolicyDocument;
}

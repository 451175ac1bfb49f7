import type { PolicySection } from "./schema";

// What each settings form shows, in order. Shared by the Polaris pages (rendering) and the form
// parser (reading), so an input and its parsing can never disagree.

export type FieldSpec =
  | {
      kind: "money" | "int" | "bool" | "text" | "list" | "date" | "range";
      name: string;
      label: string;
      help?: string;
      suffix?: string;
    }
  | { kind: "countries"; name: string; label: string; help?: string; allowAll?: boolean }
  | {
      kind: "select" | "multiselect";
      name: string;
      label: string;
      help?: string;
      options: { value: string; label: string }[];
    };

export interface RowsSpec {
  kind: "rows";
  name: string;
  label: string;
  help?: string;
  addLabel: string;
  item: FieldSpec[];
  blank: Record<string, string>;
}

export interface SectionForm {
  title: string;
  path: string;
  description: string;
  fields: (FieldSpec | RowsSpec)[];
}

const WEEKDAY_OPTIONS = ["MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"].map((d) => ({
  value: d,
  label: d,
}));

export const SECTION_FORMS: Record<PolicySection, SectionForm> = {
  trial: {
    title: "At-home trial",
    path: "trial",
    description:
      "Shoppers try eligible shoes at home with a card on file and pay for what they keep.",
    fields: [
      { kind: "bool", name: "enabled", label: "Offer the at-home trial" },
      {
        kind: "list",
        name: "eligibleProductTags",
        label: "Eligible product tags",
        help: "Comma separated, e.g. classic-pump",
      },
      {
        kind: "list",
        name: "eligibleProductIds",
        label: "Eligible products",
        help: "Product ids (gid://shopify/Product/…)",
      },
      {
        kind: "list",
        name: "eligibleCollectionIds",
        label: "Eligible collections",
        help: "Collection ids (gid://shopify/Collection/…)",
      },
      {
        kind: "countries",
        name: "countries",
        label: "Countries",
        help: "Two-letter codes, e.g. US",
      },
      {
        kind: "money",
        name: "boxFee",
        label: "Trial box fee",
        help: "Charged as its own line at checkout; 0 for free",
      },
      {
        kind: "money",
        name: "holdAmount",
        label: "Authorization hold",
        help: "Held on the card, never captured beyond what is kept",
      },
      { kind: "int", name: "windowDays", label: "Trial window", suffix: "days from delivery" },
      {
        kind: "int",
        name: "fallbackStartDaysAfterFulfillment",
        label: "Start without a delivery scan",
        suffix: "days after shipping",
      },
      {
        kind: "int",
        name: "reminderLeadHours",
        label: "Reminder before the window ends",
        suffix: "hours",
      },
      { kind: "int", name: "exchangesAllowed", label: "Free exchanges per trial" },
      {
        kind: "money",
        name: "damageFee",
        label: "Damage fee",
        help: "Charged when a returned pair is not in the condition sent",
      },
      { kind: "int", name: "maxPairs", label: "Pairs per trial box" },
      {
        kind: "int",
        name: "sampleDiscountPercent",
        label: "Discount for keeping a sample pair",
        suffix: "%",
      },
      {
        kind: "int",
        name: "returnInTransitCapDays",
        label: "Pause the charge while a return is in transit for up to",
        suffix: "days",
      },
      {
        kind: "select",
        name: "onAuthorizationFailure",
        label: "When the card hold fails",
        options: [
          {
            value: "wait_for_card_update",
            label: "Ask the shopper to update the card; hold the box",
          },
          { value: "cancel", label: "Cancel the trial order" },
        ],
      },
      {
        kind: "bool",
        name: "allowRegularItemsInTrialCart",
        label: "Allow regular purchases in a trial cart",
      },
    ],
  },
  madeToOrder: {
    title: "Made-to-order",
    path: "made-to-order",
    description:
      "Out-of-stock sizes made after the shopper's fit is confirmed with a fitting pair.",
    fields: [
      { kind: "bool", name: "enabled", label: "Offer made-to-order for out-of-stock sizes" },
      {
        kind: "int",
        name: "leadDays",
        label: "Production lead time",
        suffix: "days after fit confirmation",
      },
      { kind: "list", name: "eligibleProductTags", label: "Eligible product tags" },
      {
        kind: "text",
        name: "fittingPairProductId",
        label: "Fitting pair product",
        help: "gid://shopify/Product/…, with Size and Width options. Empty: the product tagged fitting-pair.",
      },
      {
        kind: "bool",
        name: "skipFittingWhenSizeConfirmed",
        label: "Skip the fitting pair when the size is already confirmed",
      },
      {
        kind: "int",
        name: "fitReminderAfterDays",
        label: "Remind the shopper to confirm fit after",
        suffix: "days",
      },
      {
        kind: "int",
        name: "fitEscalateAfterDays",
        label: "Tell the merchant after",
        suffix: "days",
      },
      {
        kind: "int",
        name: "fittingPairReturnDays",
        label: "Fitting pair must be returned within",
        suffix: "days",
      },
      {
        kind: "money",
        name: "unreturnedFittingPairFee",
        label: "Fee for a fitting pair not returned",
      },
      {
        kind: "bool",
        name: "splitSizesAreFinalSale",
        label: "Two different sizes per foot are final sale",
      },
      {
        kind: "rows",
        name: "seasonalOverrides",
        label: "Seasonal lead-time overrides",
        help: "Orders placed in a range get extra days and this message at order time.",
        addLabel: "Add override",
        blank: { name: "", start: "", end: "", extraDays: "7", message: "" },
        item: [
          { kind: "text", name: "name", label: "Name" },
          { kind: "date", name: "start", label: "From" },
          { kind: "date", name: "end", label: "To" },
          { kind: "int", name: "extraDays", label: "Extra days" },
          { kind: "text", name: "message", label: "Message to shoppers" },
        ],
      },
    ],
  },
  returns: {
    title: "Returns and exchanges",
    path: "returns",
    description: "Windows, fees and exceptions for regular orders.",
    fields: [
      { kind: "int", name: "windowDays", label: "Return window", suffix: "days from delivery" },
      { kind: "money", name: "handlingFee", label: "Handling fee on refunds" },
      {
        kind: "multiselect",
        name: "handlingFeeWaivedFor",
        label: "Handling fee waived for",
        options: [
          { value: "store_credit", label: "Store credit" },
          { value: "exchange", label: "Exchanges" },
        ],
      },
      { kind: "bool", name: "saleItemsStoreCreditOnly", label: "Sale items: store credit only" },
      { kind: "list", name: "saleTags", label: "Sale tags" },
      { kind: "list", name: "nonReturnableTags", label: "Non-returnable tags" },
      { kind: "list", name: "nonReturnableProductTypes", label: "Non-returnable product types" },
      { kind: "text", name: "internationalHsCode", label: "HS code for international returns" },
      {
        kind: "rows",
        name: "markets",
        label: "Markets",
        help: "Rules per market; * covers every country not listed elsewhere.",
        addLabel: "Add market",
        blank: {
          name: "",
          countries: "",
          restockingFeePercent: "0",
          wornOrDamagedOutcome: "refuse",
          freeExchanges: "false",
          customerPaysReturnShipping: "true",
          trackingRequired: "true",
          coveredOutboundExchangeShipments: "0",
        },
        item: [
          { kind: "text", name: "name", label: "Market" },
          { kind: "countries", name: "countries", label: "Countries", allowAll: true },
          {
            kind: "int",
            name: "restockingFeePercent",
            label: "Restocking fee (worn/damaged)",
            suffix: "%",
          },
          {
            kind: "select",
            name: "wornOrDamagedOutcome",
            label: "Worn or damaged returns",
            options: [
              {
                value: "store_credit_or_send_back",
                label: "Store credit less the fee, or sent back",
              },
              { value: "send_back", label: "Sent back to the shopper" },
              { value: "refuse", label: "Refused" },
            ],
          },
          { kind: "bool", name: "freeExchanges", label: "Free exchanges" },
          {
            kind: "bool",
            name: "customerPaysReturnShipping",
            label: "Shopper pays return shipping",
          },
          { kind: "bool", name: "trackingRequired", label: "Tracking link required" },
          {
            kind: "int",
            name: "coveredOutboundExchangeShipments",
            label: "Exchange shipments we cover",
          },
        ],
      },
      {
        kind: "rows",
        name: "marketplaceChannels",
        label: "Marketplace channels",
        help: "Orders from these sales channels are sent to the channel to return.",
        addLabel: "Add channel",
        blank: { sourceName: "", label: "", instructions: "" },
        item: [
          { kind: "text", name: "sourceName", label: "Order source name" },
          { kind: "text", name: "label", label: "Channel" },
          { kind: "text", name: "instructions", label: "Instructions to shoppers" },
        ],
      },
    ],
  },
  referrals: {
    title: "Referrals",
    path: "referrals",
    description: "Give a friend a reward, get one when their order is final.",
    fields: [
      { kind: "bool", name: "enabled", label: "Run the referral program" },
      { kind: "money", name: "friendReward", label: "Friend's reward" },
      { kind: "money", name: "referrerReward", label: "Referrer's reward" },
      {
        kind: "select",
        name: "referrerRewardForm",
        label: "Referrer's reward is paid as",
        options: [
          { value: "store_credit", label: "Store credit" },
          { value: "discount_code", label: "A single-use discount code" },
        ],
      },
      { kind: "money", name: "minimumOrder", label: "Minimum order for the friend's reward" },
      {
        kind: "bool",
        name: "holdUntilReturnWindowEnds",
        label: "Release rewards only after the return window ends",
      },
      {
        kind: "bool",
        name: "ambassadorProgramEnabled",
        label: "Ambassador program (own code and link)",
      },
      { kind: "money", name: "ambassadorReward", label: "Ambassador reward per order" },
      {
        kind: "money",
        name: "newsletterFirstOrderDiscount",
        label: "Newsletter first-order discount",
      },
    ],
  },
  shipping: {
    title: "Shipping",
    path: "shipping",
    description: "Where you ship, what it costs, and the calendar every date is computed on.",
    fields: [
      {
        kind: "text",
        name: "timezone",
        label: "Time zone",
        help: "IANA name, e.g. America/New_York",
      },
      {
        kind: "multiselect",
        name: "businessDays",
        label: "Business days",
        options: WEEKDAY_OPTIONS,
      },
      {
        kind: "range",
        name: "inStockShipBusinessDays",
        label: "In-stock orders ship within",
        suffix: "business days",
      },
      {
        kind: "range",
        name: "trialShipBusinessDays",
        label: "Trial boxes ship within",
        suffix: "business days",
      },
      {
        kind: "rows",
        name: "tiers",
        label: "Shipping tiers",
        addLabel: "Add tier",
        blank: {
          name: "",
          countries: "",
          estimatedCost: "0.00",
          "deliveryBusinessDays.min": "3",
          "deliveryBusinessDays.max": "5",
        },
        item: [
          { kind: "text", name: "name", label: "Tier" },
          { kind: "countries", name: "countries", label: "Countries" },
          { kind: "money", name: "estimatedCost", label: "Estimated cost (one pair)" },
          {
            kind: "range",
            name: "deliveryBusinessDays",
            label: "Delivery",
            suffix: "business days",
          },
        ],
      },
      {
        kind: "rows",
        name: "holidays",
        label: "Holidays",
        addLabel: "Add holiday",
        blank: { date: "", name: "" },
        item: [
          { kind: "date", name: "date", label: "Date" },
          { kind: "text", name: "name", label: "Name" },
        ],
      },
    ],
  },
};

export function sectionForPath(path: string): PolicySection | undefined {
  return (Object.keys(SECTION_FORMS) as PolicySection[]).find(
    (s) => SECTION_FORMS[s].path === path,
  );
}

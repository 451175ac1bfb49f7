import type { SectionForm } from "../field-spec";

export const trialForm: SectionForm = {
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
};

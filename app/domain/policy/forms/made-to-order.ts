import type { SectionForm } from "../field-spec";

export const madeToOrderForm: SectionForm = {
  title: "Made-to-order",
  path: "made-to-order",
  description: "Out-of-stock sizes made after the shopper's fit is confirmed with a fitting pair.",
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
};

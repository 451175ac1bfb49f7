import type { SectionForm } from "../field-spec";

const WIDTH_RULES = [
  { value: "as_usual", label: "Same width as elsewhere" },
  { value: "one_wider", label: "One width wider" },
  { value: "one_narrower", label: "One width narrower" },
];

export const fitForm: SectionForm = {
  title: "Fit finder",
  path: "fit",
  description:
    "How the “Find your size” block recommends a size: your size chart until enough shoppers like the one asking have kept or returned a pair, then what they kept.",
  fields: [
    { kind: "bool", name: "finderEnabled", label: "Offer the fit finder on product pages" },
    {
      kind: "int",
      name: "minimumOutcomes",
      label: "Shoppers needed before data overrides the chart",
      help: "Kept or returned pairs from shoppers who wear the same usual size and width",
      suffix: "shoppers",
    },
    {
      kind: "rows",
      name: "charts",
      label: "Size chart by product type",
      help: "“*” applies to every product type without its own row",
      addLabel: "Add product type",
      blank: { family: "", offsetHalves: "0", widthRule: "as_usual", between: "up" },
      item: [
        { kind: "text", name: "family", label: "Product type" },
        {
          kind: "int",
          name: "offsetHalves",
          label: "Half sizes from the usual size",
          help: "1 = half a size up, -1 = half a size down",
        },
        { kind: "select", name: "widthRule", label: "Width", options: WIDTH_RULES },
        {
          kind: "select",
          name: "between",
          label: "Between sizes",
          options: [
            { value: "up", label: "Take the larger size" },
            { value: "down", label: "Take the smaller size" },
          ],
        },
      ],
    },
    {
      kind: "text",
      name: "knownSizeTagPrefix",
      label: "Customer tag that records a known size",
      help: "e.g. size: — a customer tagged “size:8 Wide” skips the fitting pair (Import on the Fit page)",
    },
  ],
};

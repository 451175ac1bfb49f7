import { WEEKDAYS } from "../../calendar";
import type { SectionForm } from "../field-spec";

const WEEKDAY_OPTIONS = WEEKDAYS.map((d) => ({
  value: d,
  label: d,
}));

export const shippingForm: SectionForm = {
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
      kind: "text",
      name: "dailyCutOff",
      label: "Daily order cut-off",
      help: "24-hour time in your time zone, e.g. 14:00: later orders start the next business day",
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
};

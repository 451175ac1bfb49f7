import type { SectionForm } from "../field-spec";

export const returnsForm: SectionForm = {
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
};

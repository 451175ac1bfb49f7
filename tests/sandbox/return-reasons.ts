// A small library of Shopify's standardized return reasons (returnReasonDefinitions), each with
// the deprecated ReturnReason enum value it stands for. The handles follow Shopify's examples;
// the ids are the sandbox's own.

export interface ReturnReasonDefinition {
  id: string;
  handle: string;
  name: string;
  /** The ReturnReason enum value a return line reports for it. */
  reason: string;
}

const LIBRARY: [string, string, string][] = [
  ["too-small", "Too small", "SIZE_TOO_SMALL"],
  ["too-large", "Too large", "SIZE_TOO_LARGE"],
  ["too-tight", "Too tight", "SIZE_TOO_SMALL"],
  ["too-loose", "Too loose", "SIZE_TOO_LARGE"],
  ["comfort", "Not comfortable", "OTHER"],
  ["damaged", "Damaged or defective", "DEFECTIVE"],
  ["quality", "Quality not as expected", "DEFECTIVE"],
  ["not-as-described", "Item not as described", "NOT_AS_DESCRIBED"],
  ["wrong-item", "Received the wrong item", "WRONG_ITEM"],
  ["changed-mind", "Changed my mind", "UNWANTED"],
  ["arrived-late", "Arrived too late", "OTHER"],
  ["color", "Color", "COLOR"],
  ["style", "Style", "STYLE"],
  ["other", "Other", "OTHER"],
  ["unknown", "Unknown", "UNKNOWN"],
];

export const RETURN_REASON_DEFINITIONS: ReturnReasonDefinition[] = LIBRARY.map(
  ([handle, name, reason], i) => ({
    id: `gid://shopify/ReturnReasonDefinition/${i + 1}`,
    handle,
    name,
    reason,
  }),
);

export function reasonDefinition(id: string | null | undefined) {
  return RETURN_REASON_DEFINITIONS.find((d) => d.id === id) ?? null;
}

export function reasonDefinitionObject(d: ReturnReasonDefinition) {
  return {
    __typename: "ReturnReasonDefinition",
    id: d.id,
    handle: d.handle,
    name: d.name,
    deleted: false,
  };
}

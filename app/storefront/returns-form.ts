import { z } from "zod";
import { SIZES, WIDTHS } from "~/domain/fit-profile";

// What a shopper asks for in a return, as the portal's plain form posts it (`lines[3].outcome`…)
// and as the customer-account extension sends it (JSON): validated here, field by field, before
// any feature is called. Both front ends end in the same line requests.

export const PORTAL_REASONS = [
  "SIZE_TOO_SMALL",
  "SIZE_TOO_LARGE",
  "STYLE",
  "COLOR",
  "UNWANTED",
  "NOT_AS_DESCRIBED",
  "DEFECTIVE",
  "WRONG_ITEM",
  "OTHER",
] as const;
export const PORTAL_FIT_FEEDBACK = ["too_tight", "too_loose", "heel_slip", "other"] as const;
export const PORTAL_OUTCOMES = ["refund", "store_credit", "exchange"] as const;

const optional = <T extends z.ZodTypeAny>(schema: T) =>
  z.preprocess((v) => (v === "" || v === undefined ? null : v), schema.nullable());

export const lineRequestSchema = z
  .object({
    lineItemGid: z.string().regex(/^gid:\/\/shopify\/LineItem\/\d+$/, "Unknown item"),
    quantity: z.coerce.number().int("Whole pairs only").min(1, "At least 1").max(20, "Too many"),
    reason: z.enum(PORTAL_REASONS, { message: "Choose a reason" }),
    reasonNote: optional(z.string().trim().max(500, "Keep it under 500 characters")),
    fitFeedback: optional(z.enum(PORTAL_FIT_FEEDBACK, { message: "Choose how it fitted" })),
    wantedSize: optional(z.enum(SIZES as [string, ...string[]], { message: "Pick a size" })),
    wantedWidth: optional(z.enum(WIDTHS, { message: "Pick a width" })),
    outcome: z.enum(PORTAL_OUTCOMES, { message: "Choose refund, store credit or exchange" }),
    exchangeVariantGid: optional(
      z.string().regex(/^gid:\/\/shopify\/ProductVariant\/\d+$/, "Choose the new size"),
    ),
  })
  .refine((l) => l.outcome !== "exchange" || l.exchangeVariantGid, {
    message: "Choose the size to exchange for",
    path: ["exchangeVariantGid"],
  })
  .refine((l) => l.reason !== "OTHER" || l.reasonNote, {
    message: "Tell us why",
    path: ["reasonNote"],
  });

export type PortalLineRequest = z.infer<typeof lineRequestSchema>;

export type ParsedLines =
  | { ok: true; lines: PortalLineRequest[]; formIndexes: number[]; values: Record<string, string> }
  | { ok: false; field: string; message: string; values: Record<string, string> };

const LINE_FIELDS: Record<string, keyof PortalLineRequest> = {
  gid: "lineItemGid",
  quantity: "quantity",
  reason: "reason",
  note: "reasonNote",
  fit: "fitFeedback",
  size: "wantedSize",
  width: "wantedWidth",
  outcome: "outcome",
  exchange: "exchangeVariantGid",
};
const FORM_FIELD = Object.fromEntries(Object.entries(LINE_FIELDS).map(([k, v]) => [v, k]));

/** Form name of line `i`'s field, e.g. `lines[2].outcome`. */
export const lineField = (i: number, name: string) => `lines[${i}].${name}`;

/** The lines ticked on the portal's form (`lines[i].selected`), validated. */
export function parsePortalForm(form: FormData): ParsedLines {
  const values: Record<string, string> = {};
  for (const [key, value] of form.entries()) if (typeof value === "string") values[key] = value;
  const indexes = new Set<number>();
  for (const key of Object.keys(values)) {
    const m = /^lines\[(\d{1,2})\]\.selected$/.exec(key);
    if (m) indexes.add(Number(m[1]));
  }
  const formIndexes = [...indexes].sort((a, b) => a - b);
  if (formIndexes.length === 0)
    return { ok: false, field: "lines", message: "Choose at least one item", values };
  const lines: PortalLineRequest[] = [];
  for (const i of formIndexes) {
    const raw: Record<string, string | undefined> = {};
    for (const [name, key] of Object.entries(LINE_FIELDS)) raw[key] = values[lineField(i, name)];
    const parsed = lineRequestSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const key = String(issue?.path[0] ?? "gid");
      return {
        ok: false,
        field: lineField(i, FORM_FIELD[key] ?? key),
        message: issue?.message ?? "Invalid",
        values,
      };
    }
    lines.push(parsed.data);
  }
  return { ok: true, lines, formIndexes, values };
}

/** A feature's field (`lines[0].exchange`, about the first line sent) as the form names it. */
export function formFieldOf(field: string, formIndexes: readonly number[]): string {
  const m = /^lines\[(\d+)\](.*)$/.exec(field);
  if (!m) return field;
  const formIndex = formIndexes[Number(m[1])];
  return formIndex === undefined ? field : `lines[${formIndex}]${m[2] ?? ""}`;
}

export const guestLookupSchema = z.object({
  orderName: z
    .string()
    .trim()
    .regex(/^#?\s*[A-Za-z0-9-]{1,20}$/, "Enter the order number, e.g. #1001"),
  email: z.string().trim().email("Enter the email you ordered with").max(254),
});

export const trackingSchema = z.object({
  trackingNumber: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9 -]{4,40}$/, "A tracking number: 4 to 40 letters and digits"),
  trackingUrl: optional(z.string().trim().url("A link starting with https://").max(500)),
});

export const choiceSchema = z.object({
  lineId: z.string().min(1, "Choose a pair"),
  outcome: z.enum(["store_credit", "send_back"], { message: "Choose store credit or send back" }),
});

/** The JSON the customer-account extension posts. */
export const apiRequestSchema = z.object({
  intent: z.enum(["preview", "submit"]),
  orderId: z.string().regex(/^gid:\/\/shopify\/Order\/\d+$/, "Unknown order"),
  lines: z.array(lineRequestSchema).min(1, "Choose at least one item").max(30),
});

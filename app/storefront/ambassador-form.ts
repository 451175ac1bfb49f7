import { z } from "zod";
import type { MessageKey } from "./i18n";

// The ambassador application as the storefront form posts it. Messages are translation keys
// (the page renders them in the shopper's language), each naming its field.

export const ambassadorFormSchema = z.object({
  name: z.string().trim().min(2, "ambassadors.error.name").max(100, "ambassadors.error.name"),
  email: z.string().trim().email("ambassadors.error.email").max(200, "ambassadors.error.email"),
  socialHandle: z
    .string()
    .trim()
    .min(2, "ambassadors.error.socialHandle")
    .max(200, "ambassadors.error.socialHandle"),
  why: z.string().trim().min(10, "ambassadors.error.why").max(1000, "ambassadors.error.why"),
});

export type AmbassadorForm = z.infer<typeof ambassadorFormSchema>;

export const AMBASSADOR_FIELDS = ["name", "email", "socialHandle", "why"] as const;

export function parseAmbassadorForm(form: FormData) {
  const values = Object.fromEntries(
    AMBASSADOR_FIELDS.map((f) => [f, String(form.get(f) ?? "")]),
  ) as Record<(typeof AMBASSADOR_FIELDS)[number], string>;
  const parsed = ambassadorFormSchema.safeParse(values);
  if (parsed.success) return { ok: true as const, form: parsed.data, values };
  const issue = parsed.error.issues[0]!;
  return {
    ok: false as const,
    field: String(issue.path[0]),
    key: issue.message as MessageKey,
    values,
  };
}

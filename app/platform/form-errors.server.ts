import { json } from "@remix-run/node";
import type { ZodError } from "zod";

// Admin actions answer bad input the same way: 422, the first problem, the field it is about.

export function invalidForm(error: ZodError) {
  const issue = error.issues[0];
  return json(
    {
      ok: false as const,
      field: String(issue?.path.join(".") || "action"),
      message: issue?.message ?? "Invalid",
    },
    { status: 422 },
  );
}

const FORM_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data"];

/**
 * The posted form, or the `refuse` response thrown: a JSON body or a broken multipart one is the
 * sender's mistake (415 / 400), not a server error, and nothing past this line may see it.
 */
export async function readForm(
  request: Request,
  refuse: (status: 400 | 415, message: string) => Response,
): Promise<FormData> {
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (!FORM_TYPES.includes(type))
    throw refuse(415, "Send the form as application/x-www-form-urlencoded or multipart/form-data.");
  try {
    return await request.formData();
  } catch {
    throw refuse(400, "The form could not be read.");
  }
}

/** readForm for admin actions: the same { ok, field, message } shape as invalidForm. */
export function readAdminForm(request: Request): Promise<FormData> {
  return readForm(request, (status, message) =>
    json({ ok: false as const, field: "body", message }, { status }),
  );
}

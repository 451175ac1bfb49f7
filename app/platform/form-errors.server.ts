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

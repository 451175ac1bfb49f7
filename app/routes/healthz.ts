import { json } from "@remix-run/node";
import { databaseAnswers } from "~/platform/health.server";

// For load balancers and orchestrators: no auth, no log line (scripts/serve.mjs skips it).
export const loader = async () => {
  const ok = await databaseAnswers();
  return json({ ok }, { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } });
};

import type { LoaderFunctionArgs } from "@remix-run/node";
import { metricsAuthorized, metricsText } from "~/platform/metrics.server";

// Prometheus scrape endpoint; a bearer token (METRICS_TOKEN) when one is configured.
export const loader = async ({ request }: LoaderFunctionArgs) => {
  if (!metricsAuthorized(request.headers.get("authorization")))
    return new Response("Unauthorized", {
      status: 401,
      headers: { "WWW-Authenticate": 'Bearer realm="metrics"' },
    });
  const { contentType, body } = await metricsText();
  return new Response(body, {
    headers: { "Content-Type": contentType, "Cache-Control": "no-store" },
  });
};

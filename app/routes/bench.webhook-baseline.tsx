import type { ActionFunctionArgs } from "@remix-run/node";
import { authenticate } from "~/shopify.server";

// bench/webhooks' baseline: what Shopify's Remix app template does for a webhook (verify it with
// authenticate.webhook, which also loads the shop's session, then 200), so the benchmark can
// print the app's inbox against it in the same run and build. Off (404) unless the benchmark
// starts the app with FITTING_ROOM_BENCH_BASELINE=1.

export const action = async ({ request }: ActionFunctionArgs) => {
  if (process.env.FITTING_ROOM_BENCH_BASELINE !== "1") return new Response(null, { status: 404 });
  await authenticate.webhook(request);
  return new Response(null, { status: 200 });
};

import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import type { OrderStatusAnswer } from "~/domain/order-status";
import { madeToOrderPolicy } from "~/features/made-to-order/index.server";
import { referralsPolicy } from "~/features/referrals/index.server";
import { returnsPolicy } from "~/features/returns/index.server";
import { trialPolicy } from "~/features/trial/index.server";
import { refreshClock } from "~/platform/clock.server";
import { orderStatusFor } from "~/services/order-status.server";
import { authenticate } from "~/shopify.server";

// The customer account order page block's backend (extensions/order-status-customer-account):
// behind the customer-account session token (401 without a valid one), the shop from its `dest`,
// the customer from its `sub`, CORS headers on every answer (the block runs on Shopify's origin).
//   GET ?orderId=gid://shopify/Order/1 → { orderId, parts }: each policy's part for the order
//   (app/domain/order-status.ts); 404 unless the order is this customer's in this shop.

/**
 * The registry's policies, in its order. Routes may not import the registry (app/policies.server.ts
 * is wiring), so they are named here; tests/integration/order-status.test.ts fails when a policy
 * with an orderStatus hook is added to the registry and not here.
 */
const POLICIES = [trialPolicy, madeToOrderPolicy, returnsPolicy, referralsPolicy];

const querySchema = z.object({
  orderId: z
    .string({ required_error: "orderId is required" })
    .regex(/^gid:\/\/shopify\/Order\/\d+$/, "orderId must be an order id: gid://shopify/Order/<n>"),
});

const CORS_HEADERS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Headers": "Authorization, Content-Type",
};

/** The library's own refusals (a 401) carry no CORS headers: without them the block cannot read them. */
function withCors(response: Response): Response {
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(CORS_HEADERS))
    if (!headers.has(name)) headers.set(name, value);
  return new Response(response.body, {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}

async function who(request: Request) {
  try {
    const { sessionToken, cors } = await authenticate.public.customerAccount(request);
    await refreshClock();
    return {
      shop: String(sessionToken.dest ?? "").replace(/^https:\/\//, ""),
      customerGid: String(sessionToken.sub ?? ""),
      // The library adds CORS only for a foreign Origin; every answer gets them here.
      cors: (response: Response) => withCors(cors(response)),
    };
  } catch (thrown) {
    if (thrown instanceof Response) throw withCors(thrown);
    throw thrown;
  }
}

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const w = await who(request);
  const parsed = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join(".") || "orderId";
    return w.cors(json({ error: issue?.message ?? "Invalid request", field }, { status: 422 }));
  }
  const { orderId } = parsed.data;
  const parts = /^gid:\/\/shopify\/Customer\/\d+$/.test(w.customerGid)
    ? await orderStatusFor(POLICIES, w.shop, orderId, w.customerGid)
    : null;
  if (!parts)
    return w.cors(
      json({ error: "This order is not available.", field: "orderId" }, { status: 404 }),
    );
  const answer: OrderStatusAnswer = { orderId, parts };
  return w.cors(json(answer));
};

/** Preflight (answered by the library with its CORS headers); nothing here takes a body. */
export const action = async ({ request }: ActionFunctionArgs) => {
  const w = await who(request);
  return w.cors(json({ error: "Use GET.", field: "method" }, { status: 405 }));
};

import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import {
  ReturnRequestError,
  ShopperAccessError,
  customerOrderByGid,
  previewShopperReturn,
  shopperOrder,
  submitShopperReturn,
} from "~/features/returns/index.server";
import { refreshClock } from "~/platform/clock.server";
import { authenticate, unauthenticated } from "~/shopify.server";
import { apiRequestSchema } from "~/storefront/returns-form";

// The customer-account order action's backend (extensions/returns-customer-account): the same
// shopper functions as the app-proxy portal, behind the customer-account session token (401
// without a valid one), with the CORS headers customer accounts need on every answer.
//   GET  ?orderId=gid://shopify/Order/1        → the order's lines and what each can become
//   POST { intent: "preview" | "submit", orderId, lines } → the decision, or the opened case

async function who(request: Request) {
  const { sessionToken, cors } = await authenticate.public.customerAccount(request);
  await refreshClock();
  const shop = String(sessionToken.dest ?? "").replace(/^https:\/\//, "");
  const customerGid = String(sessionToken.sub ?? "");
  const graphql = await unauthenticated
    .admin(shop)
    .then((c) => c.admin.graphql)
    .catch(() => null);
  return { shop, customerGid, cors, graphql };
}

type Who = Awaited<ReturnType<typeof who>>;

const fail = (w: Who, status: number, field: string, message: string) =>
  w.cors(json({ error: message, field }, { status }));

async function orderIdFor(w: Who, orderGid: string) {
  if (!/^gid:\/\/shopify\/Customer\/\d+$/.test(w.customerGid)) return null;
  return customerOrderByGid(w.shop, w.customerGid, orderGid);
}

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const w = await who(request);
  const orderGid = new URL(request.url).searchParams.get("orderId") ?? "";
  const orderId = await orderIdFor(w, orderGid);
  if (!orderId) return fail(w, 404, "orderId", "This order is not available.");
  const access = { customerGid: w.customerGid, guestToken: null };
  return w.cors(json({ order: await shopperOrder(w.shop, orderId, access, w.graphql) }));
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const w = await who(request);
  const body = await request.json().catch(() => null);
  const parsed = apiRequestSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return fail(w, 422, issue?.path.join(".") || "body", issue?.message ?? "Invalid request");
  }
  const orderId = await orderIdFor(w, parsed.data.orderId);
  if (!orderId) return fail(w, 404, "orderId", "This order is not available.");
  const access = { customerGid: w.customerGid, guestToken: null };
  try {
    if (parsed.data.intent === "preview") {
      const { decision } = await previewShopperReturn(
        w.shop,
        orderId,
        access,
        parsed.data.lines,
        w.graphql,
      );
      return w.cors(json({ decision }));
    }
    const opened = await submitShopperReturn(
      w.shop,
      orderId,
      access,
      "customer_account",
      parsed.data.lines,
      w.graphql,
    );
    return w.cors(json(opened, { status: 201 }));
  } catch (error) {
    if (error instanceof ShopperAccessError) return fail(w, 404, "orderId", error.message);
    if (error instanceof ReturnRequestError) return fail(w, 422, error.field, error.message);
    throw error;
  }
};

import type { ActionFunctionArgs } from "@remix-run/node";
import { onlyPost, receiveWebhook } from "~/platform/webhooks/inbox.server";

export const action = ({ request }: ActionFunctionArgs) => receiveWebhook(request, "shop/update");
// Shopify only POSTs here; a GET is told so rather than Remix's 400 for a missing loader.
export const loader = onlyPost;

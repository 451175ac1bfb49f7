import type { ActionFunctionArgs } from "@remix-run/node";
import { onlyPost, receiveWebhook } from "~/platform/webhooks/inbox.server";

export const action = ({ request }: ActionFunctionArgs) => receiveWebhook(request, "shop/update");
export const loader = onlyPost;

import type { ActionFunctionArgs } from "@remix-run/node";
import { onlyPost, receiveWebhook } from "~/platform/webhooks/inbox.server";

export const action = ({ request }: ActionFunctionArgs) =>
  receiveWebhook(request, "returns/cancel");
export const loader = onlyPost;

import type { ActionFunctionArgs } from "@remix-run/node";
import { onlyPost, receiveWebhook } from "~/platform/webhooks/inbox.server";

export const action = ({ request }: ActionFunctionArgs) =>
  receiveWebhook(request, "reverse_deliveries/attach_deliverable");
export const loader = onlyPost;

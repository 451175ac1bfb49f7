import fs from "node:fs";
import path from "node:path";
import { orderPayload } from "../webhooks";
import type { ResolverContext } from "./resolvers";

// flowTriggerReceive (only for Flow trigger extensions the app ships) and orderCancel.

type Args = Record<string, unknown>;
const extensionsDir = path.resolve(import.meta.dirname, "../../../extensions");

function flowTriggerExists(handle: string): boolean {
  if (!fs.existsSync(extensionsDir)) return false;
  return fs.readdirSync(extensionsDir).some((dir) => {
    const toml = path.join(extensionsDir, dir, "shopify.extension.toml");
    if (!fs.existsSync(toml)) return false;
    const text = fs.readFileSync(toml, "utf8");
    return /type\s*=\s*"flow_trigger"/.test(text) && text.includes(`handle = "${handle}"`);
  });
}

export const flowAndCancelMutationResolvers = {
  flowTriggerReceive: (args: Args, { shop, store }: ResolverContext) => {
    const handle = String(args.handle ?? "");
    if (!flowTriggerExists(handle))
      return { userErrors: [{ field: ["handle"], message: `Flow trigger ${handle} not found` }] };
    store.record({
      shop: shop.domain,
      kind: "flow.trigger",
      orderGid: (args.payload as { order_id?: string } | null)?.order_id ?? null,
      details: { handle, payload: args.payload },
    });
    return { userErrors: [] };
  },
  orderCancel: (args: Args, { shop, store }: ResolverContext) => {
    const order = shop.orders.find((o) => o.id === args.orderId);
    if (!order)
      return {
        job: null,
        orderCancelUserErrors: [
          { field: ["orderId"], message: "Order does not exist", code: "NOT_FOUND" },
        ],
        userErrors: [],
      };
    if (order.cancelledAt)
      return {
        job: null,
        orderCancelUserErrors: [
          { field: ["orderId"], message: "Order has already been cancelled", code: "INVALID" },
        ],
        userErrors: [],
      };
    order.cancelledAt = store.now();
    order.updatedAt = order.cancelledAt;
    store.record({
      shop: shop.domain,
      kind: "order.cancel",
      orderGid: order.id,
      details: { reason: args.reason, staffNote: args.staffNote ?? null },
    });
    store.emit(shop.domain, "orders/cancelled", orderPayload(store, shop, order));
    return {
      job: { __typename: "Job", id: store.gid("Job").id, done: true },
      orderCancelUserErrors: [],
      userErrors: [],
    };
  },
};

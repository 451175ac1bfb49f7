import fs from "node:fs";
import path from "node:path";
import { parse as parseToml } from "smol-toml";
import { orderPayload } from "../webhooks";
import type { ResolverContext } from "./resolvers";

// flowTriggerReceive (only for Flow trigger extensions the app ships) and orderCancel.

type Args = Record<string, unknown>;
const extensionsDir = path.resolve(import.meta.dirname, "../../../extensions");

interface TriggerField {
  /** The payload key Flow expects: `customer_id` for a customer_reference, else the field's key. */
  key: string;
  reference: boolean;
}

// A trigger's fields as its extension declares them: what Flow checks a payload against (a
// missing or unknown key is refused, a reference carries the resource's numeric id).
function triggerFields(handle: string): TriggerField[] | null {
  if (!fs.existsSync(extensionsDir)) return null;
  for (const dir of fs.readdirSync(extensionsDir)) {
    const file = path.join(extensionsDir, dir, "shopify.extension.toml");
    if (!fs.existsSync(file)) continue;
    const toml = parseToml(fs.readFileSync(file, "utf8")) as {
      extensions?: { type?: string; handle?: string }[];
      settings?: { fields?: { type: string; key?: string }[] };
    };
    const ext = toml.extensions?.find((e) => e.type === "flow_trigger" && e.handle === handle);
    if (!ext) continue;
    return (toml.settings?.fields ?? []).map((f) =>
      f.type.endsWith("_reference")
        ? { key: `${f.type.replace(/_reference$/, "")}_id`, reference: true }
        : { key: String(f.key), reference: false },
    );
  }
  return null;
}

function payloadErrors(fields: TriggerField[], payload: Record<string, unknown>): string[] {
  const errors: string[] = [];
  for (const f of fields) {
    const value = payload[f.key];
    if (value === undefined || value === null) errors.push(`${f.key} is required`);
    else if (f.reference && !/^\d+$/.test(String(value)))
      errors.push(`${f.key} must be the resource's numeric id`);
  }
  for (const key of Object.keys(payload))
    if (!fields.some((f) => f.key === key)) errors.push(`${key} is not a field of this trigger`);
  return errors;
}

export const flowAndCancelMutationResolvers = {
  flowTriggerReceive: (args: Args, { shop, store }: ResolverContext) => {
    const handle = String(args.handle ?? "");
    const fields = triggerFields(handle);
    if (!fields)
      return { userErrors: [{ field: ["handle"], message: `Flow trigger ${handle} not found` }] };
    const payload = (args.payload ?? {}) as Record<string, unknown>;
    const errors = payloadErrors(fields, payload);
    if (errors.length)
      return { userErrors: errors.map((message) => ({ field: ["payload"], message })) };
    store.record({
      shop: shop.domain,
      kind: "flow.trigger",
      orderGid: payload.order_id ? `gid://shopify/Order/${String(payload.order_id)}` : null,
      details: { handle, payload },
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

import { FLOW_TRIGGER_RECEIVE } from "~/graphql/flow";
import {
  adminRequest,
  assertNoUserErrors,
  type AdminGraphql,
} from "~/platform/admin/client.server";
import { performEffect } from "~/platform/effects.server";

// Shopify Flow triggers (extensions/<handle>): how the merchant's own automations hear of a
// trial ending, a fit confirmed, a case needing them. Each firing is an effect under its key, so
// a retried job never fires the same trigger twice.

export interface FlowFiring {
  shop: string;
  /** The effect key: what makes two firings the same firing. */
  key: string;
  handle: string;
  customerGid: string | null;
  /** The order it is about; none for a trigger without an order (an ambassador's application). */
  orderGid: string | null;
  /** The trigger's own fields, named as in its extension's TOML. */
  fields: Record<string, unknown>;
}

const legacyId = (gid: string) => gid.split("/").pop()!;

export function fireFlowTrigger(graphql: AdminGraphql, firing: FlowFiring) {
  return performEffect(
    {
      shop: firing.shop,
      key: firing.key,
      kind: "flow.trigger",
      request: { handle: firing.handle, ...firing.fields },
    },
    async () => {
      const data = await adminRequest(graphql, FLOW_TRIGGER_RECEIVE, {
        handle: firing.handle,
        payload: {
          // Reference fields carry the resource's numeric id, as a string: REST ids exceed 2^53.
          ...(firing.customerGid ? { customer_id: legacyId(firing.customerGid) } : {}),
          ...(firing.orderGid ? { order_id: legacyId(firing.orderGid) } : {}),
          ...firing.fields,
        },
      });
      assertNoUserErrors("flowTriggerReceive", data.flowTriggerReceive?.userErrors);
      return { fired: true };
    },
  );
}

import { DECLINE_REASONS, type DeclineReason } from "../return-model";
import { RETURN_REASON_DEFINITIONS, reasonDefinitionObject } from "../return-reasons";
import {
  ReturnRefusal,
  approveReturn,
  cancelReturn,
  closeReturn,
  createReturn,
  declineReturn,
  findReturn,
  fulfillmentLineItemsOf,
  removeFromReturn,
  reopenReturn,
  returnableQuantity,
  type ExchangeLineInput,
  type ReturnContext,
  type ReturnLineInput,
} from "../returns";
import { LOCATION_ID, processReturn, type ProcessInput } from "../returns-process";
import {
  createReverseDelivery,
  findReverseDelivery,
  findReverseFulfillmentOrder,
} from "../reverse-deliveries";
import { SandboxError, type SandboxOrder } from "../store";
import { connection } from "./connection";
import { fulfillmentLineItemObject, fulfillmentObject } from "./order-lines";
import type { ResolverContext } from "./resolvers";
import { returnCalculate } from "./return-calculate";
import {
  locationObject,
  returnObject,
  reverseDeliveryObject,
  reverseFulfillmentOrderObject,
} from "./returns";

// The Admin API's return operations. Each mutation answers ReturnUserErrors with the schema's
// ReturnErrorCode values (returns-*.ts decide them); what succeeds is on the ledger and sends
// its webhook through the outbox (duplicate and hold modes: POST /webhooks/mode).

type Args = Record<string, unknown>;

const ctxOf = ({ store, shop }: ResolverContext): ReturnContext => ({
  store,
  shop,
  emit: (topic, payload) => store.emit(shop.domain, topic, payload),
  ledger: true,
});

function userErrors(error: unknown) {
  if (error instanceof ReturnRefusal)
    return [
      {
        __typename: "ReturnUserError",
        field: error.field,
        message: error.message,
        code: error.code,
      },
    ];
  if (error instanceof SandboxError) {
    const [field, ...rest] = error.message.split(": ");
    return [
      {
        __typename: "ReturnUserError",
        field: [field],
        message: rest.join(": ") || error.message,
        code: "INVALID",
      },
    ];
  }
  throw error;
}

/** Runs a return mutation: `{ return, userErrors }`. */
function returnMutation(
  rc: ResolverContext,
  act: () => { order: SandboxOrder; ret: Parameters<typeof returnObject>[2] },
) {
  try {
    const { order, ret } = act();
    return { return: returnObject(rc.shop, order, ret, rc.store.clock()), userErrors: [] };
  } catch (error) {
    return { return: null, userErrors: userErrors(error) };
  }
}

function existing(rc: ResolverContext, id: unknown, field: string[] = ["id"]) {
  const found = findReturn(rc.shop, id);
  if (!found) throw new ReturnRefusal(field, "Return does not exist.", "NOT_FOUND");
  return found;
}

function orderFor(rc: ResolverContext, id: unknown, field: string[]) {
  const order = rc.shop.orders.find((o) => o.id === id);
  if (!order) throw new ReturnRefusal(field, "Order does not exist.", "NOT_FOUND");
  return order;
}

export const returnQueryResolvers = {
  return: (args: Args, rc: ResolverContext) => {
    const found = findReturn(rc.shop, args.id);
    return found ? returnObject(rc.shop, found.order, found.ret, rc.store.clock()) : null;
  },
  returnableFulfillments: (args: Args, { shop }: ResolverContext) => {
    const order = shop.orders.find((o) => o.id === args.orderId);
    if (!order) return connection("ReturnableFulfillment", [], args);
    const list = order.fulfillments
      .filter((f) => f.status === "success")
      .map((f) => ({
        f,
        items: fulfillmentLineItemsOf(order)
          .filter((x) => x.fulfillment === f)
          .map((x) => ({ fli: x.fli, quantity: returnableQuantity(order, x.fli) }))
          .filter((x) => x.quantity > 0),
      }))
      .filter((x) => x.items.length > 0)
      .map(({ f, items }) => ({
        __typename: "ReturnableFulfillment",
        id: `gid://shopify/ReturnableFulfillment/${f.legacyId}`,
        fulfillment: fulfillmentObject(shop, order, f),
        returnableFulfillmentLineItems: (a: Args) =>
          connection(
            "ReturnableFulfillmentLineItem",
            items.map((x) => ({
              __typename: "ReturnableFulfillmentLineItem",
              quantity: x.quantity,
              fulfillmentLineItem: fulfillmentLineItemObject(shop, order, x.fli),
            })),
            a,
          ),
      }));
    return connection("ReturnableFulfillment", list, args);
  },
  returnCalculate: (args: Args, { store, shop }: ResolverContext) =>
    returnCalculate(store, shop, args.input as Parameters<typeof returnCalculate>[2]),
  reverseFulfillmentOrder: (args: Args, { store, shop }: ResolverContext) => {
    const found = findReverseFulfillmentOrder(shop, args.id);
    return found
      ? reverseFulfillmentOrderObject(shop, found.order, found.ret, found.rfo, store.clock())
      : null;
  },
  reverseDelivery: (args: Args, { store, shop }: ResolverContext) => {
    const found = String(args.id).startsWith("gid://shopify/ReverseDelivery/")
      ? findReverseDelivery(shop, String(args.id))
      : null;
    return found
      ? reverseDeliveryObject(
          shop,
          found.order,
          found.ret,
          found.rfo,
          found.delivery,
          store.clock(),
        )
      : null;
  },
  returnReasonDefinitions: (args: Args) => {
    const ids = args.ids as string[] | undefined;
    const handles = args.handles as string[] | undefined;
    const list = RETURN_REASON_DEFINITIONS.filter(
      (d) => (!ids || ids.includes(d.id)) && (!handles || handles.includes(d.handle)),
    ).map(reasonDefinitionObject);
    return connection("ReturnReasonDefinition", list, args);
  },
  locations: (args: Args) => connection("Location", [locationObject()], args),
  location: (args: Args) => (!args.id || args.id === LOCATION_ID ? locationObject() : null),
};

export const returnMutationResolvers = {
  returnRequest: (args: Args, rc: ResolverContext) =>
    returnMutation(rc, () => {
      const input = args.input as {
        orderId: string;
        returnLineItems: ReturnLineInput[];
        returnShippingFee?: never;
      };
      const order = orderFor(rc, input.orderId, ["input", "orderId"]);
      const ret = createReturn(ctxOf(rc), order, {
        status: "requested",
        lines: input.returnLineItems,
        shippingFee: input.returnShippingFee ?? null,
        base: ["input"],
      });
      return { order, ret };
    }),
  returnCreate: (args: Args, rc: ResolverContext) =>
    returnMutation(rc, () => {
      const input = args.returnInput as {
        orderId: string;
        returnLineItems: ReturnLineInput[];
        exchangeLineItems?: ExchangeLineInput[] | null;
        returnShippingFee?: never;
        requestedAt?: string | null;
      };
      const order = orderFor(rc, input.orderId, ["returnInput", "orderId"]);
      const ret = createReturn(ctxOf(rc), order, {
        status: "open",
        lines: input.returnLineItems,
        exchanges: input.exchangeLineItems ?? [],
        shippingFee: input.returnShippingFee ?? null,
        requestedAt: input.requestedAt ?? null,
        base: ["returnInput"],
      });
      return { order, ret };
    }),
  returnApproveRequest: (args: Args, rc: ResolverContext) =>
    returnMutation(rc, () => {
      const { order, ret } = existing(rc, (args.input as { id: string }).id, ["input", "id"]);
      return { order, ret: approveReturn(ctxOf(rc), order, ret) };
    }),
  returnDeclineRequest: (args: Args, rc: ResolverContext) =>
    returnMutation(rc, () => {
      const input = args.input as {
        id: string;
        declineReason: DeclineReason;
        declineNote?: string | null;
      };
      const { order, ret } = existing(rc, input.id, ["input", "id"]);
      if (!DECLINE_REASONS.includes(input.declineReason))
        throw new ReturnRefusal(
          ["input", "declineReason"],
          "Decline reason is not included in the list.",
          "INCLUSION",
        );
      return {
        order,
        ret: declineReturn(ctxOf(rc), order, ret, input.declineReason, input.declineNote ?? null),
      };
    }),
  returnCancel: (args: Args, rc: ResolverContext) =>
    returnMutation(rc, () => {
      const { order, ret } = existing(rc, args.id);
      return { order, ret: cancelReturn(ctxOf(rc), order, ret) };
    }),
  returnClose: (args: Args, rc: ResolverContext) =>
    returnMutation(rc, () => {
      const { order, ret } = existing(rc, args.id);
      return { order, ret: closeReturn(ctxOf(rc), order, ret) };
    }),
  returnReopen: (args: Args, rc: ResolverContext) =>
    returnMutation(rc, () => {
      const { order, ret } = existing(rc, args.id);
      return { order, ret: reopenReturn(ctxOf(rc), order, ret) };
    }),
  removeFromReturn: (args: Args, rc: ResolverContext) =>
    returnMutation(rc, () => {
      const { order, ret } = existing(rc, args.returnId, ["returnId"]);
      return {
        order,
        ret: removeFromReturn(
          ctxOf(rc),
          order,
          ret,
          (args.returnLineItems as { returnLineItemId: string; quantity: number }[] | null) ?? [],
          (args.exchangeLineItems as { exchangeLineItemId: string; quantity: number }[] | null) ??
            [],
        ),
      };
    }),
  returnProcess: (args: Args, rc: ResolverContext) =>
    returnMutation(rc, () => {
      const input = args.input as {
        returnId: string;
        returnLineItems?: ProcessInput["returnLineItems"] | null;
        exchangeLineItems?: ProcessInput["exchangeLineItems"] | null;
        financialTransfer?: { issueRefund?: ProcessInput["refund"] } | null;
        note?: string | null;
      };
      const { order, ret } = existing(rc, input.returnId, ["input", "returnId"]);
      processReturn(ctxOf(rc), order, ret, {
        returnLineItems: input.returnLineItems ?? [],
        exchangeLineItems: input.exchangeLineItems ?? [],
        refund: input.financialTransfer?.issueRefund ?? null,
        note: input.note ?? null,
        settle: true,
      });
      return { order, ret };
    }),
  reverseDeliveryCreateWithShipping: (args: Args, rc: ResolverContext) => {
    try {
      const found = findReverseFulfillmentOrder(rc.shop, args.reverseFulfillmentOrderId);
      if (!found)
        throw new ReturnRefusal(
          ["reverseFulfillmentOrderId"],
          "Reverse fulfillment order does not exist.",
          "NOT_FOUND",
        );
      const delivery = createReverseDelivery(ctxOf(rc), found.order, found.ret, found.rfo, {
        lines:
          (args.reverseDeliveryLineItems as {
            reverseFulfillmentOrderLineItemId: string;
            quantity: number;
          }[]) ?? [],
        tracking:
          (args.trackingInput as { number?: string | null; url?: string | null } | null) ?? null,
        labelFileUrl: (args.labelInput as { fileUrl: string } | null)?.fileUrl ?? null,
      });
      return {
        reverseDelivery: reverseDeliveryObject(
          rc.shop,
          found.order,
          found.ret,
          found.rfo,
          delivery,
          rc.store.clock(),
        ),
        userErrors: [],
      };
    } catch (error) {
      return { reverseDelivery: null, userErrors: userErrors(error) };
    }
  },
};

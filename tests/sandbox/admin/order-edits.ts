import type { SandboxLineItem, SandboxOrder, SandboxShop } from "../store";
import { addLines, newLine } from "../lifecycle";
import { orderPayload } from "../webhooks";
import { moneyBag, orderObject } from "./orders";
import { outstanding } from "../payments";
import type { ResolverContext } from "./resolvers";

// Order editing as made-to-order uses it: begin an edit, add a variant (the fitting pair, or the
// new size), remove a line (set its quantity to 0), commit. Added lines ship from a new
// fulfillment order without any selling plan (Shopify cannot add a selling-plan line by editing);
// a removed line's current quantity becomes 0 and its value leaves the order's total. Quantity
// changes other than removal are not simulated and answer a user error saying so.

type Args = Record<string, unknown>;

interface EditSession {
  id: string;
  orderId: string;
  added: { id: string; variantId: string; quantity: number }[];
  removed: Set<string>;
  committed: boolean;
}

const sessions = new WeakMap<SandboxShop, Map<string, EditSession>>();

function sessionsOf(shop: SandboxShop) {
  let map = sessions.get(shop);
  if (!map) sessions.set(shop, (map = new Map()));
  return map;
}

const calculatedId = (line: SandboxLineItem) => `gid://shopify/CalculatedLineItem/${line.legacyId}`;
/** A refused call: every payload field present (null) beside the user error. */
const refuse = (field: string, message: string) => ({
  calculatedOrder: null,
  calculatedLineItem: null,
  orderEditSession: null,
  order: null,
  successMessages: null,
  userErrors: [{ field: [field], message }],
});

function variantOf(shop: SandboxShop, variantId: string) {
  for (const product of shop.products)
    for (const variant of product.variants)
      if (variant.id === variantId) return { product, variant };
  return null;
}

function calculatedOrder(shop: SandboxShop, order: SandboxOrder, session: EditSession) {
  const existing = order.lines
    .filter((l) => !l.removedByEdit)
    .map((l) => ({
      __typename: "CalculatedLineItem",
      id: calculatedId(l),
      title: l.title,
      variantTitle: l.variantTitle,
      sku: l.sku,
      quantity: session.removed.has(l.id) ? 0 : l.quantity,
      variant: { __typename: "ProductVariant", id: l.variantId },
      originalUnitPriceSet: moneyBag(l.price, order.currency),
    }));
  const added = session.added.map((a) => {
    const found = variantOf(shop, a.variantId);
    return {
      __typename: "CalculatedLineItem",
      id: a.id,
      title: found?.product.title ?? "",
      variantTitle: found?.variant.title ?? null,
      sku: found?.variant.sku ?? null,
      quantity: a.quantity,
      variant: { __typename: "ProductVariant", id: a.variantId },
      originalUnitPriceSet: moneyBag(found?.variant.price ?? 0, order.currency),
    };
  });
  const delta =
    session.added.reduce(
      (s, a) => s + (variantOf(shop, a.variantId)?.variant.price ?? 0) * a.quantity,
      0,
    ) -
    order.lines
      .filter((l) => session.removed.has(l.id))
      .reduce((s, l) => s + l.price * l.quantity, 0);
  return {
    __typename: "CalculatedOrder",
    id: session.id,
    committed: session.committed,
    lineItems: () => ({
      __typename: "CalculatedLineItemConnection",
      nodes: [...existing, ...added],
    }),
    addedLineItems: () => ({ __typename: "CalculatedLineItemConnection", nodes: added }),
    totalOutstandingSet: moneyBag(outstanding(order) + delta, order.currency),
  };
}

function open(shop: SandboxShop, id: unknown) {
  const session = sessionsOf(shop).get(String(id));
  if (!session || session.committed) return null;
  const order = shop.orders.find((o) => o.id === session.orderId);
  return order ? { session, order } : null;
}

const sessionView = (session: EditSession) => ({
  __typename: "OrderEditSession",
  id: session.id.replace("CalculatedOrder", "OrderEditSession"),
});

export const orderEditMutationResolvers = {
  orderEditBegin: (args: Args, { shop, store }: ResolverContext) => {
    const order = shop.orders.find((o) => o.id === args.id);
    if (!order) return refuse("id", "Order does not exist");
    if (order.cancelledAt) return refuse("id", "Cancelled orders cannot be edited");
    const session: EditSession = {
      id: store.gid("CalculatedOrder").id,
      orderId: order.id,
      added: [],
      removed: new Set(),
      committed: false,
    };
    sessionsOf(shop).set(session.id, session);
    return {
      calculatedOrder: calculatedOrder(shop, order, session),
      orderEditSession: sessionView(session),
      userErrors: [],
    };
  },
  orderEditAddVariant: (args: Args, { shop, store }: ResolverContext) => {
    const found = open(shop, args.id);
    if (!found) return refuse("id", "Edit session not found");
    const variantId = String(args.variantId);
    if (!variantOf(shop, variantId)) return refuse("variantId", "Variant does not exist");
    const quantity = Number(args.quantity);
    if (!(quantity >= 1)) return refuse("quantity", "Quantity must be at least 1");
    const line = { id: store.gid("CalculatedLineItem").id, variantId, quantity };
    found.session.added.push(line);
    const view = calculatedOrder(shop, found.order, found.session);
    return {
      calculatedLineItem: view.addedLineItems().nodes.find((n) => n.id === line.id),
      calculatedOrder: view,
      orderEditSession: sessionView(found.session),
      userErrors: [],
    };
  },
  orderEditSetQuantity: (args: Args, { shop }: ResolverContext) => {
    const found = open(shop, args.id);
    if (!found) return refuse("id", "Edit session not found");
    const { session, order } = found;
    const quantity = Number(args.quantity);
    const addedIndex = session.added.findIndex((a) => a.id === args.lineItemId);
    const line = order.lines.find((l) => !l.removedByEdit && calculatedId(l) === args.lineItemId);
    if (addedIndex < 0 && !line) return refuse("lineItemId", "Line item does not exist");
    if (addedIndex >= 0) {
      if (quantity === 0) session.added.splice(addedIndex, 1);
      else session.added[addedIndex]!.quantity = quantity;
    } else if (quantity === 0) {
      const fulfilled = order.fulfillments.some(
        (f) => f.status === "success" && f.lineItemIds.includes(line!.id),
      );
      if (fulfilled) return refuse("lineItemId", "Fulfilled line items cannot be removed");
      session.removed.add(line!.id);
    } else if (quantity !== line!.quantity)
      return refuse("quantity", "sandbox: only removing a line (quantity 0) is simulated");
    return {
      calculatedOrder: calculatedOrder(shop, order, session),
      orderEditSession: sessionView(session),
      userErrors: [],
    };
  },
  orderEditCommit: (args: Args, { shop, store }: ResolverContext) => {
    const found = open(shop, args.id);
    if (!found) return refuse("id", "Edit session not found");
    const { session, order } = found;
    session.committed = true;
    for (const line of order.lines.filter((l) => session.removed.has(l.id))) {
      line.removedByEdit = true;
      for (const fo of order.fulfillmentOrders) {
        fo.lineItemIds = fo.lineItemIds.filter((id) => id !== line.id);
        if (fo.lineItemIds.length === 0) {
          fo.status = "CLOSED";
          fo.holds = [];
        }
      }
    }
    const added = session.added.map((a) =>
      newLine(store, shop, { variantId: a.variantId, quantity: a.quantity }, null),
    );
    addLines(store, order, added);
    order.updatedAt = store.now();
    store.record({
      shop: shop.domain,
      kind: "order.edit",
      orderGid: order.id,
      details: {
        added: added.map((l) => ({ lineItemId: l.id, variantId: l.variantId, sku: l.sku })),
        removed: [...session.removed],
        staffNote: args.staffNote ?? null,
      },
    });
    store.emit(shop.domain, "orders/updated", orderPayload(store, shop, order));
    return { order: orderObject(shop, order, store.clock()), successMessages: [], userErrors: [] };
  },
};

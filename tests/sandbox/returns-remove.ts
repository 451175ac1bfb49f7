import { unprocessed, type SandboxReturn } from "./return-model";
import { ReturnRefusal, type ReturnContext } from "./returns-checks";
import type { SandboxOrder } from "./store";

// removeFromReturn: unprocessed units leave a requested or open return (and its reverse
// fulfillment order); returns/update carries the removals, as Shopify's example does.

/** removeFromReturn: unprocessed units leave the return (and its reverse fulfillment order). */
export function removeFromReturn(
  ctx: ReturnContext,
  order: SandboxOrder,
  ret: SandboxReturn,
  returnLines: { returnLineItemId: string; quantity: number }[],
  exchangeLines: { exchangeLineItemId: string; quantity: number }[],
) {
  if (ret.status !== "requested" && ret.status !== "open")
    throw new ReturnRefusal(
      ["returnId"],
      `Return is ${ret.status.toUpperCase()} and can't be changed.`,
      "INVALID_STATE",
    );
  const removals: { admin_graphql_api_id: string; delta: number }[] = [];
  const exchangeRemovals: { admin_graphql_api_id: string; delta: number }[] = [];
  returnLines.forEach((input, i) => {
    const line = ret.lines.find((l) => l.id === input.returnLineItemId);
    const at = ["returnLineItems", String(i)];
    if (!line)
      throw new ReturnRefusal(
        [...at, "returnLineItemId"],
        "Return line item does not exist.",
        "NOT_FOUND",
      );
    if (input.quantity < 1 || input.quantity > unprocessed(line))
      throw new ReturnRefusal(
        [...at, "quantity"],
        `Quantity must be between 1 and the unprocessed quantity (${unprocessed(line)}).`,
        "INVALID",
      );
  });
  exchangeLines.forEach((input, i) => {
    const line = ret.exchanges.find((l) => l.id === input.exchangeLineItemId);
    const at = ["exchangeLineItems", String(i)];
    if (!line)
      throw new ReturnRefusal(
        [...at, "exchangeLineItemId"],
        "Exchange line item does not exist.",
        "NOT_FOUND",
      );
    if (input.quantity < 1 || input.quantity > unprocessed(line))
      throw new ReturnRefusal(
        [...at, "quantity"],
        `Quantity must be between 1 and the unprocessed quantity (${unprocessed(line)}).`,
        "INVALID",
      );
  });
  const left =
    ret.lines.reduce((s, l) => s + l.quantity, 0) - returnLines.reduce((s, l) => s + l.quantity, 0);
  if (left <= 0)
    throw new ReturnRefusal(
      ["returnLineItems"],
      "A return needs at least one return line item: cancel the return instead.",
      "INVALID",
    );
  for (const input of returnLines) {
    const line = ret.lines.find((l) => l.id === input.returnLineItemId)!;
    line.quantity -= input.quantity;
    for (const rfo of ret.reverseFulfillmentOrders)
      for (const r of rfo.lines)
        if (r.returnLineItemId === line.id) r.totalQuantity -= input.quantity;
    removals.push({ admin_graphql_api_id: line.id, delta: input.quantity });
  }
  for (const input of exchangeLines) {
    const line = ret.exchanges.find((l) => l.id === input.exchangeLineItemId)!;
    line.quantity -= input.quantity;
    exchangeRemovals.push({ admin_graphql_api_id: line.id, delta: input.quantity });
  }
  ret.lines = ret.lines.filter((l) => l.quantity > 0);
  ret.exchanges = ret.exchanges.filter((l) => l.quantity > 0);
  ret.lineItemIds = [...new Set(ret.lines.map((l) => l.lineItemId))];
  if (ctx.ledger)
    ctx.store.record({
      shop: ctx.shop.domain,
      kind: "return.update",
      orderGid: order.id,
      details: { returnId: ret.id, name: ret.name, removals, exchangeRemovals },
    });
  ctx.emit("returns/update", {
    admin_graphql_api_id: ret.id,
    return_line_items: { removals },
    exchange_line_items: { removals: exchangeRemovals },
    restocking_fees: { updates: [], removals: [] },
    return_shipping_fees: { updates: [], removals: [] },
  });
  return ret;
}

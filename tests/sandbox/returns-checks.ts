import { toMinor } from "./admin/money";
import { reasonDefinition } from "./return-reasons";
import { holdsItems, type SandboxExchangeLine } from "./return-model";
import type { SandboxFulfillment, SandboxOrder, SandboxShop, SandboxStore } from "./store";

// What a return may hold, checked as Shopify checks it: only fulfilled units, no more than are
// still returnable, no gift cards, notes within their lengths, restocking fees of 0–100 %,
// exchange variants that exist and are in stock. Each refusal names its field and a
// ReturnErrorCode, as ReturnUserError does.

export class ReturnRefusal extends Error {
  constructor(
    readonly field: string[],
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

export interface ReturnContext {
  store: SandboxStore;
  shop: SandboxShop;
  emit: (topic: string, payload: Record<string, unknown>) => void;
  /** Admin calls are the app's effects and go on the ledger; control steps are not the app's. */
  ledger: boolean;
}

type MoneyInput = { amount: unknown; currencyCode: string };

export interface ReturnLineInput {
  fulfillmentLineItemId: string;
  quantity: number;
  returnReason?: string | null;
  returnReasonDefinitionId?: string | null;
  returnReasonNote?: string | null;
  customerNote?: string | null;
  restockingFee?: { percentage: number } | null;
}

export interface ExchangeLineInput {
  variantId?: string | null;
  quantity: number;
  appliedDiscount?: {
    description?: string | null;
    value: { amount?: MoneyInput | null; percentage?: number | null };
  } | null;
}

export function findReturn(shop: SandboxShop, id: unknown) {
  for (const order of shop.orders) {
    const ret = order.returns.find((r) => r.id === id || r.legacyId === id);
    if (ret) return { order, ret };
  }
  return null;
}

/**
 * Units of a fulfillment line item a new return may still take: what shipped, less what other
 * returns hold (not declined or canceled) and what was refunded outside a return.
 */
export function returnableQuantity(
  order: SandboxOrder,
  fli: SandboxFulfillment["fulfillmentLineItems"][number],
): number {
  const line = order.lines.find((l) => l.id === fli.lineItemId);
  if (!line || line.isGiftCard) return 0;
  const inReturns = order.returns
    .filter(holdsItems)
    .flatMap((r) => r.lines)
    .filter((l) => l.fulfillmentLineItemId === fli.id)
    .reduce((s, l) => s + l.quantity, 0);
  const refundedElsewhere = order.refunds
    .filter((r) => !r.returnId)
    .reduce(
      (s, r) =>
        s +
        (r.lines
          ? r.lines.filter((x) => x.lineItemId === line.id).reduce((a, x) => a + x.quantity, 0)
          : r.lineItemIds.includes(line.id)
            ? line.quantity
            : 0),
      0,
    );
  return Math.max(0, fli.quantity - inReturns - refundedElsewhere);
}

export function fulfillmentLineItemsOf(order: SandboxOrder) {
  return order.fulfillments
    .filter((f) => f.status === "success")
    .flatMap((f) => f.fulfillmentLineItems.map((fli) => ({ fulfillment: f, fli })));
}

export function validateReturnLines(order: SandboxOrder, lines: ReturnLineInput[], base: string[]) {
  if (lines.length === 0)
    throw new ReturnRefusal(
      [...base, "returnLineItems"],
      "Return line items can't be blank.",
      "BLANK",
    );
  const wanted = new Map<string, number>();
  lines.forEach((input, i) => {
    const at = [...base, "returnLineItems", String(i)];
    const found = fulfillmentLineItemsOf(order).find(
      (x) => x.fli.id === input.fulfillmentLineItemId,
    );
    if (!found)
      throw new ReturnRefusal(
        [...at, "fulfillmentLineItemId"],
        "Fulfillment line item does not exist on this order (only fulfilled items can be returned).",
        "NOT_FOUND",
      );
    const line = order.lines.find((l) => l.id === found.fli.lineItemId)!;
    if (line.isGiftCard)
      throw new ReturnRefusal(
        [...at, "fulfillmentLineItemId"],
        "Gift cards can't be returned.",
        "INVALID",
      );
    if (input.quantity < 1)
      throw new ReturnRefusal(
        [...at, "quantity"],
        "Quantity must be greater than 0.",
        "GREATER_THAN",
      );
    const total = (wanted.get(found.fli.id) ?? 0) + input.quantity;
    wanted.set(found.fli.id, total);
    const returnable = returnableQuantity(order, found.fli);
    if (total > returnable)
      throw new ReturnRefusal(
        [...at, "quantity"],
        `Quantity must be less than or equal to the returnable quantity (${returnable}).`,
        "LESS_THAN_OR_EQUAL_TO",
      );
    if ((input.customerNote ?? "").length > 300)
      throw new ReturnRefusal(
        [...at, "customerNote"],
        "Customer note is too long (maximum is 300 characters).",
        "TOO_LONG",
      );
    if ((input.returnReasonNote ?? "").length > 255)
      throw new ReturnRefusal(
        [...at, "returnReasonNote"],
        "Return reason note is too long (maximum is 255 characters).",
        "TOO_LONG",
      );
    if (input.returnReasonDefinitionId && !reasonDefinition(input.returnReasonDefinitionId))
      throw new ReturnRefusal(
        [...at, "returnReasonDefinitionId"],
        "Return reason definition does not exist.",
        "NOT_FOUND",
      );
    const pct = input.restockingFee?.percentage;
    if (pct !== undefined && pct !== null && (pct < 0 || pct > 100))
      throw new ReturnRefusal(
        [...at, "restockingFee", "percentage"],
        "Restocking fee percentage must be between 0 and 100.",
        pct < 0 ? "GREATER_THAN_OR_EQUAL_TO" : "LESS_THAN_OR_EQUAL_TO",
      );
  });
}

/** Exchange lines checked and priced (no ids yet). */
export function validateExchangeLines(
  shop: SandboxShop,
  order: SandboxOrder,
  inputs: ExchangeLineInput[],
  base: string[],
): Omit<SandboxExchangeLine, "id" | "legacyId">[] {
  return inputs.map((input, i) => {
    const at = [...base, "exchangeLineItems", String(i)];
    if (!input.variantId)
      throw new ReturnRefusal([...at, "variantId"], "Variant can't be blank.", "BLANK");
    const product = shop.products.find((p) => p.variants.some((v) => v.id === input.variantId));
    const variant = product?.variants.find((v) => v.id === input.variantId);
    if (!product || !variant)
      throw new ReturnRefusal([...at, "variantId"], "Product variant does not exist.", "NOT_FOUND");
    if (input.quantity < 1)
      throw new ReturnRefusal(
        [...at, "quantity"],
        "Quantity must be greater than 0.",
        "GREATER_THAN",
      );
    if (
      (variant.inventoryPolicy ?? "DENY") === "DENY" &&
      variant.inventoryQuantity < input.quantity
    )
      throw new ReturnRefusal(
        [...at, "variantId"],
        `${product.title} (${variant.title}) is out of stock.`,
        "INVALID",
      );
    const value = variant.price * input.quantity;
    const d = input.appliedDiscount?.value;
    let discount = 0;
    if (d?.amount) {
      if (d.amount.currencyCode !== order.currency)
        throw new ReturnRefusal(
          [...at, "appliedDiscount", "value", "amount", "currencyCode"],
          `Currency must be ${order.currency}.`,
          "INVALID",
        );
      discount = toMinor(d.amount.amount, "appliedDiscount.value.amount");
    } else if (d?.percentage !== undefined && d?.percentage !== null) {
      if (d.percentage < 0 || d.percentage > 100)
        throw new ReturnRefusal(
          [...at, "appliedDiscount", "value", "percentage"],
          "Percentage must be between 0 and 100.",
          "INVALID",
        );
      discount = Math.round((value * d.percentage) / 100);
    }
    if (discount > value)
      throw new ReturnRefusal(
        [...at, "appliedDiscount", "value"],
        "The discount can't exceed the line's price.",
        "LESS_THAN_OR_EQUAL_TO",
      );
    return {
      variantId: variant.id,
      productId: product.id,
      title: product.title,
      variantTitle: variant.title,
      sku: variant.sku,
      quantity: input.quantity,
      processedQuantity: 0,
      unitPrice: variant.price,
      discount,
      discountDescription: input.appliedDiscount?.description ?? null,
      lineItemIds: [],
      sellingPlanId: null,
    };
  });
}

import type { Outbox, DeliveryMode } from "./webhooks";
import { runCheckoutDiscounts, type AppDiscountOutcome } from "./functions-discount";
import { fulfillmentPayload, orderPayload } from "./webhooks";
import {
  controlRefund,
  controlRequestReturn,
  controlReturnStep,
  type ControlStep,
} from "./returns-control";
import { Payments, capturable, currentTotal, financialStatus, outstanding } from "./payments";
import { isDeferredPlan, planById } from "./plans";
import crypto from "node:crypto";
import {
  SandboxError,
  type SandboxCard,
  type SandboxLineItem,
  type SandboxOrder,
  type SandboxShop,
  type SandboxStore,
} from "./store";

// What happens to an order in Shopify, step by step. Each step changes the sandbox's state and
// emits the webhooks Shopify would send for it.

export interface LineInput {
  variantId?: string;
  sku?: string;
  handle?: string;
  size?: string;
  width?: string;
  quantity?: number;
  sellingPlanId?: string | null;
  /** Line item properties from the cart (a fit finder answer id). */
  properties?: Record<string, string>;
}

export interface PlaceOrderInput {
  customerEmail?: string;
  lines: LineInput[];
  shippingCountry?: string;
  paymentMethod?: SandboxOrder["paymentMethod"];
  /**
   * Checked out without signing in: discount Functions see no customer, but Shopify still puts
   * the order on the customer record with that email, as it does.
   */
  guest?: boolean;
  /** The card paid with; by default one per customer (the same customer, the same card). */
  card?: SandboxCard;
  sourceName?: string;
  discountCode?: string;
  /** Where the visit started (the order's landing_site). */
  landingSite?: string;
  /** Cart attributes (a referral link sets one). */
  attributes?: { key: string; value: string }[];
  shippingAddress?: { address1: string; address2?: string | null; city: string; zip: string };
  /** "sale" (default) charges at checkout; "authorize" leaves an authorization to capture. */
  checkout?: "sale" | "authorize";
  webhookMode?: DeliveryMode;
}

/** An order discount on the order, allocated across the lines by value (largest remainder last). */
function allocateDiscount(order: SandboxOrder, code: string, off: number) {
  const subtotal = order.lines.reduce((sum, l) => sum + l.price * l.quantity, 0);
  order.discountCode = code;
  order.discountMinor = off;
  let left = off;
  order.lines.forEach((l, i) => {
    const share =
      i === order.lines.length - 1 || subtotal === 0
        ? left
        : Math.floor((off * l.price * l.quantity) / subtotal);
    l.discountAllocated = share;
    left -= share;
  });
}

/** A return as the returns/* topics carry it. */
function findVariant(shop: SandboxShop, line: LineInput) {
  for (const product of shop.products) {
    for (const variant of product.variants) {
      const matches =
        (line.variantId &&
          (variant.id === line.variantId || variant.legacyId === line.variantId)) ||
        (line.sku && variant.sku === line.sku) ||
        (line.handle &&
          product.handle === line.handle &&
          variant.size === line.size &&
          variant.width === (line.width ?? "Medium"));
      if (matches) return { product, variant };
    }
  }
  throw new SandboxError(422, `lines: no variant for ${JSON.stringify(line)}`);
}

/**
 * Shopify refuses a cart line whose selling plan is not offered on its product (the plan's group
 * holds neither the product nor the variant), whatever the cart or the request says: a forged
 * cart cannot buy a flat on the trial plan.
 */
function refuseUnofferedPlan(shop: SandboxShop, line: LineInput) {
  if (!line.sellingPlanId) return;
  const { product, variant } = findVariant(shop, line);
  const group = shop.sellingPlanGroups.find((g) =>
    g.plans.some((p) => p.id === line.sellingPlanId),
  );
  if (!group)
    throw new SandboxError(422, `lines.sellingPlanId: no selling plan ${line.sellingPlanId}`);
  if (!group.productIds.includes(product.id) && !group.productVariantIds.includes(variant.id))
    throw new SandboxError(
      422,
      `lines.sellingPlanId: the selling plan is not offered on ${product.title} (${variant.title})`,
    );
}

/** A line for a variant, taking it out of stock (overselling makes inventory negative). */
export function newLine(
  store: SandboxStore,
  shop: SandboxShop,
  line: LineInput,
  defaultSellingPlanId: string | null,
): SandboxLineItem {
  const { product, variant } = findVariant(shop, line);
  const quantity = line.quantity ?? 1;
  if (quantity < 1) throw new SandboxError(422, "lines.quantity: must be at least 1");
  variant.inventoryQuantity -= quantity;
  // Stock moved: Shopify tells subscribed apps (one location here).
  store.emit(shop.domain, "inventory_levels/update", {
    inventory_item_id: BigInt(variant.legacyId),
    location_id: 1,
    available: variant.inventoryQuantity,
    updated_at: store.now(),
    admin_graphql_api_id: `gid://shopify/InventoryLevel/1?inventory_item_id=${variant.legacyId}`,
  });
  return {
    ...store.gid("LineItem"),
    productId: product.id,
    variantId: variant.id,
    title: product.title,
    variantTitle: variant.title,
    sku: variant.sku,
    quantity,
    price: variant.price,
    sellingPlanId: line.sellingPlanId ?? defaultSellingPlanId,
    ...(product.isGiftCard ? { isGiftCard: true } : {}),
    ...(line.properties ? { properties: line.properties } : {}),
  };
}

/** Lines added after checkout (exchange items, order edits) ship from a new fulfillment order. */
export function addLines(store: SandboxStore, order: SandboxOrder, lines: SandboxLineItem[]) {
  if (lines.length === 0) return;
  order.lines.push(...lines);
  order.fulfillmentOrders.push({
    id: store.gid("FulfillmentOrder").id,
    status: "OPEN",
    fulfillAt: null,
    scheduled: false,
    holds: [],
    lineItemIds: lines.map((l) => l.id),
  });
}

/** A customer's own card, the same on every order of theirs; a guest's is a generic test card. */
export function customerCard(customer?: {
  email: string;
  firstName: string;
  lastName: string;
}): SandboxCard {
  const seed = customer ? crypto.createHash("sha256").update(customer.email).digest() : null;
  return {
    bin: "424242",
    last4: seed ? String(seed.readUInt16BE(0) % 10_000).padStart(4, "0") : "4242",
    expirationMonth: seed ? (seed[2]! % 12) + 1 : 12,
    expirationYear: 2030,
    name: customer ? `${customer.firstName} ${customer.lastName}` : "Test Card",
    company: "Visa",
  };
}

export class Lifecycle {
  constructor(
    private readonly store: SandboxStore,
    private readonly outbox: Outbox,
  ) {}

  private emitOrder(
    shop: SandboxShop,
    order: SandboxOrder,
    topic: string,
    mode: DeliveryMode = "normal",
  ) {
    this.outbox.emit(shop.domain, topic, orderPayload(this.store, shop, order), mode);
  }

  private touch(order: SandboxOrder) {
    order.updatedAt = this.store.now();
  }

  /**
   * Checkout with Shopify's discount Functions: an app discount's code is priced by the app's
   * Function (functions-discount.ts) before the order exists; refused, checkout stops with the
   * message the shopper reads.
   */
  async checkout(domain: string, input: PlaceOrderInput): Promise<SandboxOrder> {
    const shop = this.store.shop(domain);
    if (!input.discountCode) return this.placeOrder(domain, input);
    const customer = shop.customers.find((c) => c.email === input.customerEmail) ?? null;
    const outcome = await runCheckoutDiscounts(
      shop,
      {
        lines: input.lines.map((l) => {
          const { variant } = findVariant(shop, l);
          return {
            variantId: variant.id,
            sellingPlanId: l.sellingPlanId ?? null,
            quantity: l.quantity ?? 1,
          };
        }),
        countryCode: input.shippingCountry ?? customer?.country ?? "US",
        customerId: input.guest ? null : (customer?.id ?? null),
        email: customer?.email ?? input.customerEmail ?? null,
        attributes: input.attributes ?? [],
        code: input.discountCode,
      },
      this.store.now(),
    );
    if (!outcome) return this.placeOrder(domain, input);
    if (!outcome.applied) throw new SandboxError(422, `discountCode: ${outcome.message}`);
    return this.placeOrder(domain, input, outcome);
  }

  placeOrder(
    domain: string,
    input: PlaceOrderInput,
    priced: Extract<AppDiscountOutcome, { applied: true }> | null = null,
  ): SandboxOrder {
    const shop = this.store.shop(domain);
    if (!Array.isArray(input.lines) || input.lines.length === 0)
      throw new SandboxError(422, "lines: at least one line is required");
    const customer = input.customerEmail
      ? shop.customers.find((c) => c.email === input.customerEmail)
      : undefined;
    if (input.customerEmail && !customer)
      throw new SandboxError(422, `customerEmail: no customer ${input.customerEmail}`);
    for (const line of input.lines) refuseUnofferedPlan(shop, line);
    const paymentMethod = input.paymentMethod ?? "card";
    const now = this.store.now();
    const order: SandboxOrder = {
      ...this.store.gid("Order"),
      name: this.store.nextOrderName(),
      shop: domain,
      customerId: customer?.id ?? null,
      email: customer?.email ?? null,
      currency: shop.currencyCode,
      lines: input.lines.map((line) => newLine(this.store, shop, line, null)),
      shippingCountry: input.shippingCountry ?? customer?.country ?? "US",
      shippingAddress: input.shippingAddress
        ? { ...input.shippingAddress, address2: input.shippingAddress.address2 ?? null }
        : null,
      customAttributes: input.attributes ?? [],
      landingSite: input.landingSite ?? null,
      paymentMethod,
      card: paymentMethod === "paypal" ? null : (input.card ?? customerCard(customer)),
      mandateId: paymentMethod === "card_on_file" ? this.store.gid("PaymentMandate").id : null,
      financialStatus: paymentMethod === "card_on_file" ? "pending" : "paid",
      fulfillmentStatus: "unfulfilled",
      sourceName: input.sourceName ?? "web",
      cancelledAt: null,
      createdAt: now,
      updatedAt: now,
      fulfillments: [],
      returns: [],
      refunds: [],
      discountCode: null,
      discountMinor: 0,
      fulfillmentOrders: [],
      paymentSchedule: null,
      transactions: [],
      mandatePayments: [],
    };
    // Pre-order lines (made-to-order) wait in their own fulfillment order for the merchant's date.
    const preOrder = (l: SandboxLineItem) =>
      shop.sellingPlanGroups.some((g) =>
        g.plans.some((p) => p.id === l.sellingPlanId && p.category === "PRE_ORDER"),
      );
    for (const scheduled of [false, true]) {
      const lines = order.lines.filter((l) => preOrder(l) === scheduled);
      if (lines.length > 0)
        order.fulfillmentOrders.push({
          id: this.store.gid("FulfillmentOrder").id,
          status: scheduled ? "SCHEDULED" : "OPEN",
          fulfillAt: null,
          scheduled,
          holds: [],
          lineItemIds: lines.map((l) => l.id),
        });
    }
    if (priced) {
      allocateDiscount(order, priced.code, priced.amount);
      order.appDiscount = {
        id: priced.discount.id,
        title: priced.discount.title,
        message: priced.message,
      };
    } else if (input.discountCode) this.applyDiscount(shop, order, input.discountCode);
    // A deferred purchase option puts the balance on payment terms due after the plan's delay.
    const deferredPlan = shop.sellingPlanGroups
      .flatMap((g) => g.plans)
      .find((p) => isDeferredPlan(p) && order.lines.some((l) => l.sellingPlanId === p.id));
    if (deferredPlan) {
      const after = (
        deferredPlan.billingPolicy as {
          fixed?: { remainingBalanceChargeTimeAfterCheckout?: string };
        } | null
      )?.fixed?.remainingBalanceChargeTimeAfterCheckout;
      const days = Number(/^P(\d+)D$/.exec(after ?? "")?.[1] ?? 30);
      order.paymentSchedule = {
        id: this.store.gid("PaymentSchedule").id,
        termsId: this.store.gid("PaymentTerms").id,
        dueAt: new Date(this.store.clock() + days * 86_400_000).toISOString(),
        completedAt: null,
      };
    }
    if (input.checkout === "authorize" && paymentMethod !== "card_on_file")
      order.financialStatus = "authorized";
    shop.orders.push(order);
    // Paid at checkout: a sale, or an authorization the merchant captures later. With a card on
    // file (a deferred purchase option), checkout still charges the lines that are not deferred
    // (e.g. a trial box fee); the deferred balance is the app's to collect.
    const deferredValue = order.lines
      .filter((l) => isDeferredPlan(planById(shop, l.sellingPlanId)))
      .reduce((sum, l) => sum + l.price * l.quantity, 0);
    // (A card-on-file order with no plan line at all stays wholly deferred, e.g. a draft order.)
    const dueNow =
      paymentMethod === "card_on_file" && deferredValue > 0
        ? currentTotal(order) - deferredValue
        : 0;
    if (dueNow > 0)
      order.transactions.push({
        ...this.store.gid("OrderTransaction"),
        kind: "SALE",
        status: "SUCCESS",
        amount: dueNow,
        parentId: null,
        createdAt: now,
        authorizationExpiresAt: null,
        errorCode: null,
        paymentReferenceId: null,
      });
    if (paymentMethod !== "card_on_file") {
      const amount = currentTotal(order);
      order.transactions.push({
        ...this.store.gid("OrderTransaction"),
        kind: input.checkout === "authorize" ? "AUTHORIZATION" : "SALE",
        status: "SUCCESS",
        amount,
        parentId: null,
        createdAt: now,
        authorizationExpiresAt:
          input.checkout === "authorize"
            ? new Date(this.store.clock() + 7 * 86_400_000).toISOString()
            : null,
        errorCode: null,
        paymentReferenceId: null,
      });
    }
    this.emitOrder(shop, order, "orders/create", input.webhookMode);
    if (order.financialStatus === "paid")
      this.emitOrder(shop, order, "orders/paid", input.webhookMode);
    return order;
  }

  markPaid(domain: string, orderId: string, mode?: DeliveryMode): SandboxOrder {
    const shop = this.store.shop(domain);
    const order = this.store.order(domain, orderId);
    const due = outstanding(order);
    if (due <= 0) throw new SandboxError(422, "order: nothing is outstanding");
    order.transactions.push({
      ...this.store.gid("OrderTransaction"),
      kind: "SALE",
      status: "SUCCESS",
      amount: due,
      parentId: null,
      createdAt: this.store.now(),
      authorizationExpiresAt: null,
      errorCode: null,
      paymentReferenceId: null,
    });
    order.financialStatus = financialStatus(order, this.store.clock());
    this.touch(order);
    this.store.record({
      shop: domain,
      kind: "manual-payment",
      orderGid: order.id,
      amount: { amount: (due / 100).toFixed(2), currencyCode: order.currency },
      details: { by: "merchant" },
    });
    this.emitOrder(shop, order, "orders/paid", mode);
    this.emitOrder(shop, order, "orders/updated", mode);
    return order;
  }

  /** A discount code entered at checkout, with Shopify's usage rules. */
  private applyDiscount(shop: SandboxShop, order: SandboxOrder, code: string) {
    const discount = shop.discountCodes.find((d) => d.code.toLowerCase() === code.toLowerCase());
    if (
      !discount &&
      shop.appDiscounts.some((d) =>
        d.codes.some((c) => c.code.toLowerCase() === code.toLowerCase()),
      )
    )
      throw new SandboxError(
        422,
        `discountCode: "${code}" is an app discount's: only checkout() runs its Function`,
      );
    if (!discount) throw new SandboxError(422, `discountCode: "${code}" is not a valid code`);
    if (discount.usageLimit !== null && discount.usedBy.length >= discount.usageLimit)
      throw new SandboxError(422, `discountCode: "${code}" has reached its usage limit`);
    if (
      discount.customerIds &&
      (!order.customerId || !discount.customerIds.includes(order.customerId))
    )
      throw new SandboxError(422, `discountCode: "${code}" is not available to this customer`);
    if (
      discount.appliesOncePerCustomer &&
      order.customerId &&
      discount.usedBy.includes(order.customerId)
    )
      throw new SandboxError(422, `discountCode: "${code}" was already used by this customer`);
    const subtotal = order.lines.reduce((sum, l) => sum + l.price * l.quantity, 0);
    const off =
      discount.amountOff !== null
        ? Math.min(discount.amountOff, subtotal)
        : Math.round((subtotal * (discount.percentOff ?? 0)) / 100);
    allocateDiscount(order, discount.code, off);
    discount.usedBy.push(order.customerId ?? order.id);
  }

  /** The merchant captures what the checkout authorized ("Capture payment" in the admin). */
  captureCheckoutAuthorization(domain: string, orderId: string) {
    const shop = this.store.shop(domain);
    const order = this.store.order(domain, orderId);
    const auth = order.transactions.find(
      (t) => t.kind === "AUTHORIZATION" && capturable(order, t, this.store.clock()) > 0,
    );
    if (!auth) throw new SandboxError(422, "order: no authorization left to capture");
    const capture = new Payments(this.store).capture(shop, order, {
      parentTransactionId: auth.id,
      amount: capturable(order, auth, this.store.clock()),
      finalCapture: true,
    });
    return capture;
  }

  fulfil(domain: string, orderId: string, lineItemIds?: string[], mode?: DeliveryMode) {
    const shop = this.store.shop(domain);
    const order = this.store.order(domain, orderId);
    if (order.cancelledAt)
      throw new SandboxError(422, "order: cancelled orders cannot be fulfilled");
    const done = new Set(
      order.fulfillments.filter((f) => f.status === "success").flatMap((f) => f.lineItemIds),
    );
    const live = order.lines.filter((l) => !l.removedByEdit && !done.has(l.id));
    const foOf = (lineId: string) =>
      order.fulfillmentOrders.find((fo) => fo.lineItemIds.includes(lineId));
    const ready = (lineId: string) => foOf(lineId)?.status === "OPEN";
    // Without a list, everything ready to ship; a line asked for by id must be ready.
    const ids = lineItemIds?.length
      ? lineItemIds.filter((id) => live.some((l) => l.id === id))
      : live.map((l) => l.id).filter(ready);
    const blocked =
      ids.map(foOf).find((fo) => fo && fo.status !== "OPEN") ??
      (ids.length === 0 ? live.map((l) => foOf(l.id)).find(Boolean) : undefined);
    if (blocked)
      throw new SandboxError(
        422,
        blocked.status === "ON_HOLD"
          ? `order: the fulfillment order is on hold (${blocked.holds.map((h) => h.reason).join(", ")})`
          : `order: the fulfillment order is ${blocked.status.toLowerCase()}${blocked.fulfillAt ? ` until ${blocked.fulfillAt}` : ""}`,
      );
    if (ids.length === 0) throw new SandboxError(422, "lineItemIds: nothing left to fulfil");
    const now = this.store.now();
    const fulfillment = {
      ...this.store.gid("Fulfillment"),
      status: "success" as const,
      shipmentStatus: "confirmed",
      trackingNumber: `1Z${this.store.id().slice(-12)}`,
      lineItemIds: ids,
      createdAt: now,
      updatedAt: now,
      deliveredAt: null,
      fulfillmentLineItems: ids.map((lineItemId) => ({
        id: this.store.gid("FulfillmentLineItem").id,
        lineItemId,
        quantity: order.lines.find((l) => l.id === lineItemId)?.quantity ?? 1,
      })),
    };
    order.fulfillments.push(fulfillment);
    const fulfilled = new Set([...done, ...ids]);
    for (const fo of order.fulfillmentOrders)
      if (fo.lineItemIds.every((id) => fulfilled.has(id))) fo.status = "CLOSED";
    order.fulfillmentStatus = order.lines.every((l) => l.removedByEdit || fulfilled.has(l.id))
      ? "fulfilled"
      : "partial";
    this.touch(order);
    this.outbox.emit(domain, "fulfillments/create", fulfillmentPayload(order, fulfillment), mode);
    this.emitOrder(shop, order, "orders/updated", mode);
    return fulfillment;
  }

  /** A carrier scan: in_transit, out_for_delivery, delivered, failure… */
  carrierEvent(
    domain: string,
    orderId: string,
    status: string,
    fulfillmentId?: string,
    mode?: DeliveryMode,
  ) {
    const order = this.store.order(domain, orderId);
    const fulfillment = fulfillmentId
      ? order.fulfillments.find((f) => f.id === fulfillmentId || f.legacyId === fulfillmentId)
      : order.fulfillments.at(-1);
    if (!fulfillment)
      throw new SandboxError(422, "fulfillmentId: the order has no such fulfillment");
    const now = this.store.now();
    fulfillment.shipmentStatus = status;
    fulfillment.updatedAt = now;
    if (status === "delivered") fulfillment.deliveredAt = now;
    const event = this.store.gid("FulfillmentEvent");
    this.outbox.emit(
      domain,
      "fulfillment_events/create",
      {
        id: BigInt(event.legacyId),
        admin_graphql_api_id: event.id,
        fulfillment_id: BigInt(fulfillment.legacyId),
        order_id: BigInt(order.legacyId),
        status,
        message: `Carrier scan: ${status}`,
        happened_at: now,
        created_at: now,
        updated_at: now,
        country: order.shippingCountry,
        estimated_delivery_at: null,
      },
      mode,
    );
    this.outbox.emit(domain, "fulfillments/update", fulfillmentPayload(order, fulfillment), mode);
    return fulfillment;
  }

  /**
   * A return, optionally with exchange items: each becomes a new line of the order on the same
   * purchase option as the line it replaces (returns-control.ts).
   */
  requestReturn(
    domain: string,
    orderId: string,
    lineItemIds?: string[],
    mode?: DeliveryMode,
    exchange: LineInput[] = [],
  ) {
    return controlRequestReturn(
      this.store,
      this.outbox,
      domain,
      orderId,
      lineItemIds,
      mode,
      exchange,
    );
  }

  /** The merchant's steps on a return: approve, decline, process (items received), close… */
  returnStep(
    domain: string,
    orderId: string,
    step: ControlStep,
    returnId?: string,
    mode?: DeliveryMode,
    decline?: { reason?: unknown; note?: unknown },
  ) {
    return controlReturnStep(
      this.store,
      this.outbox,
      domain,
      orderId,
      step,
      returnId,
      mode,
      decline,
    );
  }

  /** A merchant refund of lines: money back for what was paid, the lines leave the order. */
  refund(
    domain: string,
    orderId: string,
    lineItemIds?: string[],
    mode?: DeliveryMode,
    to: "original" | "store_credit" = "original",
  ) {
    return controlRefund(this.store, this.outbox, domain, orderId, lineItemIds, mode, to);
  }

  cancel(domain: string, orderId: string, mode?: DeliveryMode): SandboxOrder {
    const shop = this.store.shop(domain);
    const order = this.store.order(domain, orderId);
    order.cancelledAt = this.store.now();
    this.touch(order);
    this.emitOrder(shop, order, "orders/cancelled", mode);
    return order;
  }
}

import { LeakyBucket, PLUS_PLAN, STANDARD_PLAN, type BucketConfig } from "./admin/bucket";
import type { SandboxReturn } from "./return-model";
import type { SandboxGiftCard, SandboxStoreCreditAccount } from "./store-credit";
import type { CarrierLabel } from "./carrier";

// The sandbox's state: shops with their catalogue, customers and orders, what the app wrote to
// them, the webhooks they sent, and the ledger of every effect the app caused, in order.

export interface LedgerEntry {
  seq: number;
  at: string;
  shop: string;
  kind: string;
  orderGid?: string | null;
  amount?: { amount: string; currencyCode: string } | null;
  idempotencyKey?: string | null;
  details: Record<string, unknown>;
}

export interface SandboxMetafield {
  id: string;
  ownerId: string;
  namespace: string;
  key: string;
  type: string;
  value: string;
  compareDigest: string;
  updatedAt: string;
}

export interface SandboxVariant {
  id: string;
  legacyId: string;
  title: string;
  sku: string;
  price: number;
  size: string;
  width: string;
  inventoryQuantity: number;
  /** Shopify's "continue selling when out of stock" (CONTINUE) or not (DENY, the default). */
  inventoryPolicy?: "DENY" | "CONTINUE";
  /** A price above `price` shown struck through: the variant is on sale. */
  compareAtPrice?: number | null;
  /** Options other than Size / Width (a gift card's Denomination). */
  selectedOptions?: { name: string; value: string }[];
}

export interface SandboxProduct {
  id: string;
  legacyId: string;
  handle: string;
  title: string;
  productType: string;
  tags: string[];
  description: string;
  variants: SandboxVariant[];
  isGiftCard?: boolean;
}

export interface SandboxCustomer {
  id: string;
  legacyId: string;
  email: string;
  firstName: string;
  lastName: string;
  country: string;
  confirmedSize: string | null;
}

export interface SandboxLineItem {
  id: string;
  legacyId: string;
  productId: string;
  variantId: string;
  title: string;
  variantTitle: string;
  sku: string;
  quantity: number;
  price: number;
  sellingPlanId: string | null;
  /** Taken off the order by an order edit (its current quantity is 0). */
  removedByEdit?: boolean;
  /** The order's discount code's share of this line (minor units, whole quantity). */
  discountAllocated?: number;
  /** A line-level discount (an exchange line's applied discount), whole quantity. */
  lineDiscount?: number;
  lineDiscountDescription?: string | null;
  isGiftCard?: boolean;
  properties?: Record<string, string>;
}

export interface SandboxFulfillment {
  id: string;
  legacyId: string;
  status: "success" | "cancelled";
  shipmentStatus: string | null;
  trackingNumber: string;
  lineItemIds: string[];
  createdAt: string;
  updatedAt: string;
  deliveredAt: string | null;
  /** One per shipped line: what a return names (`fulfillmentLineItemId`). */
  fulfillmentLineItems: { id: string; lineItemId: string; quantity: number }[];
}

export type { SandboxReturn } from "./return-model";

export interface SandboxRefundLine {
  lineItemId: string;
  quantity: number;
  /** What the returned units were worth after discounts (minor units). */
  subtotal: number;
  restockType: "RETURN" | "NO_RESTOCK" | "CANCEL";
}

export interface SandboxRefund {
  id: string;
  legacyId: string;
  /** Lines (whole lines unless `lines` says how many units) taken off the order. */
  lineItemIds: string[];
  /** Money back to the card. */
  amount: number;
  createdAt: string;
  lines?: SandboxRefundLine[];
  /** Refunded to the customer's store credit account. */
  storeCredit?: number;
  returnId?: string | null;
  transactionIds?: string[];
  note?: string | null;
}

export interface SandboxTransaction {
  id: string;
  legacyId: string;
  kind: "AUTHORIZATION" | "CAPTURE" | "SALE" | "VOID" | "REFUND";
  status: "SUCCESS" | "FAILURE" | "PENDING";
  amount: number;
  parentId: string | null;
  /** shopify_payments unless said (a store credit refund is shopify_store_credit). */
  gateway?: string;
  createdAt: string;
  /** Shopify Payments authorizations lapse after 7 days. */
  authorizationExpiresAt: string | null;
  errorCode: string | null;
  paymentReferenceId: string | null;
}

/** One orderCreateMandatePayment, remembered under its idempotency key. */
export interface SandboxMandatePayment {
  idempotencyKey: string;
  paymentReferenceId: string;
  transactionId: string;
  autoCapture: boolean;
  amount: number;
}

export interface SellingPlanSeed {
  id: string;
  name: string;
  category: string;
  options: string[];
  billingPolicy: unknown;
  deliveryPolicy: unknown;
  inventoryPolicy: unknown;
  metafields: { namespace: string; key: string; value: string; type: string }[];
}

export interface SandboxSellingPlanGroup {
  id: string;
  name: string;
  merchantCode: string;
  appId: string | null;
  options: string[];
  plans: SellingPlanSeed[];
  productIds: string[];
  productVariantIds: string[];
}

export interface SandboxDiscountCode {
  id: string;
  code: string;
  title: string;
  /** Fixed amount off the order (minor units) or a percentage. */
  amountOff: number | null;
  percentOff: number | null;
  usageLimit: number | null;
  appliesOncePerCustomer: boolean;
  customerIds: string[] | null;
  usedBy: string[];
}

/**
 * An app discount backed by one of the app's discount Functions: a code discount (its redeem
 * codes added in bulk, asynchronously) or an automatic one. Checkout runs the Function.
 */
export interface SandboxCard {
  bin: string;
  last4: string;
  expirationMonth: number;
  expirationYear: number;
  name: string;
  company: string;
}

export interface SandboxAppDiscount {
  id: string;
  kind: "code" | "automatic";
  title: string;
  functionHandle: string;
  discountClasses: string[];
  combinesWith: { orderDiscounts: boolean; productDiscounts: boolean; shippingDiscounts: boolean };
  appliesOncePerCustomer: boolean;
  startsAt: string;
  endsAt: string | null;
  metafields: { namespace: string; key: string; type: string; value: string }[];
  codes: { id: string; code: string; usedBy: string[] }[];
  bulkCreations: {
    id: string;
    createdAt: string;
    codes: { code: string; error: string | null }[];
    /** The codes are added on the next Admin call (Shopify does it in the background). */
    done: boolean;
  }[];
}

/** A cart and checkout validation: a Function run at checkout, configured by metafields. */
export interface SandboxValidation {
  id: string;
  functionHandle: string;
  title: string;
  enabled: boolean;
  blockOnFailure: boolean;
  metafields: { namespace: string; key: string; type: string; value: string }[];
}

export interface SandboxFulfillmentHold {
  id: string;
  reason: string;
  reasonNotes: string | null;
  handle: string | null;
}

/**
 * Shopify's unit of fulfilment work. Pre-order lines get their own (SCHEDULED) one; lines added
 * by an order edit get a new one.
 */
export interface SandboxFulfillmentOrder {
  id: string;
  status: "OPEN" | "ON_HOLD" | "SCHEDULED" | "CLOSED" | "CANCELLED";
  fulfillAt: string | null;
  /** A scheduled order put on hold goes back to SCHEDULED when its holds are released. */
  scheduled: boolean;
  holds: SandboxFulfillmentHold[];
  lineItemIds: string[];
}

export interface SandboxOrder {
  id: string;
  legacyId: string;
  name: string;
  shop: string;
  customerId: string | null;
  email: string | null;
  currency: string;
  lines: SandboxLineItem[];
  shippingCountry: string;
  /** The street address shipped to, when the checkout gave one (referral fraud checks read it). */
  shippingAddress?: {
    address1: string;
    address2: string | null;
    city: string;
    zip: string;
  } | null;
  /** Where the buyer's visit started (REST landing_site), e.g. a referral link's "/?ref=…". */
  landingSite?: string | null;
  /** Cart attributes carried onto the order (REST note_attributes, GraphQL customAttributes). */
  customAttributes?: { key: string; value: string }[];
  paymentMethod: "card" | "card_on_file" | "paypal";
  /** The card paid with (none for PayPal): transactions' CardPaymentDetails. */
  card?: SandboxCard | null;
  mandateId: string | null;
  financialStatus:
    | "pending"
    | "authorized"
    | "partially_paid"
    | "paid"
    | "partially_refunded"
    | "refunded"
    | "voided";
  fulfillmentStatus: "unfulfilled" | "partial" | "fulfilled";
  sourceName: string;
  cancelledAt: string | null;
  createdAt: string;
  updatedAt: string;
  fulfillments: SandboxFulfillment[];
  returns: SandboxReturn[];
  refunds: SandboxRefund[];
  discountCode: string | null;
  discountMinor: number;
  /** The app discount (a Function's) behind discountCode, with the message it gave. */
  appDiscount?: { id: string; title: string; message: string | null } | null;
  fulfillmentOrders: SandboxFulfillmentOrder[];
  /** Deferred purchase orders: Shopify's payment terms with one schedule (the due date). */
  paymentSchedule: {
    id: string;
    termsId: string;
    dueAt: string;
    completedAt: string | null;
  } | null;
  transactions: SandboxTransaction[];
  mandatePayments: SandboxMandatePayment[];
  /** Return fees the merchant kept when a return was processed (restocking, return shipping). */
  returnFees?: { returnId: string; type: "RESTOCKING" | "RETURN_SHIPPING"; amount: number }[];
}

export interface SandboxShop {
  domain: string;
  name: string;
  currencyCode: string;
  ianaTimezone: string;
  plus: boolean;
  appInstallationId: string;
  accessTokens: Set<string>;
  metafields: Map<string, SandboxMetafield>;
  bucket: LeakyBucket;
  products: SandboxProduct[];
  customers: SandboxCustomer[];
  orders: SandboxOrder[];
  sellingPlanGroups: SandboxSellingPlanGroup[];
  validations: SandboxValidation[];
  discountCodes: SandboxDiscountCode[];
  appDiscounts: SandboxAppDiscount[];
  /** Store credit balance per customer gid, in minor units of the shop's currency. */
  storeCredit: Map<string, number>;
  /** The accounts behind those balances, with their transactions (store-credit.ts). */
  storeCreditAccounts: SandboxStoreCreditAccount[];
  giftCards: SandboxGiftCard[];
  /** Store credit is spendable only with new customer accounts (gift card fallback otherwise). */
  customerAccountsVersion: "NEW_CUSTOMER_ACCOUNTS" | "CLASSIC";
  /** Delivery mode for webhooks the app's Admin calls cause (control routes take their own). */
  webhookMode: "normal" | "duplicate" | "hold";
  /** Labels bought from the carrier stand-in (carrier.ts). */
  carrierLabels: CarrierLabel[];
  faults: SandboxFaults;
}

export interface SandboxFaults {
  failNextAdminCalls: number;
  serverErrors: number;
  /** The next N authorizations (mandate payments with autoCapture: false) are declined. */
  failAuthorizations: number;
  /** The next N charges and captures are declined. */
  failCharges: number;
  /** The next N Admin calls take effect but answer 504, as if the response was lost. */
  lostResponses: number;
}

export type Emit = (
  shop: string,
  topic: string,
  payload: Record<string, unknown>,
  mode?: "normal" | "duplicate" | "hold",
) => void;

export class SandboxStore {
  shops = new Map<string, SandboxShop>();
  ledger: LedgerEntry[] = [];
  clockOffsetMs = 0;
  private nextId = 1000;
  private orderNumber = 1000;
  clock: () => number = () => Date.now() + this.clockOffsetMs;
  /** Webhooks caused by Admin calls (a capture makes the order paid…); set by the server. */
  emit: Emit = () => undefined;

  /** Numeric ids above 2^53 on purpose, like Shopify's: the app must key on gid strings. */
  id(): string {
    this.nextId += 1;
    return (10_000_000_000_000_000n + BigInt(this.nextId)).toString();
  }

  gid(type: string): { id: string; legacyId: string } {
    const legacyId = this.id();
    return { id: `gid://shopify/${type}/${legacyId}`, legacyId };
  }

  nextOrderName(): string {
    this.orderNumber += 1;
    return `#${this.orderNumber}`;
  }

  now(): string {
    return new Date(this.clock()).toISOString();
  }

  addShop(
    domain: string,
    options: Partial<Pick<SandboxShop, "currencyCode" | "ianaTimezone" | "plus" | "name">> = {},
  ): SandboxShop {
    const plus = options.plus ?? false;
    const shop: SandboxShop = {
      domain,
      name: options.name ?? domain.replace(".myshopify.com", ""),
      currencyCode: options.currencyCode ?? "USD",
      ianaTimezone: options.ianaTimezone ?? "America/New_York",
      plus,
      appInstallationId: this.gid("AppInstallation").id,
      accessTokens: new Set(),
      metafields: new Map(),
      bucket: new LeakyBucket(plus ? PLUS_PLAN : STANDARD_PLAN, () => Date.now()),
      products: [],
      customers: [],
      orders: [],
      sellingPlanGroups: [],
      validations: [],
      discountCodes: [],
      appDiscounts: [],
      storeCredit: new Map(),
      storeCreditAccounts: [],
      giftCards: [],
      customerAccountsVersion: "NEW_CUSTOMER_ACCOUNTS",
      webhookMode: "normal",
      carrierLabels: [],
      faults: {
        failNextAdminCalls: 0,
        serverErrors: 0,
        failAuthorizations: 0,
        failCharges: 0,
        lostResponses: 0,
      },
    };
    this.shops.set(domain, shop);
    return shop;
  }

  shop(domain: string): SandboxShop {
    const shop = this.shops.get(domain);
    if (!shop) throw new SandboxError(404, `sandbox has no shop ${domain}`);
    return shop;
  }

  setPlan(domain: string, plan: "standard" | "plus", bucket?: Partial<BucketConfig>): void {
    const shop = this.shop(domain);
    shop.plus = plan === "plus";
    shop.bucket = new LeakyBucket({ ...(shop.plus ? PLUS_PLAN : STANDARD_PLAN), ...bucket }, () =>
      Date.now(),
    );
  }

  order(domain: string, orderId: string): SandboxOrder {
    const order = this.shop(domain).orders.find(
      (o) => o.id === orderId || o.legacyId === orderId || o.name === orderId,
    );
    if (!order) throw new SandboxError(404, `no order ${orderId} in ${domain}`);
    return order;
  }

  record(entry: Omit<LedgerEntry, "seq" | "at">): LedgerEntry {
    const full = { ...entry, seq: this.ledger.length + 1, at: this.now() };
    this.ledger.push(full);
    return full;
  }

  /** Time only moves forward, even across resets: the app has already seen the later time. */
  reset(): void {
    this.shops.clear();
    this.ledger.length = 0;
  }
}

/** An error the control API answers with its status and message. */
export class SandboxError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

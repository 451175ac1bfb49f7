import { parseMoneyInput } from "./money";

// Shopify's REST-shaped order webhooks (orders/*, returns/*), as far as the policies read them.
// Every policy sees the same types; ids are taken from `admin_graphql_api_id` strings, never from
// numeric REST ids (they exceed 2^53).

/** A line of a REST order payload (orders/*, a return's exchange items). */
export interface OrderLinePayload {
  admin_graphql_api_id?: string;
  product_id?: unknown;
  variant_id?: unknown;
  title?: string;
  variant_title?: string | null;
  quantity?: number;
  price?: string;
  selling_plan_allocation?: { selling_plan_id?: unknown } | null;
  discount_allocations?: { amount?: string }[];
  properties?: { name?: string; value?: unknown }[] | null;
  gift_card?: boolean;
}

/** The selling plan a REST line was bought on (the purchase option), as a GraphQL id. */
export function lineSellingPlanGid(line: OrderLinePayload): string | null {
  const id = line.selling_plan_allocation?.selling_plan_id;
  return id === undefined || id === null ? null : `gid://shopify/SellingPlan/${String(id)}`;
}

/** A line as the policies store it: ids, titles, quantity, unit price in minor units. */
export function orderLineOf(line: OrderLinePayload, currency: string) {
  const price = parseMoneyInput(line.price ?? "0", currency);
  return {
    lineItemGid: line.admin_graphql_api_id as string,
    productGid: line.product_id ? `gid://shopify/Product/${String(line.product_id)}` : null,
    variantGid: line.variant_id ? `gid://shopify/ProductVariant/${String(line.variant_id)}` : null,
    title: line.title ?? null,
    variantTitle: line.variant_title ?? null,
    quantity: line.quantity ?? 1,
    unitPriceMinor: price.ok ? price.amount : 0,
  };
}

export interface OrderPayload {
  admin_graphql_api_id?: string;
  name?: string;
  email?: string | null;
  contact_email?: string | null;
  currency?: string;
  total_price?: string;
  total_outstanding?: string;
  financial_status?: string | null;
  fulfillment_status?: string | null;
  source_name?: string | null;
  cancelled_at?: string | null;
  processed_at?: string | null;
  created_at?: string | null;
  updated_at?: string | null;
  customer?: {
    admin_graphql_api_id?: string;
    first_name?: string | null;
    last_name?: string | null;
    email?: string | null;
  } | null;
  shipping_address?: {
    address1?: string | null;
    address2?: string | null;
    city?: string | null;
    zip?: string | null;
    country_code?: string | null;
  } | null;
  line_items?: OrderLinePayload[];
  discount_codes?: { code?: string; amount?: string; type?: string }[];
  note_attributes?: { name?: string; value?: unknown }[];
  /** Where the buyer's visit started, with its query (a referral link's ?ref=<code>). */
  landing_site?: string | null;
}

/** The order's customer as a display name ("Olivia Smith"), or null for a guest without one. */
export function customerNameOf(order: Pick<OrderPayload, "customer">): string | null {
  return [order.customer?.first_name, order.customer?.last_name].filter(Boolean).join(" ") || null;
}

/** return_line_items[].fulfillment_line_item.line_item of a returns/* payload. */
export function returnedLineGids(returnLineItems: unknown[] | undefined): string[] {
  return (returnLineItems ?? []).flatMap((item) => {
    const line = (
      item as { fulfillment_line_item?: { line_item?: { admin_graphql_api_id?: string } } }
    ).fulfillment_line_item?.line_item?.admin_graphql_api_id;
    return line ? [line] : [];
  });
}

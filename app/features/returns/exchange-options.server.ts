import type { ReturnOrderLine } from "@prisma/client";
import { addBusinessDays, addCalendarDays, localDate, rangesOverlap } from "~/domain/calendar";
import { parseMoneyInput } from "~/domain/money";
import { adminRequest, type AdminGraphql } from "~/platform/admin/client.server";
import { now } from "~/platform/clock.server";
import { getCurrentPolicy } from "~/services/policy.server";
import { RETURNS_EXCHANGE_VARIANTS_QUERY } from "./order-graphql";

// What an exchange can become: the same product's other sizes and widths with live stock. A
// sold-out size of a made-to-order product (tagged as the made-to-order policy says, with the
// policy on) is offered made to order with the date it would ship: the size is known, so
// production starts today and takes the policy's lead time (longer in a seasonal override), then
// ships on the shop's next business day — the same rule as the product page's promise.

export interface ExchangeChoice {
  variantGid: string;
  title: string;
  priceMinor: number;
  inStock: boolean;
  /** The made-to-order ship date (YYYY-MM-DD) of a sold-out size, when made to order. */
  madeToOrderShipDate: string | null;
  available: boolean;
}

type Policy = Awaited<ReturnType<typeof getCurrentPolicy>>["document"];

export function madeToOrderShipDate(doc: Policy, today: string): string {
  const mto = doc.madeToOrder;
  const plainEnd = addCalendarDays(today, mto.leadDays);
  const override = mto.seasonalOverrides.find((o) =>
    rangesOverlap({ start: today, end: plainEnd }, o),
  );
  const done = addCalendarDays(today, mto.leadDays + (override?.extraDays ?? 0));
  return addBusinessDays(done, 0, {
    businessDays: doc.shipping.businessDays as Parameters<
      typeof addBusinessDays
    >[2]["businessDays"],
    holidays: doc.shipping.holidays.map((h) => h.date),
  });
}

export function isMadeToOrderProduct(doc: Policy, productTags: readonly string[]): boolean {
  if (!doc.madeToOrder.enabled) return false;
  const own = new Set(productTags.map((t) => t.trim().toLowerCase()));
  return doc.madeToOrder.eligibleProductTags.some((t) => own.has(t.trim().toLowerCase()));
}

/** The other variants of the line's product a pair can be exchanged for. */
export async function exchangeChoices(
  shop: string,
  graphql: AdminGraphql,
  line: Pick<ReturnOrderLine, "productGid" | "variantGid" | "tags">,
): Promise<ExchangeChoice[]> {
  if (!line.productGid) return [];
  const [{ product }, policy] = await Promise.all([
    adminRequest(graphql, RETURNS_EXCHANGE_VARIANTS_QUERY, { id: line.productGid }),
    getCurrentPolicy(shop),
  ]);
  if (!product) return [];
  const doc = policy.document;
  const mto = isMadeToOrderProduct(doc, JSON.parse(line.tags) as string[]);
  const shipDate = mto ? madeToOrderShipDate(doc, localDate(now(), doc.shipping.timezone)) : null;
  return product.variants.nodes
    .filter((v) => v.id !== line.variantGid)
    .map((v) => {
      const price = parseMoneyInput(String(v.price), doc.currency);
      const inStock = v.availableForSale && (v.inventoryQuantity ?? 0) > 0;
      return {
        variantGid: v.id,
        title: v.title,
        priceMinor: price.ok ? price.amount : 0,
        inStock,
        madeToOrderShipDate: inStock ? null : shipDate,
        available: inStock || shipDate !== null,
      };
    });
}

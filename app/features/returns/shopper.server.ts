import prisma from "~/db.server";
import type { AdminGraphql } from "~/platform/admin/client.server";
import { labelsAvailable } from "./labels.server";
import {
  caseFacts,
  decisionFor,
  termsOf,
  unitsInOtherReturns,
  type SnapshotOrder,
} from "./case.server";
import type { ReturnOutcome } from "./domain/eligibility";
import { returnStatus } from "./domain/next-action";
import { exchangeChoices, type ExchangeChoice } from "./exchange-options.server";
import {
  openReturnCase,
  previewReturn,
  ReturnRequestError,
  type ReturnLineRequest,
} from "./open.server";
import { mayAccess, type ShopperAccess } from "./portal-access.server";

// The shopper's side of returns, for both front ends: the app-proxy portal (guests and classic
// accounts) and the customer-account order action (new customer accounts). One backend: the same
// order list, the same per-line answers, the same preview (the decision the case is opened with)
// and the same submit.

/** Where a line that the regular rules do not take goes instead. */
const ELSEWHERE: Partial<Record<string, "trial" | "fit">> = {
  trial_box: "trial",
  fitting_pair: "fit",
};

export interface PortalLine {
  lineItemGid: string;
  title: string;
  variantTitle: string | null;
  /** Units the shopper can still ask about. */
  quantity: number;
  returnable: boolean;
  /** Why not (the app's code and the rule's sentence), when not. */
  declineCode: string | null;
  declineNote: string | null;
  /** Units not yet returned when the decline was about them. */
  remaining: number;
  offered: ReturnOutcome[];
  lastDay: string | null;
  /** Its own flow: the trial's keep/return page or the fit page. */
  elsewhere: "trial" | "fit" | null;
  exchange: ExchangeChoice[];
}

export interface PortalOrder {
  id: string;
  name: string;
  placedAt: string;
  currency: string;
  handlingFee: number;
  marketplace: { label: string; instructions: string } | null;
  international: boolean;
  hsCode: string | null;
  lines: PortalLine[];
  cases: { id: string; requestedAt: string; status: string }[];
}

export class ShopperAccessError extends Error {
  constructor() {
    super("This order is not available.");
    this.name = "ShopperAccessError";
  }
}

/** The signed-in customer's own orders, newest first. */
export async function customerOrders(shop: string, customerGid: string) {
  const orders = await prisma.returnOrder.findMany({
    where: { shop, customerGid },
    orderBy: { placedAt: "desc" },
    take: 20,
    select: { id: true, orderName: true, placedAt: true },
  });
  return orders.map((o) => ({ id: o.id, name: o.orderName, placedAt: o.placedAt.toISOString() }));
}

async function accessibleOrder(shop: string, orderId: string, access: ShopperAccess) {
  const order = await prisma.returnOrder.findFirst({
    where: { id: orderId, shop },
    include: { lines: true },
  });
  if (!order || !mayAccess(shop, order, access)) throw new ShopperAccessError();
  return order;
}

/** The order a customer account names by its Shopify id, if it is that customer's. */
export async function customerOrderByGid(shop: string, customerGid: string, orderGid: string) {
  const order = await prisma.returnOrder.findFirst({
    where: { shop, orderGid, customerGid },
    select: { id: true },
  });
  return order?.id ?? null;
}

/** Each line with whether and how it can come back, and why not. */
export async function shopperOrder(
  shop: string,
  orderId: string,
  access: ShopperAccess,
  graphql: AdminGraphql | null = null,
): Promise<PortalOrder> {
  const order = await accessibleOrder(shop, orderId, access);
  return orderView(shop, order, graphql);
}

async function orderView(
  shop: string,
  order: SnapshotOrder,
  graphql: AdminGraphql | null,
): Promise<PortalOrder> {
  const used = await unitsInOtherReturns(order.id, null);
  // One pair of each line, asked for as a refund: the rules answer what it may become.
  const decision = await decisionFor(
    order,
    order.lines.map((l) => ({
      lineItemGid: l.lineItemGid,
      quantity: 1,
      outcome: "refund" as const,
      condition: "unknown" as const,
    })),
    null,
  );
  const cases = await prisma.returnCase.findMany({
    where: { orderId: order.id, shop },
    orderBy: { requestedAt: "desc" },
    include: { lines: true, order: { include: { lines: true } } },
  });
  const lines = await Promise.all(
    order.lines.map(async (line, i): Promise<PortalLine> => {
      const item = decision.items[i];
      const decline = item?.decline ?? null;
      const remaining = Math.max(0, line.quantity - (used[line.lineItemGid] ?? 0));
      const offered = (item?.offered ?? []).filter((o): o is ReturnOutcome => o !== "send_back");
      const returnable = !decline && remaining > 0 && !decision.marketplace;
      return {
        lineItemGid: line.lineItemGid,
        title: line.title,
        variantTitle: line.variantTitle,
        quantity: remaining,
        returnable,
        declineCode: decline?.code ?? null,
        declineNote: decline?.note ?? null,
        remaining,
        offered: returnable ? offered : [],
        lastDay: item?.lastDay ?? null,
        elsewhere: (decline && ELSEWHERE[decline.code]) ?? null,
        exchange:
          returnable && offered.includes("exchange") && graphql
            ? // Sizes that cannot be loaded now leave the exchange without choices, not the page.
              await exchangeChoices(shop, graphql, line).catch(() => [])
            : [],
      };
    }),
  );
  return {
    id: order.id,
    name: order.orderName,
    placedAt: order.placedAt.toISOString(),
    currency: order.currencyCode,
    handlingFee: termsOf(order).handlingFee,
    marketplace: decision.marketplace,
    international: decision.shipping.paidBy === "shopper",
    hsCode: decision.shipping.hsCode,
    lines,
    cases: cases.map((c) => ({
      id: c.id,
      requestedAt: c.requestedAt.toISOString(),
      status: returnStatus(caseFacts(c, labelsAvailable())),
    })),
  };
}

/** What the shopper asks, before the exchange's size is resolved against the live variants. */
export type ShopperLineRequest = Omit<ReturnLineRequest, "exchange"> & {
  exchangeVariantGid?: string | null;
};

/** Fills in each exchange's title and price from the product's live variants (never the form). */
async function resolveExchanges(
  shop: string,
  order: SnapshotOrder,
  lines: readonly ShopperLineRequest[],
  graphql: AdminGraphql | null,
): Promise<ReturnLineRequest[]> {
  return Promise.all(
    lines.map(async ({ exchangeVariantGid, ...line }, i) => {
      if (line.outcome !== "exchange") return { ...line, exchange: null };
      const field = `lines[${i}].exchange`;
      if (!exchangeVariantGid)
        throw new ReturnRequestError(field, "Choose the size to exchange for.");
      const orderLine = order.lines.find((l) => l.lineItemGid === line.lineItemGid);
      if (!orderLine || !graphql)
        throw new ReturnRequestError(field, "Sizes for an exchange cannot be loaded right now.");
      const choice = (await exchangeChoices(shop, graphql, orderLine)).find(
        (c) => c.variantGid === exchangeVariantGid,
      );
      if (!choice || !choice.available)
        throw new ReturnRequestError(field, "That size is not available: choose another.");
      return {
        ...line,
        exchange: {
          variantGid: choice.variantGid,
          title: choice.title,
          priceMinor: choice.priceMinor,
        },
      };
    }),
  );
}

/** The exact refund, credit and fees the shopper would get: the decision the case opens with. */
export async function previewShopperReturn(
  shop: string,
  orderId: string,
  access: ShopperAccess,
  lines: readonly ShopperLineRequest[],
  graphql: AdminGraphql | null = null,
) {
  const order = await accessibleOrder(shop, orderId, access);
  const requests = await resolveExchanges(shop, order, lines, graphql);
  return { decision: await previewReturn(shop, order.id, requests), requests };
}

export async function submitShopperReturn(
  shop: string,
  orderId: string,
  access: ShopperAccess,
  source: "portal" | "customer_account",
  lines: readonly ShopperLineRequest[],
  graphql: AdminGraphql | null = null,
) {
  const order = await accessibleOrder(shop, orderId, access);
  const requests = await resolveExchanges(shop, order, lines, graphql);
  return openReturnCase(shop, order.id, source, requests);
}

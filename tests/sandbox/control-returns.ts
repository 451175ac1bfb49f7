import { buyLabel, labelPdf } from "./carrier";
import { unprocessed, type SandboxReturn } from "./return-model";
import { scanReverseDelivery } from "./reverse-deliveries";
import type { Sandbox } from "./server";
import { SandboxError, type SandboxOrder, type SandboxShop } from "./store";
import { balanceOf } from "./store-credit";
import type { DeliveryMode } from "./webhooks";

// Control routes for returns, store credit and the carrier stand-in (README: Control API):
// the shopper's parcel (carrier scans on a reverse delivery), classic vs new customer accounts,
// the delivery mode of webhooks the app's Admin calls cause, labels from the carrier stand-in,
// and the state views GET /state and GET /returns/:id add.

type Json = Record<string, unknown>;
const money = (minor: number) => (minor / 100).toFixed(2);

export function returnView(order: SandboxOrder, ret: SandboxReturn) {
  return {
    id: ret.id,
    name: ret.name,
    orderId: order.id,
    status: ret.status,
    createdAt: ret.createdAt,
    closedAt: ret.closedAt,
    decline: ret.decline,
    lineItemIds: ret.lineItemIds,
    lines: ret.lines.map((l) => ({
      id: l.id,
      lineItemId: l.lineItemId,
      fulfillmentLineItemId: l.fulfillmentLineItemId,
      quantity: l.quantity,
      processed: l.processedQuantity,
      unprocessed: unprocessed(l),
      reason: l.returnReason,
      restockingFeePercentage: l.restockingFee?.percentage ?? null,
    })),
    exchanges: ret.exchanges.map((e) => ({
      id: e.id,
      variantId: e.variantId,
      title: `${e.title} ${e.variantTitle}`,
      quantity: e.quantity,
      released: e.processedQuantity,
      lineItemIds: e.lineItemIds,
    })),
    returnShippingFee: ret.returnShippingFee ? money(ret.returnShippingFee.amount) : null,
    reverseFulfillmentOrders: ret.reverseFulfillmentOrders.map((rfo) => ({
      id: rfo.id,
      status: rfo.status,
      lines: rfo.lines.map((l) => ({
        id: l.id,
        totalQuantity: l.totalQuantity,
        dispositions: l.dispositions.map((d) => ({ type: d.type, quantity: d.quantity })),
      })),
      reverseDeliveries: rfo.deliveries.map((d) => ({
        id: d.id,
        tracking: d.tracking,
        labelUrl: d.label?.fileUrl ?? null,
        scans: d.scans,
        deliveredAt: d.deliveredAt,
      })),
    })),
    refundIds: ret.refundIds,
  };
}

/** What GET /state adds for returns, store credit, gift cards and the carrier stand-in. */
export function returnsState(shop: SandboxShop) {
  return {
    customerAccountsVersion: shop.customerAccountsVersion,
    webhookMode: shop.webhookMode,
    returns: shop.orders.flatMap((o) => o.returns.map((r) => returnView(o, r))),
    storeCreditAccounts: shop.storeCreditAccounts.map((a) => ({
      id: a.id,
      customerId: a.customerId,
      email: shop.customers.find((c) => c.id === a.customerId)?.email ?? null,
      currency: a.currency,
      balance: money(balanceOf(a)),
      transactions: a.transactions.map((t) => ({
        kind: t.kind,
        amount: money(t.amount),
        balanceAfter: money(t.balanceAfter),
        event: t.event,
        expiresAt: t.expiresAt,
        orderId: t.orderId,
        at: t.createdAt,
      })),
    })),
    giftCards: shop.giftCards.map((g) => ({
      id: g.id,
      lastCharacters: g.code.slice(-4),
      balance: money(g.balance),
      initialValue: money(g.initialValue),
      currency: g.currency,
      customerId: g.customerId,
      expiresOn: g.expiresOn,
    })),
    carrierLabels: shop.carrierLabels.map(({ scans, ...l }) => ({
      ...l,
      cost: money(l.cost),
      scans,
    })),
  };
}

const VERSIONS: Record<string, SandboxShop["customerAccountsVersion"]> = {
  new: "NEW_CUSTOMER_ACCOUNTS",
  classic: "CLASSIC",
  NEW_CUSTOMER_ACCOUNTS: "NEW_CUSTOMER_ACCOUNTS",
  CLASSIC: "CLASSIC",
};

/** Answers a returns control route, or null when the route is not one of these. */
export async function handleReturnsControl(
  sandbox: Sandbox,
  route: string,
  shopDomain: string,
  body: Json,
): Promise<Response | null> {
  const { store } = sandbox;
  if (route === "POST /customer-accounts") {
    const version = VERSIONS[String(body.version)];
    if (!version) throw new SandboxError(422, 'version: "new" or "classic"');
    store.shop(shopDomain).customerAccountsVersion = version;
    return Response.json({ shop: shopDomain, customerAccountsVersion: version });
  }
  if (route === "POST /webhooks/mode") {
    const mode = String(body.mode) as DeliveryMode;
    if (!["normal", "duplicate", "hold"].includes(mode))
      throw new SandboxError(422, 'mode: "normal", "duplicate" or "hold"');
    store.shop(shopDomain).webhookMode = mode;
    return Response.json({ shop: shopDomain, webhookMode: mode });
  }
  if (route === "POST /carrier/labels") {
    const shop = store.shop(shopDomain);
    const orderId = body.orderId === undefined ? null : String(body.orderId);
    const order = orderId ? store.order(shopDomain, orderId) : null;
    const toMerchant = body.direction !== "outbound";
    const customerCountry = order?.shippingCountry ?? String(body.customerCountry ?? "US");
    const label = buyLabel(store, shop, sandbox.config.publicUrl, {
      direction: toMerchant ? "return" : "outbound",
      orderId: order?.id ?? null,
      fromCountry: toMerchant ? customerCountry : "US",
      toCountry: toMerchant ? "US" : customerCountry,
    });
    return Response.json({ ...label, cost: money(label.cost) }, { status: 201 });
  }
  const pdf = /^GET \/carrier\/labels\/(\d+)\.pdf$/.exec(route);
  if (pdf) {
    // Label links carry no shop: look in every shop.
    const label = [...store.shops.values()]
      .flatMap((s) => s.carrierLabels)
      .find((l) => l.id === pdf[1]);
    if (!label) throw new SandboxError(404, `label: no label ${pdf[1]}`);
    return new Response(labelPdf(label), { headers: { "Content-Type": "application/pdf" } });
  }
  const tracking = /^GET \/carrier\/tracking\/([\w-]+)$/.exec(route);
  if (tracking) {
    const number = tracking[1] as string;
    const shop =
      [...store.shops.values()].find(
        (s) =>
          s.carrierLabels.some((l) => l.trackingNumber === number) ||
          s.orders.some((o) =>
            o.returns.some((r) =>
              r.reverseFulfillmentOrders.some((f) =>
                f.deliveries.some((d) => d.tracking?.number === number),
              ),
            ),
          ),
      ) ?? store.shop(shopDomain);
    const label = shop.carrierLabels.find((l) => l.trackingNumber === number);
    const delivery = shop.orders
      .flatMap((o) => o.returns)
      .flatMap((r) => r.reverseFulfillmentOrders)
      .flatMap((r) => r.deliveries)
      .find((d) => d.tracking?.number === number);
    if (!label && !delivery) throw new SandboxError(404, `trackingNumber: unknown ${number}`);
    const events = label?.scans ?? delivery?.scans ?? [];
    return Response.json({
      trackingNumber: number,
      carrier: label?.carrier ?? delivery?.tracking?.carrierName ?? null,
      status: events.at(-1)?.status ?? "pre_transit",
      events,
    });
  }
  const scan = /^POST \/reverse-deliveries\/([^/]+)\/scan$/.exec(route);
  if (scan) {
    const delivery = scanReverseDelivery(
      store.shop(shopDomain),
      store.now(),
      decodeURIComponent(scan[1] as string),
      String(body.status ?? "in_transit"),
    );
    return Response.json({
      id: delivery.id,
      scans: delivery.scans,
      deliveredAt: delivery.deliveredAt,
    });
  }
  const one = /^GET \/returns\/([^/]+)$/.exec(route);
  if (one) {
    const id = decodeURIComponent(one[1] as string);
    for (const order of store.shop(shopDomain).orders) {
      const ret = order.returns.find((r) => r.id === id || r.legacyId === id || r.name === id);
      if (ret) return Response.json(returnView(order, ret));
    }
    throw new SandboxError(404, `return: no return ${id}`);
  }
  return null;
}

import type { Sandbox } from "./server";
import { SandboxError } from "./store";
import { DEMO_SHOP, seedDemoStore } from "./seed";
import { mintSessionToken } from "./auth";
import type { DeliveryMode } from "./webhooks";
import { outstanding } from "./payments";
import { createDiscountCode } from "./admin/rewards";
import { merchantDeletesDiscount } from "./merchant-discounts";
import { merchantChangesPlan } from "./shop-plan";
import { handleReturnsControl, returnsState } from "./control-returns";

// The control API (/__sandbox/…): JSON in, JSON out, documented in tests/sandbox/README.md.
// Scripts outside the project can drive a whole scenario with it alone.

type Json = Record<string, unknown>;

function orderView(sandbox: Sandbox, shop: string, orderId: string) {
  const order = sandbox.store.order(shop, orderId);
  const total = order.lines.reduce((s, l) => s + l.price * l.quantity, 0);
  return {
    id: order.id,
    name: order.name,
    financialStatus: order.financialStatus,
    fulfillmentStatus: order.fulfillmentStatus,
    total: { amount: (total / 100).toFixed(2), currencyCode: order.currency },
    mandateId: order.mandateId,
    lines: order.lines.map((l) => ({
      id: l.id,
      title: l.title,
      variantTitle: l.variantTitle,
      quantity: l.quantity,
      price: (l.price / 100).toFixed(2),
    })),
    fulfillments: order.fulfillments.map((f) => ({
      id: f.id,
      shipmentStatus: f.shipmentStatus,
      deliveredAt: f.deliveredAt,
      lineItemIds: f.lineItemIds,
    })),
    returns: order.returns.map((r) => ({
      id: r.id,
      name: r.name,
      status: r.status,
      lineItemIds: r.lineItemIds,
    })),
    refunds: order.refunds.map((r) => ({
      id: r.id,
      amount: (r.amount / 100).toFixed(2),
      lineItemIds: r.lineItemIds,
    })),
    outstanding: { amount: (outstanding(order) / 100).toFixed(2), currencyCode: order.currency },
    transactions: order.transactions.map((t) => ({
      id: t.id,
      kind: t.kind,
      status: t.status,
      amount: (t.amount / 100).toFixed(2),
      parentId: t.parentId,
      authorizationExpiresAt: t.authorizationExpiresAt,
    })),
    sellingPlanIds: order.lines.map((l) => l.sellingPlanId),
    fulfillmentOrders: order.fulfillmentOrders.map((fo) => ({
      id: fo.id,
      status: fo.status,
      fulfillAt: fo.fulfillAt,
      holds: fo.holds.map((h) => ({ id: h.id, reason: h.reason, handle: h.handle })),
    })),
  };
}

const DAY = 86_400_000;

export async function handleControl(
  sandbox: Sandbox,
  request: Request,
  pathname: string,
): Promise<Response> {
  const { store, lifecycle, outbox } = sandbox;
  const url = new URL(request.url);
  const body: Json =
    request.method === "POST" ? ((await request.json().catch(() => ({}))) as Json) : {};
  const shop = String(body.shop ?? url.searchParams.get("shop") ?? DEMO_SHOP);
  const mode = (body.webhookMode as DeliveryMode | undefined) ?? "normal";
  const route = `${request.method} ${pathname.replace(/^\/__sandbox/, "")}`;
  const orderRoute = /^POST \/orders\/([^/]+)\/([\w-]+)$/.exec(route);
  const ids = Array.isArray(body.lineItemIds) ? (body.lineItemIds as string[]) : undefined;

  try {
    if (route === "POST /reset") {
      store.reset();
      outbox.deliveries = [];
      if (body.seed !== false) seedDemoStore(store, shop);
      return Response.json({ ok: true, shop: store.shops.has(shop) ? shop : null });
    }
    if (route === "POST /seed") {
      const seeded = seedDemoStore(store, shop);
      return Response.json({
        shop: seeded.domain,
        products: seeded.products.length,
        customers: seeded.customers.map((c) => c.email),
      });
    }
    if (route === "GET /state") {
      const s = store.shop(shop);
      return Response.json({
        shop: s.domain,
        plan: s.plus ? "plus" : "standard",
        now: store.now(),
        installed: s.accessTokens.size > 0,
        products: s.products.map((p) => ({
          id: p.id,
          handle: p.handle,
          title: p.title,
          tags: p.tags,
          variants: p.variants.length,
          soldOut: p.variants.filter((v) => v.inventoryQuantity <= 0).length,
        })),
        customers: s.customers.map((c) => ({
          id: c.id,
          email: c.email,
          country: c.country,
          confirmedSize: c.confirmedSize,
          storeCredit: ((s.storeCredit.get(c.id) ?? 0) / 100).toFixed(2),
        })),
        discountCodes: s.discountCodes.map((d) => ({
          code: d.code,
          amountOff: d.amountOff === null ? null : (d.amountOff / 100).toFixed(2),
          percentOff: d.percentOff,
          used: d.usedBy.length,
          usageLimit: d.usageLimit,
        })),
        sellingPlanGroups: s.sellingPlanGroups.map((g) => ({
          id: g.id,
          name: g.name,
          appId: g.appId,
          products: g.productIds.length,
          plans: g.plans.map((p) => ({ id: p.id, name: p.name, category: p.category })),
        })),
        validations: s.validations.map((v) => ({
          id: v.id,
          functionHandle: v.functionHandle,
          enabled: v.enabled,
        })),
        orders: s.orders.map((o) => ({
          id: o.id,
          name: o.name,
          sourceName: o.sourceName,
          financialStatus: o.financialStatus,
          fulfillmentStatus: o.fulfillmentStatus,
        })),
        ...returnsState(s),
      });
    }
    if (route === "GET /products") {
      return Response.json(store.shop(shop).products);
    }
    if (route === "POST /orders") {
      const order = await lifecycle.checkout(shop, body as never);
      return Response.json(orderView(sandbox, shop, order.id), { status: 201 });
    }
    const orderGet = /^GET \/orders\/([^/]+)$/.exec(route);
    if (orderGet)
      return Response.json(orderView(sandbox, shop, decodeURIComponent(orderGet[1] as string)));
    if (orderRoute) {
      const [, rawId, action] = orderRoute;
      const id = decodeURIComponent(rawId as string);
      switch (action) {
        case "pay":
          lifecycle.markPaid(shop, id, mode);
          break;
        case "capture":
          lifecycle.captureCheckoutAuthorization(shop, id);
          break;
        case "fulfil":
          lifecycle.fulfil(shop, id, ids, mode);
          break;
        case "carrier":
          lifecycle.carrierEvent(
            shop,
            id,
            String(body.status ?? "in_transit"),
            body.fulfillmentId as string | undefined,
            mode,
          );
          break;
        case "deliver":
          lifecycle.carrierEvent(
            shop,
            id,
            "delivered",
            body.fulfillmentId as string | undefined,
            mode,
          );
          break;
        case "returns":
          lifecycle.requestReturn(
            shop,
            id,
            ids,
            mode,
            Array.isArray(body.exchange) ? (body.exchange as never[]) : [],
          );
          break;
        case "approve-return":
        case "decline-return":
        case "process-return":
        case "close-return":
        case "cancel-return":
        case "reopen-return":
          lifecycle.returnStep(
            shop,
            id,
            action.replace("-return", "") as "approve",
            body.returnId as string | undefined,
            mode,
            { reason: body.declineReason, note: body.declineNote },
          );
          break;
        case "refund":
          lifecycle.refund(
            shop,
            id,
            ids,
            mode,
            body.to === "store_credit" ? "store_credit" : "original",
          );
          break;
        case "cancel":
          lifecycle.cancel(shop, id, mode);
          break;
        default:
          throw new SandboxError(404, `unknown order action ${action}`);
      }
      return Response.json(orderView(sandbox, shop, id));
    }
    if (route === "GET /clock")
      return Response.json({ now: store.now(), offsetMs: store.clockOffsetMs });
    if (route === "POST /clock") {
      const advance =
        Number(body.advanceMs ?? 0) +
        Number(body.advanceHours ?? 0) * 3_600_000 +
        Number(body.advanceDays ?? 0) * DAY;
      if (!Number.isFinite(advance) || advance < 0)
        throw new SandboxError(422, "advanceDays/advanceHours/advanceMs: time only moves forward");
      store.clockOffsetMs += advance;
      await outbox.deliverDue();
      return Response.json({ now: store.now(), offsetMs: store.clockOffsetMs });
    }
    if (route === "POST /app-discounts/delete")
      return Response.json(
        merchantDeletesDiscount(store, outbox, shop, String(body.id ?? ""), mode),
      );
    if (route === "POST /discount-codes") {
      // A code the merchant made by hand: the same validation as discountCodeBasicCreate.
      const created = createDiscountCode(store, store.shop(shop), {
        code: body.code === undefined ? null : String(body.code),
        title: body.title === undefined ? null : String(body.title),
        usageLimit: body.usageLimit === undefined ? null : Number(body.usageLimit),
        appliesOncePerCustomer: body.appliesOncePerCustomer === true,
        customerGets: {
          value: {
            percentage: body.percentOff === undefined ? null : Number(body.percentOff) / 100,
            ...(body.amountOff === undefined
              ? {}
              : { discountAmount: { amount: String(body.amountOff) } }),
          },
        },
      });
      if (!created.discount)
        throw new SandboxError(
          422,
          created.errors.map((e) => `${e.field.at(-1)}: ${e.message}`).join("; "),
        );
      return Response.json(created.discount, { status: 201 });
    }
    if (route === "POST /plan") {
      const plan = body.plan === "plus" ? "plus" : body.plan === "standard" ? "standard" : null;
      if (!plan) throw new SandboxError(422, 'plan: "standard" or "plus"');
      // A change of plan sends shop/update, as Shopify does.
      const changed = merchantChangesPlan(
        store,
        outbox,
        shop,
        plan,
        {
          ...(body.maximumAvailable ? { maximumAvailable: Number(body.maximumAvailable) } : {}),
          ...(body.restoreRate ? { restoreRate: Number(body.restoreRate) } : {}),
        },
        mode,
      );
      return Response.json({
        shop,
        plan,
        changed,
        throttleStatus: store.shop(shop).bucket.status(),
      });
    }
    if (route === "POST /faults") {
      const s = store.shop(shop);
      if (body.throttle) s.bucket.drain();
      if (body.serverErrors !== undefined) s.faults.serverErrors = Number(body.serverErrors);
      if (body.failAuthorizations !== undefined)
        s.faults.failAuthorizations = Number(body.failAuthorizations);
      if (body.failCharges !== undefined) s.faults.failCharges = Number(body.failCharges);
      if (body.lostResponses !== undefined) s.faults.lostResponses = Number(body.lostResponses);
      return Response.json({ shop, faults: s.faults, throttleStatus: s.bucket.status() });
    }
    if (route === "GET /ledger") {
      return Response.json(
        store.ledger.filter((e) => e.shop === shop || !url.searchParams.get("shop")),
      );
    }
    if (route === "GET /webhooks") {
      return Response.json(outbox.deliveries.map(({ body: _b, ...d }) => d));
    }
    if (route === "POST /webhooks/release")
      return Response.json({ released: await outbox.release() });
    if (route === "POST /webhooks/deliver-due")
      return Response.json({ delivered: await outbox.deliverDue(body.all === true) });
    if (route === "GET /session-token") {
      store.shop(shop);
      const token = mintSessionToken(shop, sandbox.config, Date.now());
      return Response.json({ token }, { headers: { "Access-Control-Allow-Origin": "*" } });
    }
    if (route === "POST /install") return Response.json(await sandbox.install(shop));
    const returns = await handleReturnsControl(sandbox, route, shop, body);
    if (returns) return returns;
    throw new SandboxError(404, `no control route ${route}`);
  } catch (error) {
    if (error instanceof SandboxError)
      return Response.json({ error: error.message }, { status: error.status });
    throw error;
  }
}

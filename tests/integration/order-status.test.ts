import type { LoaderFunctionArgs } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { addCalendarDays, localDate } from "~/domain/calendar";
import type { OrderStatusAnswer, OrderStatusPart } from "~/domain/order-status";
import { shopperCases } from "~/features/made-to-order/index.server";
import { POLICIES } from "~/policies.server";
import { action as returnsAction } from "~/routes/api.customer-account.returns";
import {
  action as statusAction,
  loader as statusLoader,
} from "~/routes/api.customer-account.order-status";
import { orderStatusFor } from "~/services/order-status.server";
import { referralProgram } from "../support/referrals";
import { sessionToken } from "../support/shopify";
import { casesFor, setupMtoShop } from "../support/mto-scenario";
import {
  TRIAL_SHOP,
  advanceDays,
  flush,
  setupTrialShop,
  startTrialSandbox,
  trialOrderInput,
} from "../support/trial-scenario";

// The customer account's order page block backend, with orders placed through the sandbox and the
// app's webhooks and jobs run: what each policy says about one order, only to its own customer.

const context = startTrialSandbox();
const API = "https://fitting-room.test/api/customer-account";
const ORIGIN = "https://extensions.shopifycdn.com";

function request(token: string | null, orderGid: string | null, init: RequestInit = {}) {
  const query = orderGid === null ? "" : `?orderId=${encodeURIComponent(orderGid)}`;
  return new Request(`${API}/order-status${query}`, {
    ...init,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      origin: ORIGIN,
      ...(init.headers as Record<string, string> | undefined),
    },
  });
}

async function call(fn: (args: LoaderFunctionArgs) => Promise<Response>, req: Request) {
  try {
    return await fn({ request: req, params: {}, context: {} });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

async function status(customerGid: string, orderGid: string, shop = TRIAL_SHOP) {
  const response = await call(statusLoader, request(sessionToken(shop, customerGid), orderGid));
  return { response, body: (await response.json()) as OrderStatusAnswer };
}

function part<K extends OrderStatusPart["kind"]>(answer: OrderStatusAnswer, kind: K) {
  return answer.parts.find((p) => p.kind === kind) as Extract<OrderStatusPart, { kind: K }>;
}

const customer = (email: string) =>
  context.store.shop(TRIAL_SHOP).customers.find((c) => c.email === email)!;

/** A plain order (no trial, no made-to-order), optionally shipped and delivered. */
async function plainOrder(email: string, deliver: boolean) {
  const { lifecycle } = context.sandbox;
  const order = lifecycle.placeOrder(TRIAL_SHOP, {
    customerEmail: email,
    lines: [{ handle: "little-black-heels", size: "8" }],
  });
  await flush(context);
  if (deliver) {
    lifecycle.fulfil(TRIAL_SHOP, order.id);
    lifecycle.carrierEvent(TRIAL_SHOP, order.id, "delivered");
    await flush(context);
  }
  return order;
}

describe("order status: each policy's part", () => {
  it("a trial delivered 3 days ago: its day, the keep/return page and the charge to come", async () => {
    const { planGid } = await setupTrialShop(context);
    const { lifecycle } = context.sandbox;
    const order = lifecycle.placeOrder(TRIAL_SHOP, trialOrderInput(planGid));
    await flush(context);
    const before = await status(order.customerId!, order.id);
    expect(part(before.body, "trial")).toMatchObject({ phase: "not_delivered", charge: null });

    lifecycle.fulfil(TRIAL_SHOP, order.id);
    lifecycle.carrierEvent(TRIAL_SHOP, order.id, "delivered");
    await flush(context);
    await advanceDays(context, 3);
    const trial = await prisma.trial.findFirstOrThrow({
      where: { shop: TRIAL_SHOP, orderGid: order.id },
    });
    const delivered = localDate(trial.deliveredAt!, "America/New_York");
    const { response, body } = await status(order.customerId!, order.id);
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    // The trial's own count (trialDay): the delivery day is day 0, so three days on is day 3 —
    // what the keep/return page and the Trials page say too.
    expect(body).toEqual({
      orderId: order.id,
      parts: [
        {
          kind: "trial",
          phase: "at_home",
          day: 3,
          windowDays: 7,
          lastDay: addCalendarDays(delivered, 7),
          pairs: 2,
          undecided: 2,
          // Both pairs undecided: both are charged unless sent back, the morning after the window.
          charge: { amount: 49000, currency: "USD", date: addCalendarDays(delivered, 8) },
          path: "/apps/fitting-room/trial",
        },
      ],
    });
  });

  it("a made-to-order pair: fitting pair shipped, then its fit to confirm with the date it would ship", async () => {
    const { planGid } = await setupMtoShop(context);
    const { lifecycle } = context.sandbox;
    const olivia = customer("olivia@example.com");
    const order = lifecycle.placeOrder(TRIAL_SHOP, {
      customerEmail: olivia.email,
      lines: [
        { handle: "little-black-heels", size: "10", width: "Extra Wide", sellingPlanId: planGid },
      ],
    });
    await flush(context);
    const pairOf = async () => part((await status(olivia.id, order.id)).body, "made_to_order");
    expect((await pairOf()).pairs[0]).toMatchObject({ state: "fitting_pair_to_ship" });

    const shipped = lifecycle.fulfil(TRIAL_SHOP, order.id);
    await flush(context);
    expect((await pairOf()).pairs[0]).toMatchObject({ state: "fitting_pair_shipped" });

    await advanceDays(context, 2);
    lifecycle.carrierEvent(TRIAL_SHOP, order.id, "delivered", shipped.id);
    await flush(context);
    const [c] = await casesFor(order.id);
    expect(c!.status).toBe("awaiting_fit");
    const [fitPage] = await shopperCases(TRIAL_SHOP, olivia.id);
    expect(await pairOf()).toEqual({
      kind: "made_to_order",
      pairs: [
        {
          title: "Little Black Heels",
          variantTitle: "10 / Extra Wide",
          state: "confirm_fit",
          // The very date the fit page promises for a confirmation today.
          shipDate: fitPage!.shipIfConfirmedToday,
          fitPath: `/apps/fitting-room/fit?case=${c!.id}`,
        },
      ],
    });
  });

  it("a delivered order: the return portal while it can come back, then the return requested", async () => {
    await setupTrialShop(context);
    const olivia = customer("olivia@example.com");
    const order = await plainOrder(olivia.email, true);
    const open = part((await status(olivia.id, order.id)).body, "returns");
    const snapshot = await prisma.returnOrder.findFirstOrThrow({
      where: { shop: TRIAL_SHOP, orderGid: order.id },
    });
    expect(open).toMatchObject({
      returns: [],
      request: {
        path: `/apps/fitting-room/returns?order=${snapshot.id}`,
        lastDay: expect.any(String),
      },
    });

    const submitted = await call(
      returnsAction,
      request(sessionToken(TRIAL_SHOP, olivia.id), null, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          intent: "submit",
          orderId: order.id,
          lines: [
            {
              lineItemGid: order.lines[0]!.id,
              quantity: 1,
              reason: "SIZE_TOO_SMALL",
              outcome: "refund",
            },
          ],
        }),
      }),
    );
    expect(submitted.status).toBe(201);
    const requested = part((await status(olivia.id, order.id)).body, "returns");
    expect(requested.returns).toEqual([
      {
        state: "requested",
        requestedAt: expect.any(String),
        currency: "USD",
        refund: 24500 - 1299,
        storeCredit: 0,
        declineNote: null,
      },
    ]);
    // The only pair is in that return: nothing left to ask about.
    expect(requested.request).toBeNull();
    await flush(context);
    const approved = part((await status(olivia.id, order.id)).body, "returns");
    expect(approved.returns[0]!.state).toBe("approved");
  });

  it("the shopper's referral link, when the program is on and they hold a code", async () => {
    const { code, maya } = await referralProgram(context);
    const order = await prisma.shopOrder.findFirstOrThrow({
      where: { shop: TRIAL_SHOP, customerGid: maya.id },
    });
    const { body } = await status(maya.id, order.orderGid);
    expect(part(body, "referral")).toEqual({
      kind: "referral",
      code,
      path: `/apps/fitting-room/r/${code}`,
      friendReward: { kind: "amount", amount: { amount: 2000, currency: "USD" } },
      referrerReward: { amount: 2000, currency: "USD" },
    });
  });

  it("an order the app has nothing for: no parts", async () => {
    await setupTrialShop(context);
    const olivia = customer("olivia@example.com");
    const order = await plainOrder(olivia.email, false);
    const { response, body } = await status(olivia.id, order.id);
    expect(response.status).toBe(200);
    expect(body).toEqual({ orderId: order.id, parts: [] });
  });
});

describe("order status: who may ask", () => {
  it("answers 404 for another customer's order and for another shop's", async () => {
    await setupTrialShop(context);
    const olivia = customer("olivia@example.com");
    const maya = customer("maya@example.com");
    const order = await plainOrder(olivia.email, true);
    const theirs = await status(maya.id, order.id);
    expect(theirs.response.status).toBe(404);
    expect(theirs.body).toMatchObject({ field: "orderId" });
    expect(theirs.response.headers.get("access-control-allow-origin")).toBe("*");
    const elsewhere = await status(olivia.id, order.id, "someone-else.myshopify.com");
    expect(elsewhere.response.status).toBe(404);
    expect((await status(olivia.id, order.id)).response.status).toBe(200);
  });

  it("answers 401 without a valid session token, with CORS headers the block can read", async () => {
    await setupTrialShop(context);
    const olivia = customer("olivia@example.com");
    const order = await plainOrder(olivia.email, false);
    const tokens = [
      null,
      sessionToken(TRIAL_SHOP, olivia.id, "wrong-secret"),
      sessionToken(TRIAL_SHOP, olivia.id, undefined, -120),
    ];
    for (const token of tokens) {
      const response = await call(statusLoader, request(token, order.id));
      expect(response.status).toBe(401);
      expect(response.headers.get("access-control-allow-origin")).toBe("*");
    }
    const preflight = await call(statusAction, request(null, order.id, { method: "OPTIONS" }));
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-headers")).toContain("Authorization");
  });

  it("names the field of a bad request", async () => {
    await setupTrialShop(context);
    const token = sessionToken(TRIAL_SHOP, customer("olivia@example.com").id);
    for (const orderGid of [null, "1001", "gid://shopify/Customer/1"]) {
      const response = await call(statusLoader, request(token, orderGid));
      expect(response.status).toBe(422);
      expect(await response.json()).toMatchObject({
        field: "orderId",
        error: expect.stringContaining("orderId"),
      });
    }
  });
});

describe("order status composition", () => {
  it("composes every policy of the registry that has a part (the route names them)", () => {
    expect(POLICIES.filter((p) => p.orderStatus).map((p) => p.name)).toEqual([
      "trial",
      "made-to-order",
      "returns",
      "referrals",
    ]);
  });

  it("leaves out a part that fails and keeps the others", async () => {
    const shop = "composition.myshopify.com";
    const customerGid = "gid://shopify/Customer/9001";
    const orderGid = "gid://shopify/Order/9001";
    await prisma.shopOrder.create({
      data: {
        shop,
        orderGid,
        name: "#9001",
        customerGid,
        currencyCode: "USD",
        totalMinor: 0,
        processedAt: new Date(),
      },
    });
    const referral: OrderStatusPart = {
      kind: "referral",
      code: "MAYA-7K2Q",
      path: "/apps/fitting-room/r/MAYA-7K2Q",
      friendReward: { kind: "percent", percent: 10 },
      referrerReward: { amount: 2000, currency: "USD" },
    };
    const sources = [
      { name: "broken", orderStatus: () => Promise.reject(new Error("boom")) },
      { name: "silent" },
      { name: "referrals", orderStatus: async () => referral },
    ];
    expect(await orderStatusFor(sources, shop, orderGid, customerGid)).toEqual([referral]);
    expect(await orderStatusFor(sources, shop, orderGid, "gid://shopify/Customer/9002")).toBeNull();
    expect(await orderStatusFor(sources, "other.myshopify.com", orderGid, customerGid)).toBeNull();
  });
});

import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import prisma from "~/db.server";
import {
  listReferrals,
  referralDetail,
  referralTotals,
  referralsCsv,
  reviewReferral,
  revokeCode,
} from "~/features/referrals/index.server";
import { REFERRAL_STATUS_LABELS } from "~/features/referrals";
import { loader as overviewLoader } from "~/routes/app._index";
import { loader as exportLoader } from "~/routes/app.referrals.export";
import { loader as linkLoader } from "~/routes/proxy.r.$code";
import { loader as pageLoader } from "~/routes/proxy.referrals";
import { proxyRequest } from "../support/proxy";
import { friendOrderDelivered, referralProgram } from "../support/referrals";
import { adminRequest } from "../support/shopify";
import { SandboxError } from "../sandbox/store";
import { debitStoreCredit as debitSandboxCredit } from "../sandbox/store-credit";
import { customerCard, type PlaceOrderInput } from "../sandbox/lifecycle";
import { TRIAL_SHOP, advanceDays, flush, startTrialSandbox } from "../support/trial-scenario";

// Referrals through the real app and the sandbox: the program's discounts made on Shopify, a
// referrer's code added to them, a friend's first order priced by the Function, the case opened
// from orders/create, the reward released the day after the friend's 14-day return window — once
// — and no reward for an order returned in the window or a self-referral.

const context = startTrialSandbox();

const LINE = { handle: "little-black-heels", size: "8" };
const program = (overrides: Record<string, string> = {}) => referralProgram(context, overrides);
const deliveredFriendOrder = (code: string, input: Partial<PlaceOrderInput> = {}) =>
  friendOrderDelivered(context, code, input);

/** The Overview page's referrals card, through its route. */
const overviewReferrals = async () => {
  const response = await overviewLoader({
    request: adminRequest(TRIAL_SHOP, "/app"),
    params: {},
    context: {},
  });
  return ((await response.json()) as { referrals: Record<string, number> }).referrals;
};

const credits = () =>
  context.store.ledger.filter((e) => e.kind === "store_credit").map((e) => e.amount?.amount);

describe("referrals end to end", () => {
  it("link → first order with $20 off → window passes → referrer credited $20 once", async () => {
    const { code, maya } = await program();
    const { lifecycle } = context.sandbox;
    const order = await lifecycle.checkout(TRIAL_SHOP, {
      customerEmail: "olivia@example.com",
      discountCode: code,
      attributes: [{ key: "_fitting_room_referral", value: code }],
      shippingAddress: { address1: "12 Main St", city: "Brooklyn", zip: "11201" },
      lines: [LINE],
    });
    expect(order.discountMinor).toBe(2000);
    await flush(context);
    const opened = await prisma.referralCase.findUniqueOrThrow({
      where: { shop_orderGid: { shop: TRIAL_SHOP, orderGid: order.id } },
    });
    expect(opened).toMatchObject({
      code,
      status: "waiting_delivery",
      discountMinor: 2000,
      rewardMinor: 2000,
    });

    lifecycle.fulfil(TRIAL_SHOP, order.id);
    lifecycle.carrierEvent(TRIAL_SHOP, order.id, "delivered");
    await flush(context);
    const waiting = await prisma.referralCase.findUniqueOrThrow({ where: { id: opened.id } });
    expect(waiting.status).toBe("waiting_window");
    await advanceDays(context, 13);
    expect(credits()).toEqual([]);
    await advanceDays(context, 3);
    const paid = await prisma.referralCase.findUniqueOrThrow({
      where: { id: opened.id },
      include: { money: true, events: { orderBy: { occurredAt: "asc" } } },
    });
    expect(paid.status).toBe("paid");
    expect(paid.money).toMatchObject([
      {
        kind: "store_credit",
        amountMinor: 2000,
        status: "succeeded",
        policyVersion: paid.policyVersion,
      },
    ]);
    expect(paid.money[0]!.rule).toContain(
      `Policy v${paid.policyVersion}: $20 earned — the friend's return window ended ${paid.windowLastDay}`,
    );
    expect(credits()).toEqual(["20.00"]);
    expect(context.store.shop(TRIAL_SHOP).storeCredit.get(maya.id)).toBe(2000);
    // A late duplicate of every webhook and more time change nothing.
    await context.sandbox.outbox.release();
    await advanceDays(context, 30);
    expect(credits()).toEqual(["20.00"]);
    // The accountant's export: the order, both amounts, what was paid, the rule and the version.
    const day = paid.orderedAt.toISOString().slice(0, 10);
    const csv = await exportLoader({
      request: adminRequest(TRIAL_SHOP, `/app/referrals/export?from=${day}&to=${day}`),
      params: {},
      context: {},
    });
    expect(csv.headers.get("Content-Disposition")).toBe(
      `attachment; filename="referrals-${day}-to-${day}.csv"`,
    );
    const [header, row, ...more] = parse(await csv.text()) as string[][];
    expect(more).toEqual([]);
    const cell = (name: string) => row![header!.indexOf(name)];
    expect([cell("order"), cell("code"), cell("referrer_email"), cell("friend")]).toEqual([
      order.name,
      code,
      maya.email,
      "Olivia",
    ]);
    expect([cell("friend_discount"), cell("reward"), cell("paid"), cell("taken_back")]).toEqual([
      "20.00",
      "20.00",
      "20.00",
      "0.00",
    ]);
    expect(cell("status")).toBe(REFERRAL_STATUS_LABELS.paid);
    expect(cell("policy_version")).toBe(String(paid.policyVersion));
    expect(cell("rule")).toBe(paid.money[0]!.rule);
    const before = await exportLoader({
      request: adminRequest(TRIAL_SHOP, "/app/referrals/export?from=2020-01-01&to=2020-01-31"),
      params: {},
      context: {},
    });
    expect(parse(await before.text())).toHaveLength(1);
    const bad = await exportLoader({
      request: adminRequest(TRIAL_SHOP, `/app/referrals/export?from=${day}&to=2020-01-01`),
      params: {},
      context: {},
    });
    expect([bad.status, await bad.text()]).toEqual([400, "from: must not be after to"]);
    expect(paid.events.map((e) => e.kind)).toEqual(
      expect.arrayContaining([
        "referral.opened",
        "order.delivered",
        "reward.waiting_window",
        "reward.paid",
      ]),
    );
  });

  it("no reward when the whole order comes back in the window", async () => {
    const { code } = await program();
    const { lifecycle } = context.sandbox;
    const order = await deliveredFriendOrder(code);
    await advanceDays(context, 5);
    lifecycle.refund(TRIAL_SHOP, order.id);
    await advanceDays(context, 20);
    const c = await prisma.referralCase.findFirstOrThrow({ where: { orderGid: order.id } });
    expect(c).toMatchObject({ status: "voided", voidReason: "fully_returned", paidAt: null });
    expect(credits()).toEqual([]);
  });

  it("reads the order from Shopify before paying: a refund whose webhook is held pays nothing", async () => {
    const { code } = await program();
    const { lifecycle, outbox } = context.sandbox;
    const order = await deliveredFriendOrder(code);
    await advanceDays(context, 5);
    lifecycle.refund(TRIAL_SHOP, order.id, undefined, "hold");
    await advanceDays(context, 20);
    const c = await prisma.referralCase.findFirstOrThrow({
      where: { orderGid: order.id },
      include: { events: true },
    });
    expect(c).toMatchObject({ status: "voided", voidReason: "fully_returned", paidAt: null });
    // Its webhook is still held: the refund was found by reading the order.
    expect(c.events.filter((e) => e.kind === "order.refunded")).toHaveLength(1);
    expect(credits()).toEqual([]);
    // The held webhook arrives at last: the refund is already known, nothing changes.
    await outbox.release();
    await flush(context);
    const after = await prisma.referralCase.findUniqueOrThrow({
      where: { id: c.id },
      include: { events: true },
    });
    expect(after.events.filter((e) => e.kind === "order.refunded")).toHaveLength(1);
    expect(credits()).toEqual([]);
  });

  it("holds the reward while a return asked for in the window is open; pays once it is declined", async () => {
    const { code } = await program();
    const { lifecycle } = context.sandbox;
    const order = await deliveredFriendOrder(code);
    await advanceDays(context, 12);
    lifecycle.requestReturn(TRIAL_SHOP, order.id, undefined, "hold");
    await advanceDays(context, 5);
    const held = await prisma.referralCase.findFirstOrThrow({ where: { orderGid: order.id } });
    expect(held).toMatchObject({ status: "waiting_return", paidAt: null });
    expect(credits()).toEqual([]);
    // Declined without a webhook reaching the app: the daily re-read finds it closed.
    lifecycle.returnStep(TRIAL_SHOP, order.id, "decline", undefined, "hold", {
      reason: "FINAL_SALE",
      note: "Worn outside",
    });
    await advanceDays(context, 2);
    const paid = await prisma.referralCase.findUniqueOrThrow({ where: { id: held.id } });
    expect(paid.status).toBe("paid");
    expect(credits()).toEqual(["20.00"]);
    await context.sandbox.outbox.release();
    await advanceDays(context, 2);
    expect(credits()).toEqual(["20.00"]);
    // The late returns/request of a return already declined leaves no job failed for good.
    expect(
      await prisma.job.findMany({ where: { status: "dead" }, select: { type: true } }),
    ).toEqual([]);
  });

  it("refuses at checkout, with the Function's message, the referrer's own code and an existing customer", async () => {
    const { code } = await program();
    const { lifecycle } = context.sandbox;
    const own = lifecycle.checkout(TRIAL_SHOP, {
      customerEmail: "maya@example.com",
      discountCode: code,
      lines: [LINE],
    });
    await expect(own).rejects.toThrow(
      new SandboxError(
        422,
        "discountCode: That's your own referral code: share it with a friend instead.",
      ),
    );
    lifecycle.placeOrder(TRIAL_SHOP, { customerEmail: "chloe@example.ca", lines: [LINE] });
    const existing = lifecycle.checkout(TRIAL_SHOP, {
      customerEmail: "chloe@example.ca",
      discountCode: code,
      lines: [LINE],
    });
    await expect(existing).rejects.toThrow(
      "Referral codes are for a first order, and this account has ordered before.",
    );
  });

  it("flags a self-referral by another address of the same mailbox, and pays nothing", async () => {
    const { code, shop } = await program();
    // maya@example.com is not a provider that ignores dots; a Gmail address is.
    await prisma.referrer.updateMany({
      where: { shop: TRIAL_SHOP },
      data: { email: "maya.chen@gmail.com", emailKey: "mayachen@gmail.com" },
    });
    shop.customers.push({
      ...context.store.gid("Customer"),
      email: "Maya.Chen+shoes@gmail.com",
      firstName: "M",
      lastName: "C",
      country: "US",
      confirmedSize: null,
    });
    const order = await deliveredFriendOrder(code, { customerEmail: "Maya.Chen+shoes@gmail.com" });
    await advanceDays(context, 20);
    const c = await prisma.referralCase.findFirstOrThrow({
      where: { orderGid: order.id },
      include: { events: true },
    });
    expect(c.status).toBe("flagged");
    expect(JSON.parse(c.signals)).toEqual([expect.objectContaining({ code: "self_email" })]);
    expect(c.events.map((e) => e.kind)).toContain("referral.flagged");
    expect(credits()).toEqual([]);
    expect(await referralTotals(TRIAL_SHOP)).toMatchObject({
      orders: 1,
      flagged: 1,
      paid: { count: 0 },
    });
    expect((await listReferrals(TRIAL_SHOP, "flagged")).map((r) => r.orderName)).toEqual([
      order.name,
    ]);
    expect((await referralDetail(TRIAL_SHOP, c.id))?.can).toEqual({ review: true, payNow: false });
    expect(await overviewReferrals()).toEqual({
      flagged: 1,
      applications: 0,
      due: 0,
      waiting: 0,
      paid: 0,
    });

    // The merchant knows them (two sisters sharing a mailbox, say) and approves: paid once.
    await reviewReferral(TRIAL_SHOP, c.id, "approve", "sisters", "staff");
    await flush(context);
    expect(credits()).toEqual(["20.00"]);
    const paid = await prisma.referralCase.findUniqueOrThrow({
      where: { id: c.id },
      include: { events: true },
    });
    expect(paid.status).toBe("paid");
    expect(paid.events.map((e) => e.message)).toContain("staff approved the reward: sisters");
    expect(await overviewReferrals()).toMatchObject({ flagged: 0, paid: 1 });
    expect(await referralDetail("other.myshopify.com", c.id)).toBeNull();
  });

  it("sends a referral link on with the code applied, and a revoked code nowhere", async () => {
    const { code } = await program();
    const call = async (path: string, signed = true) => {
      const request = proxyRequest(TRIAL_SHOP, path, null, {}, { tamper: !signed });
      try {
        return await linkLoader({ request, params: { code: path.split("/").pop()! }, context: {} });
      } catch (response) {
        return response as Response;
      }
    };
    const ok = await call(`/r/${code.toLowerCase()}`);
    expect(ok.status).toBe(302);
    expect(ok.headers.get("Location")).toBe(
      `/discount/${code}?redirect=${encodeURIComponent(`/?ref=${code}&ref_name=Maya`)}`,
    );
    expect((await call(`/r/${code}`, false)).status).toBe(400);
    expect((await call("/r/NOPE-2222")).headers.get("Location")).toBe("/?referral=unknown");

    const active = await prisma.referralCode.findFirstOrThrow({ where: { code } });
    const fresh = await revokeCode(TRIAL_SHOP, active.id, "staff");
    await flush(context);
    expect((await call(`/r/${code}`)).headers.get("Location")).toBe("/?referral=unknown");
    const codes = context.store.shop(TRIAL_SHOP).appDiscounts[0]!.codes.map((c) => c.code);
    expect(codes).toEqual([fresh.code]);
  });

  it("shows the offer to anyone, and a referrer their link, code and each friend's state", async () => {
    const { code, maya, shop } = await program();
    const page = async (customer: string | null) => {
      const response = await pageLoader({
        request: proxyRequest(TRIAL_SHOP, "/referrals", customer),
        params: {},
        context: {},
      });
      return { status: response.status, html: await response.text() };
    };
    const anonymous = await page(null);
    expect(anonymous.html).toContain("Give $20, get $20");
    expect(anonymous.html).toContain("after their 14-day return window");
    expect(anonymous.html).toContain("/account/login");
    const chloe = shop.customers.find((c) => c.email === "chloe@example.ca")!;
    expect((await page(chloe.legacyId)).html).toContain(
      "opens after your first order is paid and kept",
    );

    const order = await context.sandbox.lifecycle.checkout(TRIAL_SHOP, {
      customerEmail: "olivia@example.com",
      discountCode: code,
      lines: [LINE],
    });
    await flush(context);
    const mine = await page(maya.legacyId);
    expect(mine.status).toBe(200);
    expect(mine.html).toContain(`data-referral-code>${code}<`);
    expect(mine.html).toContain(`https://${TRIAL_SHOP}/apps/fitting-room/r/${code}`);
    expect(mine.html).toContain('data-referral-state="waiting_delivery"');
    expect(mine.html).toContain("Olivia");
    expect(order.discountMinor).toBe(2000);
    // The page's script stays small and nothing blocks rendering.
    const script = /<script>([\s\S]*?)<\/script>/.exec(mine.html)?.[1] ?? "";
    expect(script.length).toBeLessThan(300);
  });

  it("takes back only the unspent store credit when a paid friend's order comes back (setting)", async () => {
    const { code, maya, shop } = await program({ clawBack: "debit_store_credit" });
    const { lifecycle } = context.sandbox;
    const order = await deliveredFriendOrder(code);
    await advanceDays(context, 16);
    expect(shop.storeCredit.get(maya.id)).toBe(2000);
    // Maya spends $5 of it; then the friend's order is refunded after all (a late return).
    const account = shop.storeCreditAccounts.find((a) => a.customerId === maya.id)!;
    debitSandboxCredit(context.store, shop, account, 500);
    lifecycle.refund(TRIAL_SHOP, order.id);
    await advanceDays(context, 1);
    // A duplicate refund webhook and more time take nothing more.
    await context.sandbox.outbox.release();
    await advanceDays(context, 2);
    const c = await prisma.referralCase.findFirstOrThrow({
      where: { orderGid: order.id },
      include: { money: { orderBy: { createdAt: "asc" } }, events: true },
    });
    expect(c.status).toBe("paid");
    expect(c.money.map((m) => [m.kind, m.amountMinor, m.status])).toEqual([
      ["store_credit", 2000, "succeeded"],
      ["store_credit_debit", 1500, "succeeded"],
    ]);
    expect(c.money[1]!.rule).toContain(
      "the unspent store credit is debited. $15 taken back: the referrer had spent $5 of the $20.",
    );
    expect(shop.storeCredit.get(maya.id)).toBe(0);
    expect(c.events.map((e) => e.kind)).toEqual(
      expect.arrayContaining(["reward.returned_after_payment", "reward.taken_back"]),
    );
    const csv = await referralsCsv(TRIAL_SHOP, {
      from: c.orderedAt.toISOString().slice(0, 10),
      to: c.orderedAt.toISOString().slice(0, 10),
    });
    const [header, row] = parse(csv) as string[][];
    expect(row![header!.indexOf("taken_back")]).toBe("15.00");
  });

  it("takes nothing back under the reference store's setting, and says so", async () => {
    const { code, maya, shop } = await program();
    const { lifecycle } = context.sandbox;
    const order = await deliveredFriendOrder(code);
    await advanceDays(context, 16);
    lifecycle.refund(TRIAL_SHOP, order.id);
    await advanceDays(context, 1);
    const c = await prisma.referralCase.findFirstOrThrow({
      where: { orderGid: order.id },
      include: { money: true, events: true },
    });
    expect(c.money.map((m) => m.kind)).toEqual(["store_credit"]);
    expect(shop.storeCredit.get(maya.id)).toBe(2000);
    expect(c.events.find((e) => e.kind === "reward.returned_after_payment")?.message).toContain(
      "nothing is taken back (policy)",
    );
  });

  it("pays a gift card instead of store credit to a shop on classic customer accounts, once", async () => {
    const { code, maya, shop } = await program();
    shop.customerAccountsVersion = "CLASSIC";
    const order = await deliveredFriendOrder(code);
    await advanceDays(context, 16);
    await context.sandbox.outbox.release();
    await advanceDays(context, 5);
    const c = await prisma.referralCase.findFirstOrThrow({
      where: { orderGid: order.id },
      include: { money: true },
    });
    expect(c.status).toBe("paid");
    expect(c.money.map((m) => [m.kind, m.amountMinor, m.status])).toEqual([
      ["gift_card", 2000, "succeeded"],
    ]);
    expect(c.money[0]!.rule).toMatch(
      /Paid as gift card [A-Z2-9]{16} \(classic customer accounts cannot spend store credit\)\.$/,
    );
    expect(shop.giftCards.map((g) => [g.customerId, g.balance])).toEqual([[maya.id, 2000]]);
    expect(credits()).toEqual([]);
  });

  it("tells the merchant, and pays nothing, when the referrer no longer has a customer record", async () => {
    const { code } = await program();
    const order = await deliveredFriendOrder(code);
    await flush(context);
    // The customer was deleted on Shopify after the friend ordered: nobody to credit.
    await prisma.referrer.updateMany({ where: { shop: TRIAL_SHOP }, data: { customerGid: null } });
    await advanceDays(context, 16);
    await advanceDays(context, 3);
    const c = await prisma.referralCase.findFirstOrThrow({
      where: { orderGid: order.id },
      include: { money: true, events: true },
    });
    expect(c).toMatchObject({ status: "earned", paidAt: null, nextActionAt: null });
    expect(c.money).toEqual([]);
    const told = c.events.filter((e) => e.kind === "reward.cannot_pay");
    expect(told).toHaveLength(1);
    expect(told[0]!.message).toMatch(/\$20 earned .* no customer record .* pay it by hand\.$/);
    expect(credits()).toEqual([]);
    expect(context.store.ledger.filter((e) => e.kind === "discount_code")).toEqual([]);
  });

  it("flags, before paying, a friend who paid with the referrer's own card; pays nothing", async () => {
    const { code, maya } = await program();
    // Another person's name and address, but Maya's card: only the Admin API shows the card.
    const order = await deliveredFriendOrder(code, { card: customerCard(maya) });
    await flush(context);
    const opened = await prisma.referralCase.findFirstOrThrow({ where: { orderGid: order.id } });
    expect(opened.status).toBe("waiting_window");
    await advanceDays(context, 16);
    await advanceDays(context, 3);
    const c = await prisma.referralCase.findFirstOrThrow({
      where: { orderGid: order.id },
      include: { events: true, money: true },
    });
    expect(c).toMatchObject({ status: "flagged", paidAt: null });
    expect(JSON.parse(c.signals)).toEqual([
      { code: "self_payment", reason: "The friend paid with the referrer's card." },
    ]);
    expect(c.events.filter((e) => e.kind === "referral.flagged")).toHaveLength(1);
    expect(c.money).toEqual([]);
    expect(credits()).toEqual([]);
  });

  it("pays a friend who paid with their own card (the card check does not flag everyone)", async () => {
    const { code } = await program();
    const order = await deliveredFriendOrder(code);
    await advanceDays(context, 16);
    const c = await prisma.referralCase.findFirstOrThrow({ where: { orderGid: order.id } });
    expect(c.status).toBe("paid");
    expect(JSON.parse(c.signals)).toEqual([]);
    expect(credits()).toEqual(["20.00"]);
  });

  it("voids, before paying, a guest friend whose customer record has an order the app never saw", async () => {
    const { code } = await program();
    const { lifecycle, outbox } = context.sandbox;
    // Olivia ordered before the app was installed: Shopify has the order, the app never heard.
    lifecycle.placeOrder(TRIAL_SHOP, {
      customerEmail: "olivia@example.com",
      lines: [LINE],
      webhookMode: "hold",
    });
    outbox.deliveries = outbox.deliveries.filter((d) => d.status !== "held");
    // Now she checks out as a guest with Maya's code: the Function sees no customer to refuse.
    const order = await deliveredFriendOrder(code, { guest: true });
    expect(order.discountMinor).toBe(2000);
    await flush(context);
    const opened = await prisma.referralCase.findFirstOrThrow({ where: { orderGid: order.id } });
    expect(opened.status).toBe("waiting_window");
    await advanceDays(context, 16);
    const c = await prisma.referralCase.findFirstOrThrow({
      where: { orderGid: order.id },
      include: { events: true, money: true },
    });
    expect(c).toMatchObject({ status: "voided", voidReason: "not_new_friend", paidAt: null });
    expect(c.events.find((e) => e.kind === "referral.not_new")?.message).toMatch(
      /Shopify has an earlier order on the friend's customer record/,
    );
    expect(c.money).toEqual([]);
    expect(credits()).toEqual([]);
  });

  it("waits for a friend's order paid after checkout, then pays once (orders/paid)", async () => {
    const { code } = await program();
    const order = await deliveredFriendOrder(code, { paymentMethod: "card_on_file" });
    await flush(context);
    const opened = await prisma.referralCase.findFirstOrThrow({ where: { orderGid: order.id } });
    expect(opened.status).toBe("waiting_payment");
    await advanceDays(context, 16);
    expect((await prisma.referralCase.findUniqueOrThrow({ where: { id: opened.id } })).status).toBe(
      "waiting_payment",
    );
    expect(credits()).toEqual([]);
    context.sandbox.lifecycle.markPaid(TRIAL_SHOP, order.id, "duplicate");
    await flush(context);
    const paid = await prisma.referralCase.findUniqueOrThrow({
      where: { id: opened.id },
      include: { events: true },
    });
    expect(paid.status).toBe("paid");
    expect(paid.events.filter((e) => e.kind === "order.paid")).toHaveLength(1);
    expect(credits()).toEqual(["20.00"]);
  });

  it("finds a payment whose orders/paid never came with the daily re-read, and pays once", async () => {
    const { code } = await program();
    const order = await deliveredFriendOrder(code, { paymentMethod: "card_on_file" });
    await flush(context);
    await advanceDays(context, 16);
    context.sandbox.lifecycle.markPaid(TRIAL_SHOP, order.id, "hold");
    await advanceDays(context, 2);
    const c = await prisma.referralCase.findFirstOrThrow({ where: { orderGid: order.id } });
    expect(c.status).toBe("paid");
    expect(credits()).toEqual(["20.00"]);
    await context.sandbox.outbox.release();
    await advanceDays(context, 2);
    expect(credits()).toEqual(["20.00"]);
  });

  it("counts a link whose cart attribute was lost, from the visit Shopify recorded (?ref=)", async () => {
    const { code } = await program();
    // The theme embed was off and the friend removed the code: only the landing site says it.
    const order = context.sandbox.lifecycle.placeOrder(TRIAL_SHOP, {
      customerEmail: "olivia@example.com",
      landingSite: `/?ref=${code}&ref_name=Maya`,
      lines: [LINE],
    });
    await flush(context);
    const c = await prisma.referralCase.findFirstOrThrow({
      where: { orderGid: order.id },
      include: { events: true },
    });
    expect(c).toMatchObject({ code, discountMinor: 0, status: "waiting_delivery" });
    expect(c.events[0]!.message).toContain(`used ${code} (link only, no discount)`);
  });
});

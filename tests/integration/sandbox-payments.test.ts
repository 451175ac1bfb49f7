import { describe, expect, it } from "vitest";
import { memorySandbox } from "../support/sandbox-memory";

// The sandbox's money behaves like Shopify Payments, so the trial's payment code is tested
// against the rules that bite in production: idempotency keys, 7-day authorizations, partial
// captures, voids, declines, and Plus-only amounts.

const SHOP = "pay-demo.myshopify.com";

function setup(plan: "standard" | "plus" = "standard") {
  const sandbox = memorySandbox(SHOP, plan);
  const order = sandbox.lifecycle.placeOrder(SHOP, {
    customerEmail: "maya@example.com",
    paymentMethod: "card_on_file",
    lines: [
      { handle: "little-black-heels", size: "7" },
      { handle: "five-shades-of-nude", size: "7" },
    ],
  });
  return { ...sandbox, order };
}

const AUTHORIZE = `mutation Pay($id: ID!, $mandateId: ID!, $key: String!, $auto: Boolean) {
  orderCreateMandatePayment(id: $id, mandateId: $mandateId, idempotencyKey: $key, autoCapture: $auto) {
    paymentReferenceId userErrors { field message }
  }
}`;
const STATUS = `query S($orderId: ID!, $ref: String!) {
  orderPaymentStatus(orderId: $orderId, paymentReferenceId: $ref) { status transactions { id kind amountSet { shopMoney { amount } } } }
}`;
const CAPTURE = `mutation C($input: OrderCaptureInput!) {
  orderCapture(input: $input) { transaction { id kind status } userErrors { field message } }
}`;
const VOID = `mutation V($id: ID!) { transactionVoid(parentTransactionId: $id) { transaction { id } userErrors { code message } } }`;
const ORDER = `query O($id: ID!) { order(id: $id) {
  displayFinancialStatus totalOutstandingSet { shopMoney { amount } }
  transactions { id kind status authorizationExpiresAt }
} }`;

describe("sandbox payments", () => {
  it("authorizes once per idempotency key and captures part of the hold, once", async () => {
    const { order, run, store } = setup();
    const vars = { id: order.id, mandateId: order.mandateId, key: "trial-1-auth", auto: false };
    const first = await run(AUTHORIZE, vars);
    const again = await run(AUTHORIZE, vars);
    expect(again.orderCreateMandatePayment).toEqual(first.orderCreateMandatePayment);
    const ref = first.orderCreateMandatePayment!.paymentReferenceId as string;
    const status = await run(STATUS, { orderId: order.id, ref });
    expect(status.orderPaymentStatus).toMatchObject({
      status: "AUTHORIZED",
      transactions: [{ kind: "AUTHORIZATION", amountSet: { shopMoney: { amount: "490.00" } } }],
    });
    const authId = (status.orderPaymentStatus!.transactions as { id: string }[])[0]!.id;
    const capture = await run(CAPTURE, {
      input: { id: order.id, parentTransactionId: authId, amount: "245.00", finalCapture: true },
    });
    expect(capture.orderCapture).toMatchObject({
      transaction: { kind: "CAPTURE", status: "SUCCESS" },
      userErrors: [],
    });
    const twice = await run(CAPTURE, {
      input: { id: order.id, parentTransactionId: authId, amount: "1.00", finalCapture: true },
    });
    expect(twice.orderCapture!.userErrors).toEqual([
      {
        field: ["parentTransactionId"],
        message: "the authorization has expired, was voided or is fully captured",
      },
    ]);
    expect(
      store.ledger.filter((e) => e.orderGid === order.id).map((e) => [e.kind, e.amount?.amount]),
    ).toEqual([
      ["authorization", "490.00"],
      ["capture", "245.00"],
    ]);
  });

  it("lets an authorization lapse after 7 days and voids a live one", async () => {
    const { order, run, store } = setup();
    await run(AUTHORIZE, { id: order.id, mandateId: order.mandateId, key: "a1", auto: false });
    const [auth] = (await run(ORDER, { id: order.id })).order!.transactions as { id: string }[];
    store.clockOffsetMs += 7 * 86_400_000 + 1;
    const late = await run(CAPTURE, {
      input: { id: order.id, parentTransactionId: auth!.id, amount: "10.00" },
    });
    expect(late.orderCapture!.userErrors).toHaveLength(1);
    await run(AUTHORIZE, { id: order.id, mandateId: order.mandateId, key: "a2", auto: false });
    const txs = (await run(ORDER, { id: order.id })).order!.transactions as { id: string }[];
    const voided = await run(VOID, { id: txs[1]!.id });
    expect(voided.transactionVoid!.userErrors).toEqual([]);
    const view = await run(ORDER, { id: order.id });
    expect(view.order!.displayFinancialStatus).toBe("VOIDED");
  });

  it("declines on request and charges the outstanding balance after returned lines are refunded", async () => {
    const { order, run, store, emitted } = setup();
    store.shop(SHOP).faults.failCharges = 1;
    const declined = await run(AUTHORIZE, {
      id: order.id,
      mandateId: order.mandateId,
      key: "c1",
      auto: true,
    });
    const ref = declined.orderCreateMandatePayment!.paymentReferenceId as string;
    expect((await run(STATUS, { orderId: order.id, ref })).orderPaymentStatus!.status).toBe(
      "ERROR",
    );
    const refund = await run(
      `mutation R($input: RefundInput!) { refundCreate(input: $input) { refund { id } userErrors { field message } } }`,
      {
        input: {
          orderId: order.id,
          refundLineItems: [{ lineItemId: order.lines[1]!.id, quantity: 1, restockType: "RETURN" }],
        },
      },
    );
    expect(refund.refundCreate!.userErrors).toEqual([]);
    expect((await run(ORDER, { id: order.id })).order!.totalOutstandingSet).toEqual({
      shopMoney: { amount: "245.00" },
    });
    await run(AUTHORIZE, { id: order.id, mandateId: order.mandateId, key: "c2", auto: true });
    const view = await run(ORDER, { id: order.id });
    expect(view.order).toMatchObject({
      displayFinancialStatus: "PAID",
      totalOutstandingSet: { shopMoney: { amount: "0.00" } },
    });
    expect(emitted).toContain("orders/paid");
    expect(emitted).toContain("refunds/create");
  });

  it("refuses an amount on Standard and accepts it on Plus", async () => {
    const standard = setup("standard");
    const withAmount = `mutation P($id: ID!, $m: ID!) { orderCreateMandatePayment(id: $id, mandateId: $m, idempotencyKey: "k", amount: {amount: "25.00", currencyCode: USD}) { paymentReferenceId userErrors { message } } }`;
    await expect(
      standard.run(withAmount, { id: standard.order.id, m: standard.order.mandateId }),
    ).rejects.toThrow(/only available to Shopify Plus/);
    const plus = setup("plus");
    const charged = await plus.run(withAmount, { id: plus.order.id, m: plus.order.mandateId });
    expect(charged.orderCreateMandatePayment!.userErrors).toEqual([]);
    expect(plus.store.ledger.at(-1)).toMatchObject({
      kind: "charge",
      amount: { amount: "25.00" },
      idempotencyKey: "k",
    });
  });
});

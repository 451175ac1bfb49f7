import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Kind, parse, validate } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { executeAdmin } from "../sandbox/admin/executor";
import { createDiscountCode } from "../sandbox/admin/rewards";
import { adminSchema } from "../sandbox/admin/schema";
import { RETURN_REASON_DEFINITIONS } from "../sandbox/return-reasons";
import { seedDemoStore } from "../sandbox/seed";
import { createSandbox } from "../sandbox/server";
import { SandboxStore } from "../sandbox/store";

// Shopify's returns in the sandbox, through the Admin API as the app will use them: requests,
// approvals, declines, returns with exchanges, reverse deliveries with tracking and labels,
// processing with dispositions, fees, card and store credit refunds, store credit and gift
// cards; each refused as Shopify refuses it, each on the ledger and sent as its webhook.

const SHOP = "returns-demo.myshopify.com";
/** GraphQL and control API JSON, read back freely in assertions. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- assertions check the shape
type Json = any;
const USD = (amount: string) => ({ amount, currencyCode: "USD" });

type Data = Record<
  string,
  Record<string, unknown> & {
    userErrors: { field?: string[]; message: string; code?: string | null }[];
  }
>;

function setup(appUrl: string | null = null) {
  const store = new SandboxStore();
  const shop = seedDemoStore(store, SHOP);
  const sandbox = createSandbox({ appUrl, apiSecret: "returns-secret" }, store);
  const run = async (query: string, variables: Record<string, unknown> = {}) => {
    const result = await executeAdmin(store, SHOP, { query, variables });
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data as Data;
  };
  const control = async (path: string, body: Record<string, unknown> = {}, method = "POST") => {
    const response = await sandbox.handle(
      new Request(`http://sandbox/__sandbox${path}${method === "GET" ? `?shop=${SHOP}` : ""}`, {
        method,
        body: method === "GET" ? undefined : JSON.stringify({ shop: SHOP, ...body }),
      }),
    );
    return {
      status: response.status,
      body: (await response.json().catch(() => null)) as Record<string, Json>,
    };
  };
  const variant = (handle: string, size = "8", width = "Medium") =>
    shop.products
      .find((p) => p.handle === handle)!
      .variants.find((v) => v.size === size && v.width === width)!;
  /** A paid order, shipped and delivered. */
  const delivered = (
    handles: string[],
    customerEmail = "maya@example.com",
    extra: Record<string, unknown> = {},
  ) => {
    const order = sandbox.lifecycle.placeOrder(SHOP, {
      customerEmail,
      lines: handles.map((handle) => ({ handle, size: "8", width: "Medium" })),
      ...extra,
    });
    sandbox.lifecycle.fulfil(SHOP, order.id);
    sandbox.lifecycle.carrierEvent(SHOP, order.id, "delivered");
    return order;
  };
  const ledger = (orderId?: string) =>
    store.ledger
      .filter((e) => !orderId || e.orderGid === orderId)
      .map((e) => `${e.kind}${e.amount ? ` ${e.amount.amount}` : ""}`);
  const webhooks = (topic: string) =>
    sandbox.outbox.deliveries
      .filter((d) => d.topic === topic)
      .map((d) => JSON.parse(d.body) as Record<string, Json>);
  return { store, shop, sandbox, run, control, variant, delivered, ledger, webhooks };
}

// Every operation below is a named operation the suite validates against the 2026-10 schema.
const RETURNABLE = `query ReturnableFulfillments($orderId: ID!) { returnableFulfillments(orderId: $orderId, first: 10) { nodes { id fulfillment { id deliveredAt } returnableFulfillmentLineItems(first: 10) { nodes { quantity fulfillmentLineItem { id lineItem { id } } } } } } }`;
const RETURN_FIELDS = `id name status totalQuantity decline { reason note }
  returnShippingFees { amountSet { shopMoney { amount } } }
  returnLineItems(first: 5) { nodes { id quantity processedQuantity unprocessedQuantity ... on ReturnLineItem { fulfillmentLineItem { lineItem { id } } returnReason returnReasonNote customerNote returnReasonDefinition { handle } restockingFee { percentage amountSet { shopMoney { amount } } } totalWeight { value unit } } } }
  exchangeLineItems(first: 5) { nodes { id quantity processedQuantity variantId lineItems { id } } }
  reverseFulfillmentOrders(first: 2) { nodes { id status lineItems(first: 5) { nodes { id totalQuantity dispositions { type quantity } } } reverseDeliveries(first: 2) { nodes { id deliverable { ... on ReverseDeliveryShippingDeliverable { tracking { number url carrierName } label { publicFileUrl } } } } } } }`;
const REQUEST = `mutation ReturnRequest($input: ReturnRequestInput!) { returnRequest(input: $input) { return { ${RETURN_FIELDS} } userErrors { field message code } } }`;
const APPROVE = `mutation ReturnApprove($input: ReturnApproveRequestInput!) { returnApproveRequest(input: $input) { return { ${RETURN_FIELDS} } userErrors { field message code } } }`;
const DECLINE = `mutation ReturnDecline($input: ReturnDeclineRequestInput!) { returnDeclineRequest(input: $input) { return { id status decline { reason note } } userErrors { field message code } } }`;
const CREATE = `mutation ReturnCreate($input: ReturnInput!) { returnCreate(returnInput: $input) { return { ${RETURN_FIELDS} } userErrors { field message code } } }`;
// Light versions for refusals: the bucket (2000 points, 100/s) counts every field.
const CREATE_CHECK = `mutation ReturnCreateCheck($input: ReturnInput!) { returnCreate(returnInput: $input) { return { id status } userErrors { field message code } } }`;
const PROCESS_CHECK = `mutation ReturnProcessCheck($input: ReturnProcessInput!) { returnProcess(input: $input) { return { id status } userErrors { field message code } } }`;
const PROCESS = `mutation ReturnProcess($input: ReturnProcessInput!) { returnProcess(input: $input) { return { ${RETURN_FIELDS} } userErrors { field message code } } }`;
const CLOSE = `mutation ReturnClose($id: ID!) { returnClose(id: $id) { return { id status } userErrors { field message code } } }`;
const REOPEN = `mutation ReturnReopen($id: ID!) { returnReopen(id: $id) { return { id status } userErrors { field message code } } }`;
const CANCEL = `mutation ReturnCancel($id: ID!) { returnCancel(id: $id, notifyCustomer: false) { return { id status } userErrors { field message code } } }`;
const REMOVE = `mutation RemoveFromReturn($id: ID!, $lines: [ReturnLineItemRemoveFromReturnInput!]) { removeFromReturn(returnId: $id, returnLineItems: $lines) { return { id totalQuantity } userErrors { field message code } } }`;
const REVERSE_DELIVERY = `mutation ReverseDeliveryCreate($rfo: ID!, $lines: [ReverseDeliveryLineItemInput!]!, $tracking: ReverseDeliveryTrackingInput, $label: ReverseDeliveryLabelInput) {
  reverseDeliveryCreateWithShipping(reverseFulfillmentOrderId: $rfo, reverseDeliveryLineItems: $lines, trackingInput: $tracking, labelInput: $label, notifyCustomer: true) {
    reverseDelivery { id deliverable { ... on ReverseDeliveryShippingDeliverable { tracking { number url carrierName } label { publicFileUrl } } } reverseDeliveryLineItems(first: 5) { nodes { quantity } } }
    userErrors { field message code } } }`;
const OUTCOME = `query SuggestedOutcome($id: ID!, $lines: [SuggestedOutcomeReturnLineItemInput!]!, $exchanges: [SuggestedOutcomeExchangeLineItemInput!]!, $allocation: RefundMethodAllocation) {
  return(id: $id) { suggestedFinancialOutcome(returnLineItems: $lines, exchangeLineItems: $exchanges, refundMethodAllocation: $allocation) {
    discountedSubtotal { shopMoney { amount } } maximumRefundable { shopMoney { amount } } totalCartDiscountAmount { shopMoney { amount } }
    financialTransfer { __typename ... on RefundReturnOutcome { amount { shopMoney { amount } } suggestedRefundMethods { __typename amount { shopMoney { amount } } } suggestedTransactions { kind amountSet { shopMoney { amount } } parentTransaction { id kind } } } ... on InvoiceReturnOutcome { amount { shopMoney { amount } } } } } } }`;
const CALCULATE = `query ReturnCalculate($input: CalculateReturnInput!) { returnCalculate(input: $input) {
  returnLineItems { quantity subtotalSet { shopMoney { amount } } subtotalBeforeOrderDiscountsSet { shopMoney { amount } } restockingFee { percentage amountSet { shopMoney { amount } } } fulfillmentLineItem { id } }
  exchangeLineItems { quantity subtotalSet { shopMoney { amount } } variant { id } }
  returnShippingFee { amountSet { shopMoney { amount } } } } }`;
const ORDER = `query OrderForReturns($id: ID!) { order(id: $id) {
  id sourceName returnStatus displayFinancialStatus customer { id } shippingAddress { countryCodeV2 }
  totalOutstandingSet { shopMoney { amount } } currentTotalPriceSet { shopMoney { amount } }
  transactions { id kind gateway amountSet { shopMoney { amount } } }
  lineItems(first: 10) { nodes { id quantity currentQuantity isGiftCard originalUnitPriceSet { shopMoney { amount } } discountedUnitPriceSet { shopMoney { amount } }
    discountAllocations { allocatedAmountSet { shopMoney { amount } } discountApplication { __typename ... on DiscountCodeApplication { code } } }
    sellingPlan { sellingPlanId } product { id tags productType isGiftCard } variant { id compareAtPrice } } }
  fulfillments { id deliveredAt displayStatus fulfillmentLineItems(first: 10) { nodes { id quantity lineItem { id } } } }
  fulfillmentOrders(first: 5) { nodes { status lineItems(first: 5) { nodes { lineItem { id } } } } }
  returns(first: 5) { nodes { id status } }
  refunds { id totalRefundedSet { shopMoney { amount } } return { id } refundLineItems(first: 5) { nodes { quantity restockType } } transactions(first: 5) { nodes { kind gateway amountSet { shopMoney { amount } } } } } } }`;
const CUSTOMER_CREDIT = `query CustomerStoreCredit($id: ID!) { customer(id: $id) { id storeCreditAccounts(first: 5) { nodes { id balance { amount currencyCode }
  transactions(first: 5) { nodes { __typename amount { amount } event origin { ... on OrderTransaction { id gateway } } ... on StoreCreditAccountCreditTransaction { expiresAt } } } } } } }`;
const ACCOUNT = `query StoreCreditAccount($id: ID!) { storeCreditAccount(id: $id) { id balance { amount } owner { ... on Customer { id } } } }`;
const DEBIT = `mutation StoreCreditDebit($id: ID!, $d: StoreCreditAccountDebitInput!) { storeCreditAccountDebit(id: $id, debitInput: $d) { storeCreditAccountTransaction { amount { amount } balanceAfterTransaction { amount } } userErrors { field message code } } }`;
const GIFT_CARD = `mutation GiftCardCreate($input: GiftCardCreateInput!) { giftCardCreate(input: $input) { giftCard { id balance { amount } lastCharacters customer { id } } giftCardCode userErrors { field message code } } }`;
const SHOP_ACCOUNTS = `query ShopCustomerAccounts { shop { customerAccountsV2 { customerAccountsVersion } } }`;
const REASONS = `query ReturnReasons($handles: [String!]) { returnReasonDefinitions(first: 20, handles: $handles) { nodes { id handle name } } }`;
const LOCATIONS = `query Locations { locations(first: 1) { nodes { id name } } }`;

const OPERATIONS = [
  CREATE_CHECK,
  PROCESS_CHECK,
  RETURNABLE,
  REQUEST,
  APPROVE,
  DECLINE,
  CREATE,
  PROCESS,
  CLOSE,
  REOPEN,
  CANCEL,
  REMOVE,
  REVERSE_DELIVERY,
  OUTCOME,
  CALCULATE,
  ORDER,
  CUSTOMER_CREDIT,
  ACCOUNT,
  DEBIT,
  GIFT_CARD,
  SHOP_ACCOUNTS,
  REASONS,
  LOCATIONS,
];

const TOO_SMALL = RETURN_REASON_DEFINITIONS.find((d) => d.handle === "too-small")!.id;
const nodes = <T = Record<string, Json>>(connection: unknown) =>
  (connection as { nodes: T[] }).nodes;
const returnOf = (data: Data, field: string) => data[field]!.return as Record<string, Json>;
const amount = (bag: Json) => bag.shopMoney?.amount ?? bag.amount;

async function fulfillmentLineItems(run: ReturnType<typeof setup>["run"], orderId: string) {
  const data = await run(RETURNABLE, { orderId });
  return nodes(data.returnableFulfillments).flatMap((f) =>
    nodes(f.returnableFulfillmentLineItems).map((l) => ({
      id: l.fulfillmentLineItem.id as string,
      lineItemId: l.fulfillmentLineItem.lineItem.id as string,
      quantity: l.quantity as number,
    })),
  );
}

describe("sandbox returns (Admin API 2026-10)", () => {
  it("every returns operation is a named operation that validates against the schema", () => {
    for (const source of OPERATIONS) {
      const document = parse(source);
      expect(document.definitions).toHaveLength(1);
      const [definition] = document.definitions;
      expect(definition?.kind === Kind.OPERATION_DEFINITION && definition.name?.value).toBeTruthy();
      expect(validate(adminSchema(), document).map((e) => e.message)).toEqual([]);
    }
    expect(
      new Set(
        OPERATIONS.map((o) => (parse(o).definitions[0] as { name: { value: string } }).name.value),
      ).size,
    ).toBe(OPERATIONS.length);
  });

  it("requests, approves, tracks the parcel and processes a card refund less the return shipping fee", async () => {
    const { run, control, delivered, ledger, webhooks, store, variant, sandbox } = setup();
    const order = delivered(["little-black-heels"]);
    const [fli] = await fulfillmentLineItems(run, order.id);
    expect(fli).toMatchObject({ lineItemId: order.lines[0]!.id, quantity: 1 });
    const requested = await run(REQUEST, {
      input: {
        orderId: order.id,
        returnLineItems: [
          {
            fulfillmentLineItemId: fli!.id,
            quantity: 1,
            returnReasonDefinitionId: TOO_SMALL,
            customerNote: "Half a size too small",
          },
        ],
        returnShippingFee: { amount: USD("12.99") },
      },
    });
    expect(requested.returnRequest!.userErrors).toEqual([]);
    const ret = returnOf(requested, "returnRequest");
    expect(ret).toMatchObject({
      status: "REQUESTED",
      name: `${order.name}-R1`,
      totalQuantity: 1,
      returnShippingFees: [{ amountSet: { shopMoney: { amount: "12.99" } } }],
    });
    expect(nodes(ret.returnLineItems)[0]).toMatchObject({
      returnReason: "SIZE_TOO_SMALL",
      returnReasonDefinition: { handle: "too-small" },
      customerNote: "Half a size too small",
    });
    expect(nodes(ret.reverseFulfillmentOrders)).toEqual([]); // none until approved
    expect(webhooks("returns/request")[0]).toMatchObject({
      admin_graphql_api_id: ret.id,
      status: "requested",
    });

    const approved = returnOf(
      await run(APPROVE, { input: { id: ret.id, notifyCustomer: true } }),
      "returnApproveRequest",
    );
    expect(approved.status).toBe("OPEN");
    const rfo = nodes(approved.reverseFulfillmentOrders)[0]!;
    expect(rfo).toMatchObject({ status: "OPEN", lineItems: { nodes: [{ totalQuantity: 1 }] } });
    const tracked = await run(REVERSE_DELIVERY, {
      rfo: rfo.id,
      lines: [],
      tracking: {
        number: "1Z999AA10123456784",
        url: "https://www.ups.com/track?tracknum=1Z999AA10123456784",
      },
    });
    expect(tracked.reverseDeliveryCreateWithShipping).toMatchObject({
      reverseDelivery: {
        deliverable: {
          tracking: { number: "1Z999AA10123456784", carrierName: "UPS" },
          label: null,
        },
        reverseDeliveryLineItems: { nodes: [{ quantity: 1 }] },
      },
      userErrors: [],
    });
    expect(webhooks("reverse_deliveries/attach_deliverable")[0]).toMatchObject({
      return: { admin_graphql_api_id: ret.id },
      shipping_deliverable: {
        tracking: { carrier_name: "UPS", tracking_number: "1Z999AA10123456784" },
      },
    });
    // The shopper's parcel moves: in transit, then delivered to the merchant.
    for (const status of ["in_transit", "delivered"])
      expect(
        (await control(`/reverse-deliveries/1Z999AA10123456784/scan`, { status })).status,
      ).toBe(200);
    const state = (await control("/state", {}, "GET")).body;
    expect(
      state.returns[0].reverseFulfillmentOrders[0].reverseDeliveries[0].scans.map(
        (s: { status: string }) => s.status,
      ),
    ).toEqual(["in_transit", "delivered"]);

    const outcome = await run(OUTCOME, {
      id: ret.id,
      lines: [{ id: nodes(approved.returnLineItems)[0]!.id, quantity: 1 }],
      exchanges: [],
    });
    const sale = order.transactions[0]!;
    expect(outcome.return!.suggestedFinancialOutcome).toMatchObject({
      discountedSubtotal: { shopMoney: { amount: "245.00" } },
      financialTransfer: {
        __typename: "RefundReturnOutcome",
        amount: { shopMoney: { amount: "232.01" } },
        suggestedTransactions: [
          {
            kind: "SUGGESTED_REFUND",
            amountSet: { shopMoney: { amount: "232.01" } },
            parentTransaction: { id: sale.id, kind: "SALE" },
          },
        ],
      },
    });
    const stockBefore = variant("little-black-heels").inventoryQuantity;
    const rfoLine = nodes(rfo.lineItems)[0]!;
    const processed = await run(PROCESS, {
      input: {
        returnId: ret.id,
        returnLineItems: [
          {
            id: nodes(approved.returnLineItems)[0]!.id,
            quantity: 1,
            dispositions: [
              {
                reverseFulfillmentOrderLineItemId: rfoLine.id,
                quantity: 1,
                dispositionType: "RESTOCKED",
                locationId: "gid://shopify/Location/1",
              },
            ],
          },
        ],
        financialTransfer: {
          issueRefund: {
            orderTransactions: [{ parentId: sale.id, transactionAmount: USD("232.01") }],
          },
        },
        notifyCustomer: true,
      },
    });
    expect(processed.returnProcess!.userErrors).toEqual([]);
    expect(nodes(returnOf(processed, "returnProcess").returnLineItems)[0]).toMatchObject({
      processedQuantity: 1,
      unprocessedQuantity: 0,
    });
    expect(variant("little-black-heels").inventoryQuantity).toBe(stockBefore + 1);
    expect(ledger(order.id)).toEqual([
      "return.request",
      "return.approve",
      "return.tracking",
      "return.fee 12.99",
      "refund 232.01",
      "return.process",
    ]);
    expect(store.ledger.find((e) => e.kind === "return.fee")!.details).toMatchObject({
      type: "RETURN_SHIPPING",
      returnId: ret.id,
    });
    const after = (await run(ORDER, { id: order.id })).order as Record<string, Json>;
    expect(after).toMatchObject({
      displayFinancialStatus: "PARTIALLY_REFUNDED",
      totalOutstandingSet: { shopMoney: { amount: "0.00" } },
      currentTotalPriceSet: { shopMoney: { amount: "12.99" } },
      returnStatus: "INSPECTION_COMPLETE",
      lineItems: { nodes: [{ currentQuantity: 0 }] },
      refunds: [
        {
          totalRefundedSet: { shopMoney: { amount: "232.01" } },
          return: { id: ret.id },
          refundLineItems: { nodes: [{ quantity: 1, restockType: "RETURN" }] },
        },
      ],
    });
    expect(webhooks("refunds/create")[0]).toMatchObject({
      return: { admin_graphql_api_id: ret.id },
      transactions: [{ kind: "refund", amount: "232.01", gateway: "shopify_payments" }],
    });
    expect(webhooks("reverse_fulfillment_orders/dispose")[0]).toMatchObject({
      dispositions: [{ type: "restocked", quantity: 1 }],
    });
    // Shopify has the event, but sends an app only the topics its configuration subscribes to.
    const disposals = sandbox.outbox.deliveries.filter(
      (d) => d.topic === "reverse_fulfillment_orders/dispose",
    );
    expect(disposals.map((d) => [d.status, d.attempts])).toEqual([["unsubscribed", 0]]);
    expect(sandbox.outbox.deliveries.find((d) => d.topic === "returns/process")?.status).not.toBe(
      "unsubscribed",
    );
    expect(webhooks("returns/process")).toHaveLength(1);
    expect(webhooks("orders/updated").length).toBeGreaterThan(0);

    expect(returnOf(await run(CLOSE, { id: ret.id }), "returnClose").status).toBe("CLOSED");
    expect(webhooks("returns/close")[0]).toMatchObject({
      status: "closed",
      order_id: expect.anything(),
    });
    expect((await run(CLOSE, { id: ret.id })).returnClose!.userErrors[0]).toMatchObject({
      code: "INVALID_STATE",
    });
    expect(returnOf(await run(REOPEN, { id: ret.id }), "returnReopen").status).toBe("OPEN");
    expect(webhooks("returns/reopen")).toHaveLength(1);
    expect((await run(CANCEL, { id: ret.id })).returnCancel!.userErrors[0]).toMatchObject({
      code: "INVALID_STATE",
    }); // work was done
  });

  it("makes an exchange only with returnCreate, releasing it onto the order when processed", async () => {
    const { run, delivered, ledger, variant, webhooks, sandbox } = setup();
    const order = delivered(["five-shades-of-nude"], "olivia@example.com");
    const [fli] = await fulfillmentLineItems(run, order.id);
    // returnRequest has no exchange lines: the schema refuses the field.
    const refused = await executeAdmin(sandbox.store, SHOP, {
      query: `mutation ReturnRequestWithExchange($o: ID!, $f: ID!, $v: ID!) { returnRequest(input: { orderId: $o, returnLineItems: [{ fulfillmentLineItemId: $f, quantity: 1 }], exchangeLineItems: [{ variantId: $v, quantity: 1 }] }) { userErrors { code } } }`,
      variables: { o: order.id, f: fli!.id, v: variant("five-shades-of-nude", "8.5").id },
    });
    expect(refused.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    const stock = variant("five-shades-of-nude", "8.5").inventoryQuantity;
    const created = await run(CREATE, {
      input: {
        orderId: order.id,
        returnLineItems: [
          { fulfillmentLineItemId: fli!.id, quantity: 1, returnReason: "SIZE_TOO_SMALL" },
        ],
        exchangeLineItems: [{ variantId: variant("five-shades-of-nude", "8.5").id, quantity: 1 }],
      },
    });
    expect(created.returnCreate!.userErrors).toEqual([]);
    const ret = returnOf(created, "returnCreate");
    expect(ret.status).toBe("OPEN");
    expect(nodes(ret.exchangeLineItems)[0]).toMatchObject({
      quantity: 1,
      processedQuantity: 0,
      lineItems: [],
    });
    expect(order.lines).toHaveLength(1); // not on the order until released
    expect(variant("five-shades-of-nude", "8.5").inventoryQuantity).toBe(stock);
    expect(webhooks("returns/approve")[0]).toMatchObject({
      status: "open",
      exchange_line_items: [{ line_item: null }],
    });
    const outcome = await run(OUTCOME, {
      id: ret.id,
      lines: [{ id: nodes(ret.returnLineItems)[0]!.id, quantity: 1 }],
      exchanges: [{ id: nodes(ret.exchangeLineItems)[0]!.id, quantity: 1 }],
    });
    expect(outcome.return!.suggestedFinancialOutcome).toMatchObject({
      financialTransfer: {
        __typename: "RefundReturnOutcome",
        amount: { shopMoney: { amount: "0.00" } },
      },
    });
    const processed = await run(PROCESS, {
      input: {
        returnId: ret.id,
        returnLineItems: [{ id: nodes(ret.returnLineItems)[0]!.id, quantity: 1 }],
        exchangeLineItems: [{ id: nodes(ret.exchangeLineItems)[0]!.id, quantity: 1 }],
      },
    });
    expect(processed.returnProcess!.userErrors).toEqual([]);
    const exchange = nodes(returnOf(processed, "returnProcess").exchangeLineItems)[0]!;
    expect(exchange.processedQuantity).toBe(1);
    expect(exchange.lineItems).toHaveLength(1);
    const view = (await run(ORDER, { id: order.id })).order as Record<string, Json>;
    expect(nodes(view.lineItems).map((l) => [l.quantity, l.currentQuantity])).toEqual([
      [1, 0],
      [1, 1],
    ]);
    expect(
      nodes(view.fulfillmentOrders).map((fo) => [fo.status, nodes(fo.lineItems)[0]!.lineItem.id]),
    ).toEqual([
      ["CLOSED", order.lines[0]!.id],
      ["OPEN", exchange.lineItems[0].id],
    ]);
    expect(view.totalOutstandingSet.shopMoney.amount).toBe("0.00");
    expect(variant("five-shades-of-nude", "8.5").inventoryQuantity).toBe(stock - 1);
    expect(ledger(order.id)).toEqual([
      "return.create",
      "exchange.release 245.00",
      "refund 0.00",
      "return.process",
    ]);
    expect(sandbox.lifecycle.fulfil(SHOP, order.id).lineItemIds).toEqual([
      exchange.lineItems[0].id,
    ]);
  });

  it("refunds to store credit less a 30% restocking fee, as returnCalculate said, and debits the account", async () => {
    const { run, delivered, ledger, shop, store } = setup();
    const order = delivered(["forever-flat"]);
    const [fli] = await fulfillmentLineItems(run, order.id);
    const lines = [
      { fulfillmentLineItemId: fli!.id, quantity: 1, restockingFee: { percentage: 30 } },
    ];
    const calculated = (
      await run(CALCULATE, { input: { orderId: order.id, returnLineItems: lines } })
    ).returnCalculate as Record<string, Json>;
    expect(calculated.returnLineItems[0]).toMatchObject({
      subtotalSet: { shopMoney: { amount: "195.00" } },
      restockingFee: { percentage: 30, amountSet: { shopMoney: { amount: "58.50" } } },
    });
    const ret = returnOf(
      await run(CREATE, {
        input: {
          orderId: order.id,
          returnLineItems: lines.map((l) => ({
            ...l,
            returnReason: "OTHER",
            returnReasonNote: "worn outdoors",
          })),
        },
      }),
      "returnCreate",
    );
    expect(nodes(ret.returnLineItems)[0]!.restockingFee).toEqual({
      percentage: 30,
      amountSet: { shopMoney: { amount: "58.50" } },
    });
    const line = nodes(ret.returnLineItems)[0]!;
    const outcome = await run(OUTCOME, {
      id: ret.id,
      lines: [{ id: line.id, quantity: 1 }],
      exchanges: [],
      allocation: "STORE_CREDIT",
    });
    const transfer = (outcome.return!.suggestedFinancialOutcome as Record<string, Json>)
      .financialTransfer;
    expect(transfer).toMatchObject({
      suggestedRefundMethods: [
        { __typename: "SuggestedStoreCreditRefund", amount: { shopMoney: { amount: "136.50" } } },
      ],
      suggestedTransactions: [],
    });
    const expiresAt = new Date(store.clock() + 365 * 86_400_000).toISOString();
    const credit = amount(transfer.suggestedRefundMethods[0].amount);
    const processed = await run(PROCESS, {
      input: {
        returnId: ret.id,
        returnLineItems: [
          {
            id: line.id,
            quantity: 1,
            dispositions: [
              {
                reverseFulfillmentOrderLineItemId: nodes(
                  nodes(ret.reverseFulfillmentOrders)[0]!.lineItems,
                )[0]!.id,
                quantity: 1,
                dispositionType: "NOT_RESTOCKED",
              },
            ],
          },
        ],
        financialTransfer: {
          issueRefund: {
            orderTransactions: [],
            refundMethods: [{ storeCreditRefund: { amount: USD(credit), expiresAt } }],
          },
        },
      },
    });
    expect(processed.returnProcess!.userErrors).toEqual([]);
    // What returnCalculate showed (subtotal less the fee) is what the customer got.
    expect(
      Number(calculated.returnLineItems[0].subtotalSet.shopMoney.amount) -
        Number(calculated.returnLineItems[0].restockingFee.amountSet.shopMoney.amount),
    ).toBe(Number(credit));
    expect(ledger(order.id)).toEqual([
      "return.create",
      "return.fee 58.50",
      "store_credit 136.50",
      "return.process",
    ]);
    const maya = shop.customers.find((c) => c.email === "maya@example.com")!;
    expect(shop.storeCredit.get(maya.id)).toBe(13650);
    const accounts = nodes(
      ((await run(CUSTOMER_CREDIT, { id: maya.id })).customer as Record<string, Json>)
        .storeCreditAccounts,
    );
    expect(accounts[0]).toMatchObject({
      balance: { amount: "136.50", currencyCode: "USD" },
      transactions: {
        nodes: [
          {
            __typename: "StoreCreditAccountCreditTransaction",
            amount: { amount: "136.50" },
            event: "ORDER_REFUND",
            origin: { gateway: "shopify_store_credit" },
            expiresAt,
          },
        ],
      },
    });
    expect(
      ((await run(ORDER, { id: order.id })).order as Record<string, Json>).totalOutstandingSet
        .shopMoney.amount,
    ).toBe("0.00");
    expect((await run(ACCOUNT, { id: accounts[0]!.id })).storeCreditAccount).toMatchObject({
      owner: { id: maya.id },
    });
    const tooMuch = await run(DEBIT, { id: accounts[0]!.id, d: { debitAmount: USD("200.00") } });
    expect(tooMuch.storeCreditAccountDebit!.userErrors[0]).toMatchObject({
      code: "INSUFFICIENT_FUNDS",
    });
    const debited = await run(DEBIT, { id: maya.id, d: { debitAmount: USD("36.50") } });
    expect(debited.storeCreditAccountDebit!.storeCreditAccountTransaction).toEqual({
      amount: { amount: "-36.50" },
      balanceAfterTransaction: { amount: "100.00" },
    });
  });

  it("previews with returnCalculate exactly what returnProcess then refunds, discounts and fees included", async () => {
    const { run, delivered, ledger, store, shop } = setup();
    createDiscountCode(store, shop, {
      code: "WELCOME20",
      customerGets: { value: { discountAmount: { amount: "20.00" } } },
    });
    const order = delivered(["little-black-heels", "forever-flat"], "maya@example.com", {
      discountCode: "WELCOME20",
    });
    const flat = (await fulfillmentLineItems(run, order.id)).find(
      (f) => f.lineItemId === order.lines[1]!.id,
    )!;
    const input = {
      orderId: order.id,
      returnLineItems: [{ fulfillmentLineItemId: flat.id, quantity: 1 }],
      returnShippingFee: { amount: USD("12.99") },
    };
    const calculated = (await run(CALCULATE, { input })).returnCalculate as Record<string, Json>;
    expect(calculated.returnLineItems[0]).toMatchObject({
      subtotalBeforeOrderDiscountsSet: { shopMoney: { amount: "195.00" } },
      subtotalSet: { shopMoney: { amount: "186.13" } },
    });
    expect(calculated.returnShippingFee.amountSet.shopMoney.amount).toBe("12.99");
    const preview = Math.round(
      Number(calculated.returnLineItems[0].subtotalSet.shopMoney.amount) * 100 -
        Number(calculated.returnShippingFee.amountSet.shopMoney.amount) * 100,
    );
    const ret = returnOf(
      await run(CREATE, {
        input: {
          ...input,
          returnLineItems: input.returnLineItems.map((l) => ({ ...l, returnReason: "STYLE" })),
        },
      }),
      "returnCreate",
    );
    const line = nodes(ret.returnLineItems)[0]!;
    const suggested = (
      await run(OUTCOME, { id: ret.id, lines: [{ id: line.id, quantity: 1 }], exchanges: [] })
    ).return!.suggestedFinancialOutcome as Record<string, Json>;
    expect(suggested.totalCartDiscountAmount.shopMoney.amount).toBe("8.87");
    expect(Math.round(Number(suggested.financialTransfer.amount.shopMoney.amount) * 100)).toBe(
      preview,
    );
    const refund = suggested.financialTransfer.suggestedTransactions.map((t: Json) => ({
      parentId: t.parentTransaction.id,
      transactionAmount: USD(t.amountSet.shopMoney.amount),
    }));
    const processed = await run(PROCESS, {
      input: {
        returnId: ret.id,
        returnLineItems: [{ id: line.id, quantity: 1 }],
        financialTransfer: { issueRefund: { orderTransactions: refund } },
      },
    });
    expect(processed.returnProcess!.userErrors).toEqual([]);
    expect(ledger(order.id)).toEqual([
      "return.create",
      "return.fee 12.99",
      `refund ${(preview / 100).toFixed(2)}`,
      "return.process",
    ]);
    expect(
      ((await run(ORDER, { id: order.id })).order as Record<string, Json>).totalOutstandingSet
        .shopMoney.amount,
    ).toBe("0.00");
  });

  it("declines a final-sale request once, with the reason, and the items become returnable again", async () => {
    const { run, delivered, webhooks, ledger } = setup();
    const order = delivered(["last-call-pump"]);
    const [fli] = await fulfillmentLineItems(run, order.id);
    const request = () =>
      run(REQUEST, {
        input: {
          orderId: order.id,
          returnLineItems: [
            { fulfillmentLineItemId: fli!.id, quantity: 1, returnReason: "UNWANTED" },
          ],
        },
      });
    const ret = returnOf(await request(), "returnRequest");
    expect((await request()).returnRequest!.userErrors[0]).toMatchObject({
      code: "LESS_THAN_OR_EQUAL_TO",
    }); // already in a return
    const long = await run(DECLINE, {
      input: { id: ret.id, declineReason: "FINAL_SALE", declineNote: "x".repeat(501) },
    });
    expect(long.returnDeclineRequest!.userErrors[0]).toMatchObject({
      code: "TOO_LONG",
      field: ["input", "declineNote"],
    });
    const note = "Final sale items can't be returned (see our returns policy).";
    const declined = await run(DECLINE, {
      input: { id: ret.id, declineReason: "FINAL_SALE", declineNote: note, notifyCustomer: true },
    });
    expect(declined.returnDeclineRequest).toMatchObject({
      return: { status: "DECLINED", decline: { reason: "FINAL_SALE", note } },
      userErrors: [],
    });
    expect(webhooks("returns/decline")[0]).toMatchObject({
      status: "declined",
      decline: { reason: "final_sale", note },
    });
    const again = await run(DECLINE, { input: { id: ret.id, declineReason: "OTHER" } });
    expect(again.returnDeclineRequest!.userErrors[0]).toMatchObject({ code: "INVALID_STATE" });
    expect(await fulfillmentLineItems(run, order.id)).toEqual([{ ...fli, quantity: 1 }]);
    expect(ledger(order.id)).toEqual(["return.request", "return.decline"]);
  });

  it("refuses what Shopify refuses: unshipped lines, too many units, a requested return processed, bad money", async () => {
    const { run, sandbox, shop } = setup();
    const giftCardVariant = shop.products.find((p) => p.handle === "gift-card")!.variants[0]!;
    const order = sandbox.lifecycle.placeOrder(SHOP, {
      customerEmail: "maya@example.com",
      lines: [
        { handle: "pop-of-color", size: "8" },
        { handle: "bridal-heels", size: "8" },
        { variantId: giftCardVariant.id },
      ],
    });
    sandbox.lifecycle.fulfil(SHOP, order.id, [order.lines[0]!.id, order.lines[2]!.id]);
    const shipped = await fulfillmentLineItems(run, order.id);
    expect(shipped.map((f) => f.lineItemId)).toEqual([order.lines[0]!.id]); // the gift card is never returnable
    const create = async (returnLineItems: unknown[], extra: Record<string, unknown> = {}) =>
      (await run(CREATE_CHECK, { input: { orderId: order.id, returnLineItems, ...extra } }))
        .returnCreate!;
    // The bridal heels never shipped: no fulfillment line item to name.
    expect(
      (await create([{ fulfillmentLineItemId: order.lines[1]!.id, quantity: 1 }])).userErrors[0],
    ).toMatchObject({
      code: "NOT_FOUND",
      field: ["returnInput", "returnLineItems", "0", "fulfillmentLineItemId"],
    });
    const giftCard = order.fulfillments[0]!.fulfillmentLineItems.find(
      (f) => f.lineItemId === order.lines[2]!.id,
    )!;
    expect(
      (await create([{ fulfillmentLineItemId: giftCard.id, quantity: 1 }])).userErrors[0],
    ).toMatchObject({ code: "INVALID" });
    expect(
      (await create([{ fulfillmentLineItemId: shipped[0]!.id, quantity: 2 }])).userErrors[0],
    ).toMatchObject({ code: "LESS_THAN_OR_EQUAL_TO" });
    expect(
      (
        await create([
          {
            fulfillmentLineItemId: shipped[0]!.id,
            quantity: 1,
            restockingFee: { percentage: 130 },
          },
        ])
      ).userErrors[0],
    ).toMatchObject({ code: "LESS_THAN_OR_EQUAL_TO" });
    expect(
      (
        await create([{ fulfillmentLineItemId: shipped[0]!.id, quantity: 1 }], {
          returnShippingFee: { amount: { amount: "5.00", currencyCode: "CAD" } },
        })
      ).userErrors[0],
    ).toMatchObject({ code: "INVALID" });
    expect((await create([])).userErrors[0]).toMatchObject({ code: "BLANK" });
    const requested = returnOf(
      await run(REQUEST, {
        input: {
          orderId: order.id,
          returnLineItems: [{ fulfillmentLineItemId: shipped[0]!.id, quantity: 1 }],
        },
      }),
      "returnRequest",
    );
    const lineId = nodes(requested.returnLineItems)[0]!.id;
    const early = await run(PROCESS_CHECK, {
      input: { returnId: requested.id, returnLineItems: [{ id: lineId, quantity: 1 }] },
    });
    expect(early.returnProcess!.userErrors[0]).toMatchObject({ code: "INVALID_STATE" });
    await run(APPROVE, { input: { id: requested.id } });
    const sale = order.transactions[0]!;
    const over = await run(PROCESS_CHECK, {
      input: {
        returnId: requested.id,
        returnLineItems: [{ id: lineId, quantity: 1 }],
        financialTransfer: {
          issueRefund: {
            orderTransactions: [{ parentId: sale.id, transactionAmount: USD("9999.00") }],
          },
        },
      },
    });
    expect(over.returnProcess!.userErrors[0]).toMatchObject({ code: "LESS_THAN_OR_EQUAL_TO" });
    const twice = await run(PROCESS_CHECK, {
      input: { returnId: requested.id, returnLineItems: [{ id: lineId, quantity: 2 }] },
    });
    expect(twice.returnProcess!.userErrors[0]).toMatchObject({ code: "LESS_THAN_OR_EQUAL_TO" });
    const restock = await run(PROCESS_CHECK, {
      input: {
        returnId: requested.id,
        returnLineItems: [
          {
            id: lineId,
            quantity: 1,
            dispositions: [
              {
                reverseFulfillmentOrderLineItemId:
                  "gid://shopify/ReverseFulfillmentOrderLineItem/1",
                quantity: 1,
                dispositionType: "RESTOCKED",
              },
            ],
          },
        ],
      },
    });
    expect(restock.returnProcess!.userErrors[0]).toMatchObject({ code: "NOT_FOUND" });
    expect(
      (await run(APPROVE, { input: { id: requested.id } })).returnApproveRequest!.userErrors[0],
    ).toMatchObject({ code: "INVALID_STATE" });
    expect(
      (await run(REMOVE, { id: requested.id, lines: [{ returnLineItemId: lineId, quantity: 1 }] }))
        .removeFromReturn!.userErrors[0],
    ).toMatchObject({ code: "INVALID" });
    expect(returnOf(await run(CANCEL, { id: requested.id }), "returnCancel").status).toBe(
      "CANCELED",
    );
    expect(await fulfillmentLineItems(run, order.id)).toHaveLength(1); // returnable again
  });

  it("reads what a returns policy needs from the order: prices, discounts, tags, compare-at, channel, country", async () => {
    const { run, delivered, shop } = setup();
    const order = delivered(["sunset-slingback"], "amelia@example.co.uk", {
      sourceName: "nordstrom",
    });
    const view = (await run(ORDER, { id: order.id })).order as Record<string, Json>;
    const amelia = shop.customers.find((c) => c.email === "amelia@example.co.uk")!;
    expect(view).toMatchObject({
      sourceName: "nordstrom",
      customer: { id: amelia.id },
      shippingAddress: { countryCodeV2: "GB" },
      returnStatus: "NO_RETURN",
    });
    expect(nodes(view.lineItems)[0]).toMatchObject({
      isGiftCard: false,
      originalUnitPriceSet: { shopMoney: { amount: "171.50" } },
      discountedUnitPriceSet: { shopMoney: { amount: "171.50" } },
      discountAllocations: [],
      sellingPlan: null,
      product: { tags: ["sale", "slingback"], productType: "Heels", isGiftCard: false },
      variant: { compareAtPrice: "245.00" },
    });
    expect(view.fulfillments[0]).toMatchObject({
      displayStatus: "DELIVERED",
      deliveredAt: expect.any(String),
      fulfillmentLineItems: { nodes: [{ quantity: 1, lineItem: { id: order.lines[0]!.id } }] },
    });
    const handles = shop.products.map((p) => [p.handle, p.tags.join(",")]);
    expect(handles).toEqual(
      expect.arrayContaining([
        ["last-call-pump", "final-sale,sale"],
        ["sample-pump", "sample"],
        ["gift-card", "gift-card"],
      ]),
    );
    expect(shop.products.find((p) => p.handle === "gift-card")).toMatchObject({
      productType: "Gift Card",
      isGiftCard: true,
    });
    const reasons = await run(REASONS, { handles: ["too-small", "damaged"] });
    expect(nodes(reasons.returnReasonDefinitions).map((r) => r.handle)).toEqual([
      "too-small",
      "damaged",
    ]);
    expect(nodes((await run(LOCATIONS)).locations)[0]!.id).toBe("gid://shopify/Location/1");
  });

  it("switches the shop between new and classic customer accounts and issues a gift card as the fallback", async () => {
    const { run, control, shop, ledger } = setup();
    expect((await run(SHOP_ACCOUNTS)).shop).toEqual({
      customerAccountsV2: { customerAccountsVersion: "NEW_CUSTOMER_ACCOUNTS" },
    });
    expect((await control("/customer-accounts", { version: "classic" })).body).toMatchObject({
      customerAccountsVersion: "CLASSIC",
    });
    expect((await run(SHOP_ACCOUNTS)).shop).toEqual({
      customerAccountsV2: { customerAccountsVersion: "CLASSIC" },
    });
    const olivia = shop.customers.find((c) => c.email === "olivia@example.com")!;
    const card = await run(GIFT_CARD, {
      input: {
        initialAmount: USD("136.50"),
        customerId: olivia.id,
        code: "RETURN4242ABCD",
        note: "Return #1001-R1 as store credit",
      },
    });
    expect(card.giftCardCreate).toMatchObject({
      giftCard: {
        balance: { amount: "136.50" },
        lastCharacters: "abcd",
        customer: { id: olivia.id },
      },
      giftCardCode: "return4242abcd",
      userErrors: [],
    });
    expect(
      (await run(GIFT_CARD, { input: { initialAmount: USD("10.00"), code: "return4242ABCD" } }))
        .giftCardCreate!.userErrors[0],
    ).toMatchObject({ code: "TAKEN" });
    expect(
      (await run(GIFT_CARD, { input: { initialAmount: USD("10.00"), code: "short" } }))
        .giftCardCreate!.userErrors[0],
    ).toMatchObject({ code: "TOO_SHORT" });
    expect(ledger()).toEqual(["gift_card 136.50"]);
    const state = (await control("/state", {}, "GET")).body;
    expect(state).toMatchObject({
      customerAccountsVersion: "CLASSIC",
      giftCards: [{ balance: "136.50", lastCharacters: "abcd" }],
    });
  });

  it("keeps the control API's return steps, on the same return model, and buys a prepaid label from the carrier stand-in", async () => {
    const { run, control, delivered, ledger, sandbox } = setup();
    const order = delivered(["pop-of-color"]);
    const id = order.legacyId;
    expect(
      (
        await control(`/orders/${id}/returns`, {
          exchange: [{ handle: "pop-of-color", size: "8.5" }],
        })
      ).status,
    ).toBe(200);
    expect((await control(`/orders/${id}/process-return`)).body.error).toBe(
      "returnId: a requested return cannot be processed",
    );
    await control(`/orders/${id}/approve-return`);
    const ret = order.returns[0]!;
    const label = await control("/carrier/labels", { orderId: order.id });
    expect(label).toMatchObject({
      status: 201,
      body: { carrier: "USPS", cost: "8.95", direction: "return" },
    });
    const rfo = ret.reverseFulfillmentOrders[0]!;
    const attached = await run(REVERSE_DELIVERY, {
      rfo: rfo.id,
      lines: [{ reverseFulfillmentOrderLineItemId: rfo.lines[0]!.id, quantity: 1 }],
      tracking: { number: label.body.trackingNumber, url: label.body.trackingUrl },
      label: { fileUrl: label.body.labelUrl },
    });
    expect(attached.reverseDeliveryCreateWithShipping).toMatchObject({
      reverseDelivery: {
        deliverable: {
          label: { publicFileUrl: label.body.labelUrl },
          tracking: { carrierName: "USPS" },
        },
      },
      userErrors: [],
    });
    const pdf = await sandbox.handle(
      new Request(label.body.labelUrl.replace(/^http:\/\/[^/]+/, "http://sandbox")),
    );
    expect([pdf.status, pdf.headers.get("content-type")]).toEqual([200, "application/pdf"]);
    await control(`/reverse-deliveries/${ret.id.split("/").pop()}/scan`, { status: "in_transit" });
    expect(
      (await control(`/carrier/tracking/${label.body.trackingNumber}`, {}, "GET")).body,
    ).toMatchObject({ carrier: "USPS", status: "in_transit" });
    await control(`/orders/${id}/process-return`);
    await control(`/orders/${id}/close-return`);
    const seen = (
      await run(`query ControlReturn($id: ID!) { return(id: $id) { ${RETURN_FIELDS} } }`, {
        id: ret.id,
      })
    ).return as Record<string, Json>;
    expect(seen).toMatchObject({
      status: "CLOSED",
      returnLineItems: { nodes: [{ processedQuantity: 1 }] },
      exchangeLineItems: {
        nodes: [{ processedQuantity: 1, lineItems: [{ id: order.lines[1]!.id }] }],
      },
    });
    expect(ledger(order.id)).toEqual(["carrier.label 8.95", "return.label"]); // the steps are not the app's
    expect(order.refunds).toEqual([]); // process-return leaves the refund to the app
  });
});

describe("sandbox returns webhooks", () => {
  const received: { id: string; topic: string; valid: boolean }[] = [];
  let server: http.Server;
  let url = "";
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const hmac = crypto
          .createHmac("sha256", "returns-secret")
          .update(Buffer.concat(chunks))
          .digest("base64");
        received.push({
          id: String(req.headers["x-shopify-webhook-id"]),
          topic: String(req.headers["x-shopify-topic"]),
          valid: hmac === req.headers["x-shopify-hmac-sha256"],
        });
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it("delivers an Admin call's return webhook twice with the same webhook id in duplicate mode, signed", async () => {
    const { run, control, delivered, sandbox } = setup(url);
    const order = delivered(["forever-flat"]);
    expect((await control("/webhooks/mode", { mode: "duplicate" })).body).toMatchObject({
      webhookMode: "duplicate",
    });
    const [fli] = await fulfillmentLineItems(run, order.id);
    await run(REQUEST, {
      input: {
        orderId: order.id,
        returnLineItems: [{ fulfillmentLineItemId: fli!.id, quantity: 1 }],
      },
    });
    await expect.poll(() => received.filter((r) => r.topic === "returns/request").length).toBe(2);
    const [first, second] = received.filter((r) => r.topic === "returns/request");
    expect(first!.id).toBe(second!.id);
    expect(first!.valid && second!.valid).toBe(true);
    const delivery = sandbox.outbox.deliveries.find((d) => d.topic === "returns/request")!;
    expect(delivery).toMatchObject({
      mode: "duplicate",
      status: "delivered",
      responses: [200, 200],
    });
    // Hold mode keeps the next ones back until released.
    await control("/webhooks/mode", { mode: "hold" });
    await run(APPROVE, { input: { id: order.returns[0]!.id } });
    expect(sandbox.outbox.deliveries.find((d) => d.topic === "returns/approve")!.status).toBe(
      "held",
    );
    expect((await control("/webhooks/release")).body).toEqual({ released: 1 });
  });
});

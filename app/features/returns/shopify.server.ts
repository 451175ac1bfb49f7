import { toDecimalString } from "~/domain/money";
import {
  adminRequest,
  assertNoUserErrors,
  type AdminGraphql,
  type OperationData,
} from "~/platform/admin/client.server";
import { TerminalJobError } from "~/platform/jobs/errors.server";
import {
  RETURNS_APPROVE_MUTATION,
  RETURNS_CANCEL_MUTATION,
  RETURNS_CLOSE_MUTATION,
  RETURNS_CREATE_MUTATION,
  RETURNS_DECLINE_MUTATION,
  RETURNS_ORDER_RETURNS_QUERY,
  RETURNS_PROCESS_MUTATION,
  RETURNS_REMOVE_LINES_MUTATION,
  RETURNS_RETURN_QUERY,
  RETURNS_REVERSE_DELIVERY_MUTATION,
} from "./graphql";
import { RETURNS_REFUND_CONTEXT_QUERY } from "./order-graphql";

// Shopify's side of a return, one call per function: each is a step the return's job performs
// under an effect key (advance.server.ts), with what a retry needs to find out whether an earlier
// attempt landed.

export type ShopifyReturn = NonNullable<OperationData<typeof RETURNS_RETURN_QUERY>["return"]>;

const usd = (amount: number, currency: string) => ({
  amount: toDecimalString({ amount, currency }),
  currencyCode: currency as never,
});

export async function readReturn(graphql: AdminGraphql, returnGid: string) {
  const { return: ret } = await adminRequest(graphql, RETURNS_RETURN_QUERY, { id: returnGid });
  if (!ret) throw new TerminalJobError(`return ${returnGid} not found`);
  return ret;
}

export interface NewReturn {
  orderGid: string;
  currency: string;
  lines: {
    fulfillmentLineItemGid: string;
    quantity: number;
    reason: string | null;
    note: string | null;
  }[];
  exchanges: { variantGid: string; quantity: number; discountMinor: number }[];
  /** The handling fee, kept from the refund as Shopify's return shipping fee (ADR 0010). */
  handlingFeeMinor: number;
}

export async function createReturn(
  graphql: AdminGraphql,
  input: NewReturn,
): Promise<ShopifyReturn> {
  const data = await adminRequest(graphql, RETURNS_CREATE_MUTATION, {
    input: {
      orderId: input.orderGid,
      notifyCustomer: true,
      returnLineItems: input.lines.map((l) => ({
        fulfillmentLineItemId: l.fulfillmentLineItemGid,
        quantity: l.quantity,
        ...(l.reason ? { returnReason: l.reason as never } : {}),
        ...(l.note ? { returnReasonNote: l.note.slice(0, 255) } : {}),
      })),
      exchangeLineItems: input.exchanges.map((e) => ({
        variantId: e.variantGid,
        quantity: e.quantity,
        giftCardCodes: [],
        ...(e.discountMinor > 0
          ? {
              appliedDiscount: {
                description: "Exchange for what was paid",
                value: { amount: usd(e.discountMinor, input.currency) },
              },
            }
          : {}),
      })),
      ...(input.handlingFeeMinor > 0
        ? { returnShippingFee: { amount: usd(input.handlingFeeMinor, input.currency) } }
        : {}),
    },
  });
  assertNoUserErrors("returnCreate", data.returnCreate?.userErrors);
  const ret = data.returnCreate?.return;
  if (!ret) throw new TerminalJobError("returnCreate returned no return");
  return ret;
}

/** The order's return holding exactly these lines, not one of `known` (a lost answer's retry). */
export async function findCreatedReturn(
  graphql: AdminGraphql,
  orderGid: string,
  lineItemGids: string[],
  known: string[],
): Promise<ShopifyReturn | undefined> {
  const { order } = await adminRequest(graphql, RETURNS_ORDER_RETURNS_QUERY, { id: orderGid });
  const wanted = [...lineItemGids].sort().join(",");
  const found = order?.returns.nodes.find(
    (r) =>
      !known.includes(r.id) &&
      r.returnLineItems.nodes
        .map((l) => ("fulfillmentLineItem" in l ? l.fulfillmentLineItem.lineItem.id : ""))
        .sort()
        .join(",") === wanted,
  );
  return found ? readReturn(graphql, found.id) : undefined;
}

export async function approveRequest(graphql: AdminGraphql, returnGid: string) {
  const data = await adminRequest(graphql, RETURNS_APPROVE_MUTATION, {
    input: { id: returnGid, notifyCustomer: true },
  });
  assertNoUserErrors("returnApproveRequest", data.returnApproveRequest?.userErrors);
  const ret = data.returnApproveRequest?.return;
  if (!ret) throw new TerminalJobError("returnApproveRequest returned no return");
  return ret;
}

export async function declineRequest(
  graphql: AdminGraphql,
  returnGid: string,
  reason: "FINAL_SALE" | "RETURN_PERIOD_ENDED" | "OTHER",
  note: string,
) {
  const data = await adminRequest(graphql, RETURNS_DECLINE_MUTATION, {
    input: {
      id: returnGid,
      declineReason: reason,
      declineNote: note.slice(0, 500),
      notifyCustomer: true,
    },
  });
  const errors = data.returnDeclineRequest?.userErrors ?? [];
  // Declined already (in the admin, or before a late returns/request reached us): the state we
  // wanted is the state Shopify has, so there is nothing left to do.
  if (errors.some((e) => e.code === "INVALID_STATE")) {
    const ret = await readReturn(graphql, returnGid);
    if (ret.status === "DECLINED") return "DECLINED";
  }
  assertNoUserErrors("returnDeclineRequest", errors);
  return data.returnDeclineRequest?.return?.status ?? "DECLINED";
}

/** Label and/or tracking for the parcel coming back, on the return's reverse fulfillment order. */
export async function attachReverseDelivery(
  graphql: AdminGraphql,
  ret: ShopifyReturn,
  shipping: {
    labelUrl?: string | null;
    trackingNumber?: string | null;
    trackingUrl?: string | null;
  },
) {
  const rfo = ret.reverseFulfillmentOrders.nodes[0];
  if (!rfo) throw new TerminalJobError(`return ${ret.id} has no reverse fulfillment order`);
  const data = await adminRequest(graphql, RETURNS_REVERSE_DELIVERY_MUTATION, {
    reverseFulfillmentOrderId: rfo.id,
    lines: rfo.lineItems.nodes.map((l) => ({
      reverseFulfillmentOrderLineItemId: l.id,
      quantity: l.totalQuantity,
    })),
    tracking:
      shipping.trackingNumber || shipping.trackingUrl
        ? { number: shipping.trackingNumber ?? null, url: shipping.trackingUrl ?? null }
        : null,
    label: shipping.labelUrl ? { fileUrl: shipping.labelUrl } : null,
  });
  assertNoUserErrors(
    "reverseDeliveryCreateWithShipping",
    data.reverseDeliveryCreateWithShipping?.userErrors,
  );
  const id = data.reverseDeliveryCreateWithShipping?.reverseDelivery?.id;
  if (!id) throw new TerminalJobError("reverseDeliveryCreateWithShipping returned no delivery");
  return id;
}

export async function removeFromReturn(
  graphql: AdminGraphql,
  returnGid: string,
  lines: { returnLineItemGid: string; quantity: number }[],
) {
  const data = await adminRequest(graphql, RETURNS_REMOVE_LINES_MUTATION, {
    id: returnGid,
    lines: lines.map((l) => ({ returnLineItemId: l.returnLineItemGid, quantity: l.quantity })),
  });
  assertNoUserErrors("removeFromReturn", data.removeFromReturn?.userErrors);
}

export async function refundContext(graphql: AdminGraphql, orderGid: string) {
  const data = await adminRequest(graphql, RETURNS_REFUND_CONTEXT_QUERY, { id: orderGid });
  const payments = (data.order?.transactions ?? []).filter(
    (t) => (t.kind === "SALE" || t.kind === "CAPTURE") && t.status === "SUCCESS",
  );
  return {
    payments,
    newCustomerAccounts:
      data.shop.customerAccountsV2.customerAccountsVersion === "NEW_CUSTOMER_ACCOUNTS",
    locationGid: data.locations.nodes[0]?.id ?? null,
  };
}

export interface ProcessInput {
  returnGid: string;
  currency: string;
  lines: {
    returnLineItemGid: string;
    reverseLineGid: string;
    quantity: number;
    restock: boolean;
  }[];
  exchanges: { exchangeLineItemGid: string; quantity: number }[];
  refunds: { parentGid: string; amountMinor: number }[];
  storeCreditMinor: number;
  locationGid: string | null;
}

export async function processReturn(graphql: AdminGraphql, input: ProcessInput) {
  const refund = input.refunds.length > 0 || input.storeCreditMinor > 0;
  const data = await adminRequest(graphql, RETURNS_PROCESS_MUTATION, {
    input: {
      returnId: input.returnGid,
      notifyCustomer: true,
      refundDuties: [],
      returnLineItems: input.lines.map((l) => ({
        id: l.returnLineItemGid,
        quantity: l.quantity,
        dispositions: [
          {
            reverseFulfillmentOrderLineItemId: l.reverseLineGid,
            quantity: l.quantity,
            dispositionType:
              l.restock && input.locationGid ? ("RESTOCKED" as const) : ("NOT_RESTOCKED" as const),
            ...(l.restock && input.locationGid ? { locationId: input.locationGid } : {}),
          },
        ],
      })),
      exchangeLineItems: input.exchanges.map((e) => ({
        id: e.exchangeLineItemGid,
        quantity: e.quantity,
      })),
      ...(refund
        ? {
            financialTransfer: {
              issueRefund: {
                orderTransactions: input.refunds.map((r) => ({
                  parentId: r.parentGid,
                  transactionAmount: usd(r.amountMinor, input.currency),
                })),
                refundMethods:
                  input.storeCreditMinor > 0
                    ? [
                        {
                          storeCreditRefund: {
                            amount: usd(input.storeCreditMinor, input.currency),
                          },
                        },
                      ]
                    : [],
              },
            },
          }
        : {}),
    },
  });
  assertNoUserErrors("returnProcess", data.returnProcess?.userErrors);
  const ret = data.returnProcess?.return;
  if (!ret) throw new TerminalJobError("returnProcess returned no return");
  return ret;
}

export async function closeReturn(graphql: AdminGraphql, returnGid: string) {
  const data = await adminRequest(graphql, RETURNS_CLOSE_MUTATION, { id: returnGid });
  const errors = data.returnClose?.userErrors ?? [];
  // Closed already (by the merchant in Shopify, or an earlier attempt): that is the goal.
  if (errors.some((e) => e.code === "INVALID_STATE")) return "CLOSED";
  assertNoUserErrors("returnClose", errors);
  return data.returnClose?.return?.status ?? "CLOSED";
}

export async function cancelReturn(graphql: AdminGraphql, returnGid: string) {
  const data = await adminRequest(graphql, RETURNS_CANCEL_MUTATION, { id: returnGid });
  assertNoUserErrors("returnCancel", data.returnCancel?.userErrors);
  return data.returnCancel?.return?.status ?? "CANCELED";
}

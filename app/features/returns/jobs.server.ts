import { gidFor } from "~/platform/webhooks/json";
import type { WebhookHandler } from "~/platform/webhooks/types";
import type { PolicyJobHandler } from "~/policy-module";
import prisma from "~/db.server";
import { advanceReturnCase } from "./advance.server";
import { RETURNS_ADVANCE_JOB, addReturnEvent, recordReturnFact } from "./case.server";
import { now } from "~/platform/clock.server";
import { RETURNS_INTAKE_JOB } from "./facts.server";
import { RETURNS_SNAPSHOT_JOB } from "./intake.server";
import { openReturnCase, ReturnRequestError, type ReturnLineRequest } from "./open.server";
import { keptCheck, RETURNS_KEPT_CHECK_JOB } from "./kept-purchases.server";
import { readReturn } from "./shopify.server";
import { snapshotOrder } from "./snapshot.server";

// Returns' jobs: a return's next steps, an order's snapshot (what the orders/create webhook does
// not carry), and a return asked for in Shopify's customer accounts, read from Shopify and put
// through the same rules as the portal's.

export const returnsJobs: Record<string, PolicyJobHandler> = {
  [RETURNS_KEPT_CHECK_JOB]: keptCheck,
  [RETURNS_ADVANCE_JOB]: async (context) => {
    const { caseId } = context.payload as { caseId: string };
    await advanceReturnCase(
      { id: caseId, shop: context.shop },
      await context.admin(),
      context.log.child({ caseId }),
    );
  },
  [RETURNS_SNAPSHOT_JOB]: async (context) => {
    const { orderGid } = context.payload as { orderGid: string };
    await snapshotOrder(context.shop, orderGid, await context.admin());
  },
  [RETURNS_INTAKE_JOB]: async (context) => {
    const { shop } = context;
    const { returnGid, orderGid } = context.payload as { returnGid: string; orderGid: string };
    if (await prisma.returnCase.findUnique({ where: { shop_returnGid: { shop, returnGid } } }))
      return;
    const graphql = await context.admin();
    const order =
      (await prisma.returnOrder.findUnique({
        where: { shop_orderGid: { shop, orderGid } },
        include: { lines: true },
      })) ?? (await snapshotOrder(shop, orderGid, graphql));
    if (!order)
      return context.log.warn(
        { returnGid },
        "return on an order Shopify does not show: left to the merchant",
      );
    const ret = await readReturn(graphql, returnGid);
    const lineGids: Record<string, string> = {};
    const lines: ReturnLineRequest[] = [];
    for (const r of ret.returnLineItems.nodes) {
      if (!("fulfillmentLineItem" in r)) continue;
      const lineItemGid = r.fulfillmentLineItem.lineItem.id;
      const known = order.lines.find((l) => l.lineItemGid === lineItemGid);
      // Trial-box lines and fitting pairs go through their own flows (their features read the
      // same webhooks), never through these rules.
      if (known?.purchaseOption === "trial" || known?.purchaseOption === "fitting_pair") continue;
      lineGids[lineItemGid] = r.id;
      lines.push({
        lineItemGid,
        quantity: r.quantity,
        reason: r.returnReason ?? null,
        reasonNote: r.customerNote ?? r.returnReasonNote ?? null,
        outcome: "refund",
      });
    }
    if (lines.length === 0)
      return context.log.info({ returnGid }, "return of trial or fitting-pair lines: not ours");
    try {
      await openReturnCase(shop, order.id, "customer_account", lines, {
        returnGid,
        returnName: ret.name,
        lineGids,
      });
    } catch (error) {
      if (!(error instanceof ReturnRequestError)) throw error;
      // Lines the return cannot hold (already returned, unknown): the merchant sees why.
      context.log.warn(
        { returnGid, field: error.field, reason: error.message },
        "customer-account return not opened",
      );
    }
  },
};

/** reverse_deliveries/attach_deliverable: a label or tracking added (by the app or in Shopify). */
export const reverseDeliveryAttached: WebhookHandler = async ({ shop, payload, log }) => {
  const returnGid =
    (payload.return as { admin_graphql_api_id?: string } | undefined)?.admin_graphql_api_id ??
    gidFor("Return", payload.return_id);
  if (!returnGid) return log.warn("reverse delivery payload without a return ignored");
  const c = await prisma.returnCase.findUnique({ where: { shop_returnGid: { shop, returnGid } } });
  if (!c) return;
  const id = typeof payload.admin_graphql_api_id === "string" ? payload.admin_graphql_api_id : null;
  const tracking = (
    payload.shipping_deliverable as
      { tracking?: { tracking_number?: string | null; tracking_url?: string | null } } | undefined
  )?.tracking;
  const event = {
    kind: "shopify.reverse_delivery",
    message: `Shopify: ${tracking?.tracking_number ? `tracking ${tracking.tracking_number}` : "a label"} on the return`,
    dedupeKey: `reverse-delivery:${id ?? "unknown"}`,
  };
  // Tracking the merchant added in Shopify is the return's tracking, if it had none.
  if (tracking?.tracking_number && !c.trackingNumber)
    await recordReturnFact(
      c,
      {
        trackingNumber: tracking.tracking_number,
        trackingUrl: tracking.tracking_url ?? null,
        trackingAttachedAt: now(),
        reverseDeliveryGid: id,
      },
      event,
      { trackingNumber: null },
    );
  else await addReturnEvent(prisma, c, event);
};

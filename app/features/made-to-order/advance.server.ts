import crypto from "node:crypto";
import type { MtoCase } from "@prisma/client";
import type { Logger } from "pino";
import prisma from "~/db.server";
import { startOfLocalDay } from "~/domain/calendar";
import { nextMtoAction, type MtoAction, type MtoCase as MtoFacts } from "./domain/next-action";
import { mtoStatus } from "./domain/status";
import { FLOW_TRIGGER_RECEIVE } from "~/graphql/flow";
import { enqueue } from "~/platform/jobs/queue.server";
import { RetryableJobError, TerminalJobError } from "~/platform/jobs/errors.server";
import { now } from "~/platform/clock.server";
import {
  adminRequest,
  assertNoUserErrors,
  type AdminGraphql,
} from "~/platform/admin/client.server";
import { performEffect } from "~/platform/effects.server";
import { mirrorFitProfile } from "~/services/fit-profile.server";
import { addMtoEvent } from "./facts.server";
import type { CaseTerms } from "./domain/terms";
import {
  FIT_HOLD,
  PRODUCTION_HOLD,
  editOrder,
  fetchOrder,
  fittingPairProduct,
  fulfillmentOrderOf,
  type MtoFulfillmentOrder,
  liveLineFor,
  placeHold,
  releaseHold,
  reschedule,
  variantInSize,
} from "./fulfillment.server";

// The `mto.advance` job: ask the domain what the case needs next, perform it on Shopify under an
// effect key (recorded before the call, so a retry or a crash never adds a second fitting pair or
// places a second hold), record the outcome, repeat; on "wait", schedule the next look and stop.

const MAX_STEPS = 10;
const LOCK_MS = 5 * 60_000;

export interface SizeChangeRequest {
  size: string;
  width: string;
  status: "requested" | "needs_merchant";
  reason?: string;
  /** The merchant asked for it: a price difference is theirs to settle with the shopper. */
  byMerchant?: boolean;
}

export const termsOf = (c: MtoCase) => JSON.parse(c.terms) as CaseTerms;
export const sizeChangeOf = (c: MtoCase) =>
  c.sizeChangeRequest ? (JSON.parse(c.sizeChangeRequest) as SizeChangeRequest) : null;

export function mtoFacts(c: MtoCase): MtoFacts {
  return {
    path: c.path as MtoFacts["path"],
    holdPlaced: c.holdPlacedAt !== null,
    scheduled: c.scheduledAt !== null,
    fittingPairDeliveredAt: c.fittingPairDeliveredAt,
    fitConfirmedAt: c.fitConfirmedAt,
    reminderSentAt: c.reminderSentAt,
    escalatedAt: c.escalatedAt,
    fittingPairReturnedAt: c.fittingPairReturnedAt,
    fittingPairOverdueNotifiedAt: c.fittingPairOverdueAt,
    cancelledAt: c.cancelledAt,
    sizeChange: sizeChangeOf(c)?.status ?? "none",
    holdsReleased: c.holdsReleasedAt !== null,
    productionHoldUntil: c.productionHoldGid ? c.scheduledShipDate : null,
  };
}

export function fitLink(c: MtoCase) {
  return `https://${c.shop}/apps/fitting-room/fit?case=${c.id}`;
}

export async function advanceMtoCase(caseId: string, graphql: AdminGraphql, log: Logger) {
  const token = crypto.randomUUID();
  const at = now();
  const { count } = await prisma.mtoCase.updateMany({
    where: { id: caseId, OR: [{ advanceLockedUntil: null }, { advanceLockedUntil: { lt: at } }] },
    data: { advanceLockedBy: token, advanceLockedUntil: new Date(at.getTime() + LOCK_MS) },
  });
  if (count !== 1) {
    if (!(await prisma.mtoCase.findUnique({ where: { id: caseId } })))
      throw new TerminalJobError(`made-to-order case ${caseId} not found`);
    throw new RetryableJobError(`case ${caseId} is being advanced by another job`, 2_000);
  }
  try {
    for (let step = 0; step < MAX_STEPS; step += 1) {
      const c = await prisma.mtoCase.findUniqueOrThrow({ where: { id: caseId } });
      const action = nextMtoAction(mtoFacts(c), termsOf(c), now());
      log.info({ caseId, order: c.orderName, action: action.kind }, "made-to-order next action");
      if (action.kind === "wait") return await settle(c, action);
      await perform(c, action, graphql, log);
    }
    await enqueue({
      type: "mto.advance",
      shop: (await prisma.mtoCase.findUniqueOrThrow({ where: { id: caseId } })).shop,
      payload: { caseId },
      idempotencyKey: `mto:${caseId}:advance:continue:${now().toISOString()}`,
      runAt: new Date(now().getTime() + 60_000),
    });
  } finally {
    await prisma.mtoCase.updateMany({
      where: { id: caseId, advanceLockedBy: token },
      data: { advanceLockedBy: null, advanceLockedUntil: null },
    });
  }
}

/** Stores the derived status and the next look, and asks for that look. */
async function settle(c: MtoCase, action: MtoAction & { kind: "wait" }) {
  const facts = mtoFacts(c);
  const status = mtoStatus({
    path: facts.path,
    fittingPairShippedAt: c.fittingPairShippedAt,
    fitConfirmedAt: c.fitConfirmedAt,
    sizeChange: facts.sizeChange,
    shippedAt: c.shippedAt,
    cancelledAt: c.cancelledAt,
  });
  await prisma.mtoCase.update({
    where: { id: c.id },
    data: { status, nextActionAt: action.until, nextAction: action.reason },
  });
  if (action.until)
    await enqueue({
      type: "mto.advance",
      shop: c.shop,
      payload: { caseId: c.id },
      idempotencyKey: `mto:${c.id}:advance:at:${action.until.toISOString()}`,
      runAt: action.until,
    });
}

async function update(
  c: MtoCase,
  data: Partial<MtoCase>,
  event: { kind: string; message: string; dedupeKey: string; data?: unknown },
) {
  await prisma.$transaction(async (tx) => {
    await tx.mtoCase.update({ where: { id: c.id }, data });
    await addMtoEvent(tx, c, event);
  });
}

async function flow(
  c: MtoCase,
  graphql: AdminGraphql,
  key: string,
  handle: string,
  fields: Record<string, unknown>,
) {
  await performEffect(
    { shop: c.shop, key: `mto:${c.id}:flow:${key}`, kind: "flow.trigger", request: { handle } },
    async () => {
      const data = await adminRequest(graphql, FLOW_TRIGGER_RECEIVE, {
        handle,
        payload: {
          customer_id: c.customerGid?.split("/").pop() ?? null,
          order_id: c.orderGid,
          ...fields,
        },
      });
      assertNoUserErrors("flowTriggerReceive", data.flowTriggerReceive?.userErrors);
      return { fired: true };
    },
  );
}

/**
 * Places one of our holds (told apart by handle) once: a hold already there is ours, and a retry
 * after a lost answer finds it on the fulfillment order instead of placing a second.
 */
async function placeOurHold(
  c: MtoCase,
  graphql: AdminGraphql,
  fo: MtoFulfillmentOrder,
  handle: string,
  reasonNotes: string,
  key: string,
): Promise<string> {
  const onShopify = async () =>
    fulfillmentOrderOf(await fetchOrder(graphql, c.orderGid), c.lineItemGid).fulfillmentHolds.find(
      (h) => h.handle === handle,
    )?.id;
  const existing = fo.fulfillmentHolds.find((h) => h.handle === handle)?.id;
  if (existing) return existing;
  return performEffect(
    { shop: c.shop, key: `mto:${c.id}:${key}`, kind: "fulfillment.hold", request: { fo: fo.id } },
    async () => {
      const placed = await placeHold(graphql, fo.id, handle, reasonNotes);
      const id = placed ?? (await onShopify());
      if (!id) throw new TerminalJobError(`hold ${handle} is neither placed nor on the order`);
      return id;
    },
    { reconcile: onShopify },
  );
}

/** Releases one of our holds; a retry after a lost answer finds the hold gone and stops there. */
function releaseOurHold(c: MtoCase, graphql: AdminGraphql, foGid: string, holdGid: string) {
  return performEffect(
    {
      shop: c.shop,
      key: `mto:${c.id}:release:${holdGid}`,
      kind: "fulfillment.release",
      request: { fo: foGid },
    },
    () => releaseHold(graphql, foGid, holdGid),
    {
      reconcile: async () => {
        const order = await fetchOrder(graphql, c.orderGid);
        const fo = order.fulfillmentOrders.nodes.find((f) => f.id === foGid);
        return fo && !fo.fulfillmentHolds.some((h) => h.id === holdGid) ? fo.status : undefined;
      },
    },
  );
}

const daysSince = (from: Date | null, at: Date) =>
  from ? Math.floor((at.getTime() - from.getTime()) / 86_400_000) : 0;

async function perform(
  c: MtoCase,
  action: Exclude<MtoAction, { kind: "wait" }>,
  graphql: AdminGraphql,
  log: Logger,
) {
  const terms = termsOf(c);
  switch (action.kind) {
    case "hold_and_ship_fitting_pair":
      return holdAndShipFittingPair(c, terms, graphql, log);
    case "change_size":
      return changeSize(c, graphql, log);
    case "schedule_production":
      return scheduleProduction(c, terms, graphql);
    case "release_production_hold": {
      const fo = c.fulfillmentOrderGid;
      if (fo && c.productionHoldGid) await releaseOurHold(c, graphql, fo, c.productionHoldGid);
      return update(
        c,
        { productionHoldGid: null },
        {
          kind: "production.done",
          message: `Production done: released to ship on ${c.scheduledShipDate}`,
          dedupeKey: "production-released",
        },
      );
    }
    case "remind_fit": {
      await flow(c, graphql, "fit-reminder:auto", "fit-reminder-due", {
        "Fit link": fitLink(c),
        "Days waiting": daysSince(c.fittingPairDeliveredAt, now()),
      });
      return update(
        c,
        { reminderSentAt: now(), reminderCount: c.reminderCount + 1 },
        {
          kind: "fit.reminder",
          message: `Fit confirmation reminder sent (${terms.fitReminderAfterDays} days after delivery)`,
          dedupeKey: "reminder:auto",
        },
      );
    }
    case "escalate_fit": {
      const reason = `No fit confirmation ${terms.fitEscalateAfterDays} days after the fitting pair was delivered`;
      await flow(c, graphql, "attention:fit", "made-to-order-attention", { Reason: reason });
      return update(
        c,
        { escalatedAt: now() },
        { kind: "fit.escalated", message: reason, dedupeKey: "escalated" },
      );
    }
    case "fitting_pair_overdue": {
      const reason = `Fitting pair not returned ${terms.fittingPairReturnDays} days after the fit was confirmed`;
      await flow(c, graphql, "attention:fitting-pair", "made-to-order-attention", {
        Reason: reason,
      });
      return update(
        c,
        { fittingPairOverdueAt: now() },
        { kind: "fitting_pair.overdue", message: reason, dedupeKey: "fitting-overdue" },
      );
    }
    case "release_hold_for_cancel": {
      const order = await fetchOrder(graphql, c.orderGid);
      for (const fo of order.fulfillmentOrders.nodes) {
        if (fo.status === "CLOSED" || fo.status === "CANCELLED") continue;
        for (const hold of fo.fulfillmentHolds.filter(
          (h) => h.handle === FIT_HOLD || h.handle === PRODUCTION_HOLD,
        ))
          await releaseOurHold(c, graphql, fo.id, hold.id);
      }
      return update(
        c,
        { holdsReleasedAt: now(), productionHoldGid: null },
        {
          kind: "holds.released",
          message: "Order cancelled: the app's fulfillment holds were released",
          dedupeKey: "holds-released",
        },
      );
    }
  }
}

async function holdAndShipFittingPair(
  c: MtoCase,
  terms: CaseTerms,
  graphql: AdminGraphql,
  log: Logger,
) {
  const order = await fetchOrder(graphql, c.orderGid);
  const fo = fulfillmentOrderOf(order, c.lineItemGid);
  const holdGid = await placeOurHold(
    c,
    graphql,
    fo,
    FIT_HOLD,
    "Made to order: waiting for the shopper to confirm the fit",
    "fit-hold",
  );
  const fittingProduct = await fittingPairProduct(graphql, terms.fittingPairProductId);
  const fitting =
    fittingProduct && c.size ? await variantInSize(graphql, fittingProduct, c.size, c.width) : null;
  if (!fitting) {
    const reason = `No fitting pair in size ${c.variantTitle ?? "?"}: ship one by hand`;
    log.warn({ caseId: c.id }, reason);
    await flow(c, graphql, "attention:no-fitting-pair", "made-to-order-attention", {
      Reason: reason,
    });
    return update(
      c,
      { holdPlacedAt: now(), fitHoldGid: holdGid, fulfillmentOrderGid: fo.id, escalatedAt: now() },
      {
        kind: "fitting_pair.missing",
        message: reason,
        dedupeKey: "fitting-missing",
      },
    );
  }
  const fittingLine = await performEffect(
    {
      shop: c.shop,
      key: `mto:${c.id}:fitting-pair`,
      kind: "order.edit",
      request: { variant: fitting.id },
    },
    () =>
      editOrder(graphql, c.orderGid, {
        addVariantGid: fitting.id,
        staffNote: `Fitting Room: fitting pair ${fitting.title} for ${c.title} ${c.variantTitle ?? ""}`,
      }),
    {
      reconcile: async () =>
        liveLineFor(await fetchOrder(graphql, c.orderGid), fitting.id) ?? undefined,
    },
  );
  return update(
    c,
    {
      holdPlacedAt: now(),
      fitHoldGid: holdGid,
      fulfillmentOrderGid: fo.id,
      fittingPairVariantGid: fitting.id,
      fittingPairLineItemGid: fittingLine,
      fittingPairAddedAt: now(),
      status: "fitting_pair_to_ship",
    },
    {
      kind: "fitting_pair.added",
      message: `Made-to-order pair held; fitting pair ${fitting.title} added to the order to ship now`,
      dedupeKey: "fitting-added",
    },
  );
}

async function changeSize(c: MtoCase, graphql: AdminGraphql, log: Logger) {
  const request = sizeChangeOf(c) as SizeChangeRequest;
  const needsMerchant = (reason: string) =>
    update(
      c,
      { sizeChangeRequest: JSON.stringify({ ...request, status: "needs_merchant", reason }) },
      {
        kind: "size_change.needs_merchant",
        message: `Size change to ${request.size} / ${request.width} needs the merchant: ${reason}`,
        dedupeKey: `size-change-merchant:${request.size}/${request.width}:${now().toISOString()}`,
      },
    ).then(() =>
      flow(
        c,
        graphql,
        `attention:size-change:${request.size}/${request.width}`,
        "made-to-order-attention",
        {
          Reason: `Change the made-to-order pair on ${c.orderName} to ${request.size} / ${request.width}: ${reason}`,
        },
      ),
    );
  const target = c.productGid
    ? await variantInSize(graphql, c.productGid, request.size, request.width)
    : null;
  if (!target) return needsMerchant("the product has no variant in that size");
  if (target.priceMinor !== c.unitPriceMinor && !request.byMerchant)
    return needsMerchant("the new size has a different price");
  if (!c.variantGid) return needsMerchant("the ordered variant is unknown");
  let lineItemGid: string;
  try {
    lineItemGid = await performEffect(
      {
        shop: c.shop,
        key: `mto:${c.id}:size-change:${target.id}`,
        kind: "order.edit",
        request: { variant: target.id },
      },
      () =>
        editOrder(graphql, c.orderGid, {
          addVariantGid: target.id,
          removeVariantGid: c.variantGid as string,
          staffNote: `Fitting Room: size changed to ${target.title} after the fitting`,
        }),
      {
        reconcile: async () =>
          liveLineFor(await fetchOrder(graphql, c.orderGid), target.id) ?? undefined,
      },
    );
  } catch (error) {
    if (!(error instanceof TerminalJobError)) throw error;
    log.warn({ caseId: c.id, err: error.message }, "size change could not be made on the order");
    return needsMerchant(error.message);
  }
  return update(
    c,
    {
      lineItemGid,
      variantGid: target.id,
      variantTitle: target.title,
      size: request.size,
      width: request.width,
      sizeChangeRequest: null,
      fitHoldGid: null,
      fulfillmentOrderGid: null,
    },
    {
      kind: "size_change.done",
      message: `Made-to-order line changed to ${target.title} on the order`,
      dedupeKey: `size-changed:${target.id}`,
    },
  );
}

async function scheduleProduction(c: MtoCase, terms: CaseTerms, graphql: AdminGraphql) {
  const shipDate = c.scheduledShipDate ?? c.promisedShipDate;
  const order = await fetchOrder(graphql, c.orderGid);
  const fo = fulfillmentOrderOf(order, c.lineItemGid);
  let status = fo.status;
  const fitHold = fo.fulfillmentHolds.find((h) => h.handle === FIT_HOLD);
  if (fitHold) status = (await releaseOurHold(c, graphql, fo.id, fitHold.id)) ?? status;
  const fulfillAt = startOfLocalDay(shipDate, terms.timeZone);
  let productionHoldGid: string | null = null;
  if (status === "SCHEDULED") {
    await performEffect(
      {
        shop: c.shop,
        key: `mto:${c.id}:reschedule:${fo.id}:${shipDate}`,
        kind: "fulfillment.reschedule",
        request: { fulfillAt },
      },
      () => reschedule(graphql, fo.id, fulfillAt),
    );
  } else if (status === "OPEN" || status === "ON_HOLD") {
    // Not a scheduled fulfillment order (a size change moved the pair to a new line): hold it
    // until the ship date instead; the job releases the hold that morning.
    productionHoldGid = await placeOurHold(
      c,
      graphql,
      fo,
      PRODUCTION_HOLD,
      `Made to order: in production until ${shipDate}`,
      `production-hold:${fo.id}`,
    );
  }
  if (c.path === "fitting_first") {
    await flow(c, graphql, "fit-confirmed", "fit-confirmed", {
      Size: [c.size, c.width].filter(Boolean).join(" / "),
      "Ship date": shipDate,
    });
    await mirrorFitProfile(c.shop, c.customerGid, `mto:${c.id}`, graphql);
  }
  return update(
    c,
    {
      scheduledAt: now(),
      scheduledShipDate: shipDate,
      fulfillmentOrderGid: fo.id,
      fitHoldGid: null,
      productionHoldGid,
    },
    {
      kind: "production.scheduled",
      message: productionHoldGid
        ? `In production: held until ${shipDate}, then ships`
        : `In production: fulfillment scheduled for ${shipDate}`,
      dedupeKey: `scheduled:${fo.id}:${shipDate}`,
    },
  );
}

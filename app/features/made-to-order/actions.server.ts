import type { MtoCase } from "@prisma/client";
import prisma from "~/db.server";
import { localDate } from "~/domain/calendar";
import { scheduledShipDate } from "./domain/ship-date";
import { now } from "~/platform/clock.server";
import type { AdminGraphql } from "~/platform/admin/client.server";
import { recordFitEvidence } from "~/services/fit-profile.server";
import { recordFitOutcome } from "~/services/fit-outcomes.server";
import {
  addMtoEvent,
  advanceMtoSoon,
  daysSince,
  fitLink,
  mtoFlow,
  recordMtoFact,
  sizeChangeOf,
  termsOf,
  type SizeChangeRequest,
} from "./case.server";

// What the shopper (fit confirmation page) and the merchant (Made-to-order page) can do to a case.
// Each records facts and asks the case's job to act; none calls Shopify for money.

export class MtoActionError extends Error {
  constructor(
    message: string,
    readonly field: string | null = null,
  ) {
    super(message);
  }
}

export async function caseFor(shop: string, caseId: string): Promise<MtoCase> {
  const found = await prisma.mtoCase.findFirst({ where: { id: caseId, shop } });
  if (!found) throw new MtoActionError("No such made-to-order case", "case");
  return found;
}

export interface FitConfirmation {
  feel: "right" | "too_small" | "too_large";
  size: string;
  width: string;
  notes: string;
  by: "shopper" | "merchant";
}

/**
 * The fit is confirmed: production is scheduled from today under the terms promised at order
 * time. A different size or width than ordered is a size change the job makes on the order.
 */
export async function confirmFit(shop: string, caseId: string, input: FitConfirmation) {
  const c = await caseFor(shop, caseId);
  if (c.cancelledAt) throw new MtoActionError("This order was cancelled", "case");
  if (c.path !== "fitting_first")
    throw new MtoActionError("This pair was made in a size already confirmed", "case");
  if (c.fitConfirmedAt)
    return { shipDate: c.scheduledShipDate as string, sizeChange: false, already: true };
  const terms = termsOf(c);
  const confirmedAt = now();
  const estimate = scheduledShipDate(localDate(confirmedAt, terms.timeZone), terms);
  const changed = input.size !== c.size || input.width !== c.width;
  const request: SizeChangeRequest | null = changed
    ? {
        size: input.size,
        width: input.width,
        status: "requested",
        byMerchant: input.by === "merchant",
      }
    : null;
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.mtoCase.updateMany({
      where: { id: c.id, fitConfirmedAt: null },
      data: {
        fitConfirmedAt: confirmedAt,
        fitConfirmedBy: input.by,
        fitFeel: input.feel,
        confirmedSize: input.size,
        confirmedWidth: input.width,
        fitNotes: input.notes || null,
        scheduledShipDate: estimate.shipDate,
        sizeChangeRequest: request && JSON.stringify(request),
      },
    });
    if (count !== 1) return;
    await addMtoEvent(tx, c, {
      kind: "fit.confirmed",
      message: `Fit confirmed by the ${input.by}: ${input.size} / ${input.width} (${input.feel.replace("_", " ")})${changed ? `, changed from ${c.variantTitle}` : ""}; ships ${estimate.shipDate}`,
      dedupeKey: "fit-confirmed",
      occurredAt: confirmedAt,
      data: { notes: input.notes },
    });
    await advanceMtoSoon(c, "fit-confirmed", tx);
  });
  // The fitting pair was worn: the confirmed size is a kept fit for the fit finder's counts,
  // found by the order line the shopper bought with the finder's answer.
  await recordFitOutcome({
    shop,
    customerGid: c.customerGid,
    productGid: c.productGid,
    productTitle: c.title,
    size: input.size,
    width: input.width,
    result: "kept",
    source: "fitting",
    sourceRef: c.id,
    lineItemGid: c.originalLineItemGid,
    at: confirmedAt,
  });
  if (c.customerGid)
    await recordFitEvidence({
      shop,
      customerGid: c.customerGid,
      size: input.size,
      width: input.width,
      source: input.by === "shopper" ? "fitting" : "merchant",
      sourceRef: c.id,
      at: confirmedAt,
    });
  return {
    shipDate: estimate.shipDate,
    sizeChange: changed,
    already: false,
    override: estimate.override,
  };
}

/** The merchant changes the size (after the fit, or again when the app could not). */
export async function requestSizeChange(shop: string, caseId: string, size: string, width: string) {
  const c = await caseFor(shop, caseId);
  if (c.scheduledAt && !sizeChangeOf(c))
    throw new MtoActionError(
      "Production is already scheduled: change the order in Shopify",
      "size",
    );
  if (c.shippedAt) throw new MtoActionError("This pair has shipped", "size");
  const request: SizeChangeRequest = { size, width, status: "requested", byMerchant: true };
  const at = now().toISOString();
  await recordMtoFact(
    c,
    { sizeChangeRequest: JSON.stringify(request) },
    {
      kind: "size_change.requested",
      message: `Merchant asked for size ${size} / ${width}`,
      dedupeKey: `size-change:${size}/${width}:${at}`,
    },
  );
}

/** A new ship date (e.g. the factory is late): the job reschedules the fulfillment. */
export async function rescheduleCase(shop: string, caseId: string, shipDate: string) {
  const c = await caseFor(shop, caseId);
  if (!c.scheduledShipDate && c.path === "fitting_first" && !c.fitConfirmedAt)
    throw new MtoActionError("Confirm the fit first: production has not started", "shipDate");
  if (shipDate < localDate(now(), termsOf(c).timeZone))
    throw new MtoActionError("Pick today or a later date", "shipDate");
  await recordMtoFact(
    c,
    { scheduledShipDate: shipDate, scheduledAt: null },
    {
      kind: "rescheduled",
      message: `Ship date moved to ${shipDate} by the merchant`,
      dedupeKey: `rescheduled:${shipDate}:${now().toISOString()}`,
    },
  );
}

export async function cancelCase(shop: string, caseId: string) {
  const c = await caseFor(shop, caseId);
  if (c.shippedAt) throw new MtoActionError("This pair has shipped", "case");
  await recordMtoFact(
    c,
    { cancelledAt: now() },
    {
      kind: "cancelled",
      message: "Made-to-order cancelled by the merchant",
      dedupeKey: "cancelled",
    },
    { cancelledAt: null },
  );
}

export async function markFittingPairReturned(shop: string, caseId: string) {
  const c = await caseFor(shop, caseId);
  await recordMtoFact(
    c,
    { fittingPairReturnedAt: now() },
    {
      kind: "fitting_pair.returned",
      message: "Fitting pair marked returned by the merchant",
      dedupeKey: "fitting-returned:merchant",
    },
    { fittingPairReturnedAt: null },
  );
}

/** Sends the fit link again now (Flow), at most once a minute per case. */
export async function resendFitLink(shop: string, caseId: string, graphql: AdminGraphql) {
  const c = await caseFor(shop, caseId);
  if (c.path !== "fitting_first" || c.fitConfirmedAt || c.cancelledAt)
    throw new MtoActionError("There is no fit to confirm on this case", "case");
  const minute = now().toISOString().slice(0, 16);
  await mtoFlow(c, graphql, `fit-reminder:manual:${minute}`, "fit-reminder-due", {
    "Fit link": fitLink(c),
    "Days waiting": daysSince(c.fittingPairDeliveredAt, now()),
  });
  await prisma.$transaction(async (tx) => {
    await tx.mtoCase.update({ where: { id: c.id }, data: { reminderCount: { increment: 1 } } });
    await addMtoEvent(tx, c, {
      kind: "fit.reminder",
      message: "Fit link sent again by the merchant",
      dedupeKey: `reminder:manual:${minute}`,
    });
  });
}

import prisma from "~/db.server";
import { SIZES, WIDTHS } from "~/domain/fit-profile";
import { localDate } from "~/domain/calendar";
import { scheduledShipDate } from "./domain/ship-date";
import { now } from "~/platform/clock.server";
import { termsOf } from "./case.server";
import { promiseFor } from "./promise.server";

// What the storefront shows about made-to-order: the estimate on the product page (the same
// computation order intake records) and the shopper's own cases on the fit confirmation page.

export function formatLocalDate(date: string): string {
  // Noon UTC keeps the calendar day whatever the server's zone.
  return new Date(`${date}T12:00:00Z`).toLocaleDateString("en-US", {
    weekday: "short",
    month: "short",
    day: "numeric",
    year: "numeric",
    timeZone: "UTC",
  });
}

export async function productPageEstimate(input: {
  shop: string;
  customerGid: string | null;
  variantTitle: string;
  country: string | null;
}) {
  const { promise, enabled, policyVersion, fit } = await promiseFor({
    ...input,
    orderedAt: now(),
  });
  return {
    offered: enabled && fit.size !== null,
    policyVersion,
    path: promise.path,
    shipDate: promise.shipDate,
    shipDateLabel: formatLocalDate(promise.shipDate),
    expectedConfirmationDate: promise.expectedConfirmationDate,
    leadDays: promise.leadDays,
    overrideMessage: promise.override?.message ?? null,
  };
}

export async function shopperCases(shop: string, customerGid: string) {
  const cases = await prisma.mtoCase.findMany({
    where: { shop, customerGid },
    orderBy: { orderedAt: "desc" },
    take: 20,
  });
  return cases.map((c) => ({
    id: c.id,
    orderName: c.orderName,
    item: `${c.title} · ${c.variantTitle ?? ""}`,
    size: c.size,
    width: c.width,
    canConfirm: c.path === "fitting_first" && !c.fitConfirmedAt && !c.cancelledAt,
    fitConfirmedAt: c.fitConfirmedAt,
    shipDate: c.scheduledShipDate ?? c.promisedShipDate,
    // What confirming today would promise, under the terms of the order's policy version.
    shipIfConfirmedToday: scheduledShipDate(localDate(now(), termsOf(c).timeZone), termsOf(c))
      .shipDate,
    scheduled: c.scheduledShipDate !== null,
    cancelled: c.cancelledAt !== null,
  }));
}

export const SIZE_CHOICES = SIZES;
export const WIDTH_CHOICES = WIDTHS;

import { addCalendarDays, localDate, startOfLocalDay } from "~/domain/calendar";

// What a made-to-order case needs next (issue 5). The fitting path: hold the made-to-order
// fulfillment and ship the fitting pair; once the fitting pair is delivered, remind the shopper
// after `fitReminderAfterDays` without a confirmation and tell the merchant after
// `fitEscalateAfterDays`; a confirmed size releases the hold and schedules production; the
// fitting pair must come back within `fittingPairReturnDays` of the confirmation or the merchant
// is told. A confirmed size at order time schedules production at once.

export interface MtoTerms {
  fitReminderAfterDays: number;
  fitEscalateAfterDays: number;
  fittingPairReturnDays: number;
  timeZone: string;
}

export interface MtoCase {
  path: "confirmed_size" | "fitting_first";
  holdPlaced: boolean;
  scheduled: boolean;
  fittingPairDeliveredAt: Date | null;
  fitConfirmedAt: Date | null;
  reminderSentAt: Date | null;
  escalatedAt: Date | null;
  fittingPairReturnedAt: Date | null;
  fittingPairOverdueNotifiedAt: Date | null;
  cancelledAt: Date | null;
  /**
   * The shopper's size change: "requested" until the app changes the line on the order,
   * "needs_merchant" when it could not (production waits for the merchant).
   */
  sizeChange: "none" | "requested" | "needs_merchant";
  /** The app's holds were released because the order was cancelled. */
  holdsReleased: boolean;
  /**
   * The shop-local date a production hold lasts until: used when the fulfillment order could not
   * be rescheduled (it was no longer scheduled, e.g. after a size change added a new line).
   */
  productionHoldUntil: string | null;
}

export type MtoAction =
  | { kind: "hold_and_ship_fitting_pair" }
  | { kind: "schedule_production" }
  | { kind: "remind_fit" }
  | { kind: "escalate_fit" }
  | { kind: "fitting_pair_overdue" }
  | { kind: "release_hold_for_cancel" }
  | { kind: "release_production_hold" }
  | { kind: "change_size" }
  | { kind: "wait"; until: Date | null; reason: string };

/** The start of the local day `days` after the local day of `from`. */
function daysAfter(from: Date, days: number, timeZone: string): Date {
  return startOfLocalDay(addCalendarDays(localDate(from, timeZone), days), timeZone);
}

export function nextMtoAction(c: MtoCase, terms: MtoTerms, now: Date): MtoAction {
  if (c.cancelledAt)
    // Holds of ours can be in place: the fitting hold before production, a production hold after.
    return ((c.holdPlaced && !c.scheduled) || c.productionHoldUntil) && !c.holdsReleased
      ? { kind: "release_hold_for_cancel" }
      : { kind: "wait", until: null, reason: "cancelled" };
  if (c.productionHoldUntil && c.scheduled) {
    const releaseAt = startOfLocalDay(c.productionHoldUntil, terms.timeZone);
    if (now >= releaseAt) return { kind: "release_production_hold" };
  }
  if (c.path === "confirmed_size")
    return c.scheduled ? inProduction(c, terms) : { kind: "schedule_production" };

  if (!c.holdPlaced) return { kind: "hold_and_ship_fitting_pair" };
  if (c.fitConfirmedAt && !c.scheduled && c.sizeChange === "requested")
    return { kind: "change_size" };
  if (c.fitConfirmedAt && c.sizeChange === "needs_merchant")
    return { kind: "wait", until: null, reason: "size change for the merchant" };
  if (c.fitConfirmedAt && !c.scheduled) return { kind: "schedule_production" };

  if (!c.fitConfirmedAt) {
    if (!c.fittingPairDeliveredAt)
      return { kind: "wait", until: null, reason: "fitting pair on its way" };
    const remindAt = daysAfter(
      c.fittingPairDeliveredAt,
      terms.fitReminderAfterDays,
      terms.timeZone,
    );
    const escalateAt = daysAfter(
      c.fittingPairDeliveredAt,
      terms.fitEscalateAfterDays,
      terms.timeZone,
    );
    if (!c.reminderSentAt && now >= remindAt) return { kind: "remind_fit" };
    if (!c.escalatedAt && now >= escalateAt) return { kind: "escalate_fit" };
    const next = [!c.reminderSentAt ? remindAt : null, !c.escalatedAt ? escalateAt : null].filter(
      (d): d is Date => d !== null,
    );
    return {
      kind: "wait",
      until: next.length ? new Date(Math.min(...next.map((d) => d.getTime()))) : null,
      reason: "awaiting fit confirmation",
    };
  }

  if (!c.fittingPairReturnedAt) {
    const dueAt = daysAfter(c.fitConfirmedAt, terms.fittingPairReturnDays, terms.timeZone);
    if (!c.fittingPairOverdueNotifiedAt && now >= dueAt) return { kind: "fitting_pair_overdue" };
    const production = inProduction(c, terms);
    const until = [c.fittingPairOverdueNotifiedAt ? null : dueAt, production.until]
      .filter((d): d is Date => d !== null)
      .sort((a, b) => a.getTime() - b.getTime())[0];
    return { kind: "wait", until: until ?? null, reason: "fitting pair to be returned" };
  }
  return inProduction(c, terms);
}

function inProduction(c: MtoCase, terms: MtoTerms): MtoAction & { kind: "wait" } {
  return {
    kind: "wait",
    until: c.productionHoldUntil ? startOfLocalDay(c.productionHoldUntil, terms.timeZone) : null,
    reason: "in production",
  };
}

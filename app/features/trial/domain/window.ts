import { addCalendarDays, localDate, startOfLocalDay } from "~/domain/calendar";

// The trial clock. "You have 7 days from the date you receive your order … shipping time won't be
// counted": the window opens on the local calendar day of delivery and closes at the end of the
// last of its full days, in the shop's time zone. With no carrier scan, the clock starts a policy-
// set number of days after fulfilment, so a lost scan can neither stall nor shorten a trial.

export interface WindowTerms {
  windowDays: number;
  fallbackStartDaysAfterFulfillment: number;
  reminderLeadHours: number;
  timeZone: string;
}

export interface WindowFacts {
  fulfilledAt: Date | null;
  deliveredAt: Date | null;
  /** When the app learnt of the delivery: scans can arrive days after they happened. */
  deliveryReportedAt: Date | null;
  extensionDays: number;
}

export type WindowStartSource = "carrier" | "fallback";

export interface TrialWindow {
  /** Local calendar date the trial's day 1 is counted from. */
  startDate: string;
  source: WindowStartSource;
  /** The last local calendar day the shopper can still decide or send a return. */
  lastDay: string;
  /** The instant the window closes: the start of the day after `lastDay`. */
  closesAt: Date;
  remindAt: Date;
}

const HOUR = 3_600_000;

/**
 * The window for a trial, or null while it has not started (nothing shipped, or shipped and the
 * fallback has not passed yet with no scan). Once the fallback has started the clock, a scan
 * reported later can move the start later but never earlier: the shopper never loses days they
 * were already told they had.
 */
export function trialWindow(terms: WindowTerms, facts: WindowFacts, now: Date): TrialWindow | null {
  const start = windowStart(terms, facts, now);
  if (!start) return null;
  const lastDay = addCalendarDays(start.date, terms.windowDays + facts.extensionDays);
  const closesAt = startOfLocalDay(addCalendarDays(lastDay, 1), terms.timeZone);
  return {
    startDate: start.date,
    source: start.source,
    lastDay,
    closesAt,
    remindAt: new Date(closesAt.getTime() - terms.reminderLeadHours * HOUR),
  };
}

function windowStart(
  terms: WindowTerms,
  facts: WindowFacts,
  now: Date,
): { date: string; source: WindowStartSource } | null {
  const delivered = facts.deliveredAt ? localDate(facts.deliveredAt, terms.timeZone) : null;
  const fallback = facts.fulfilledAt
    ? addCalendarDays(
        localDate(facts.fulfilledAt, terms.timeZone),
        terms.fallbackStartDaysAfterFulfillment,
      )
    : null;
  const fallbackAt = fallback ? startOfLocalDay(fallback, terms.timeZone).getTime() : Infinity;
  const fallbackStarted = fallbackAt <= now.getTime();
  if (delivered) {
    const reportedAt = (facts.deliveryReportedAt ?? facts.deliveredAt)?.getTime() ?? 0;
    const reportedBeforeFallback = reportedAt < fallbackAt;
    if (reportedBeforeFallback || !fallback || delivered >= fallback)
      return { date: delivered, source: "carrier" };
  }
  if (fallbackStarted && fallback) return { date: fallback, source: "fallback" };
  return null;
}

/** When the clock would start by fallback if no scan arrives (for scheduling the next look). */
export function fallbackStartsAt(terms: WindowTerms, fulfilledAt: Date): Date {
  return startOfLocalDay(
    addCalendarDays(
      localDate(fulfilledAt, terms.timeZone),
      terms.fallbackStartDaysAfterFulfillment,
    ),
    terms.timeZone,
  );
}

/** "Day N of 7" as a shopper counts it: the delivery day is day 0, the next day day 1. */
export function trialDay(window: TrialWindow, now: Date, timeZone: string): number {
  const today = localDate(now, timeZone);
  const ms = Date.parse(`${today}T00:00:00Z`) - Date.parse(`${window.startDate}T00:00:00Z`);
  return Math.max(0, Math.round(ms / 86_400_000));
}

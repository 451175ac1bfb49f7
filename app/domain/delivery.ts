import {
  addBusinessDays,
  addCalendarDays,
  localDate,
  localMinutesOfDay,
  startOfLocalDay,
  type BusinessCalendar,
  type Weekday,
} from "./calendar";
import type { Money } from "./money";
import type { ShippingPolicy } from "./policy/schema";

// When a pair reaches a visitor: the shipping tier of their country, the store's handling days
// (in stock or trial box) counted in the shop's business days from the day an order placed now
// starts — today before the daily cut-off, else the next business day — then the tier's transit
// days. Pure: the product page and the order side compute it the same way from the policy.

export type ShipmentKind = "in_stock" | "trial";

export interface DeliveryInput {
  shipping: ShippingPolicy;
  /** ISO 3166 code of the visitor's country. */
  country: string;
  kind: ShipmentKind;
  now: Date;
  /** Orders after this local time ("HH:MM", shop's zone) start the next business day. */
  cutOff: string;
}

export type DeliveryEstimate =
  | {
      ships: true;
      tier: string;
      cost: Money;
      /** The business day an order placed now starts being handled. */
      startsOn: string;
      shipFrom: string;
      shipBy: string;
      arriveFrom: string;
      arriveBy: string;
    }
  | { ships: false; country: string };

const CUT_OFF = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function calendarOf(shipping: ShippingPolicy): BusinessCalendar {
  return {
    businessDays: shipping.businessDays as Weekday[],
    holidays: shipping.holidays.map((h) => h.date),
  };
}

function cutOffMinutes(cutOff: string): number {
  const match = CUT_OFF.exec(cutOff);
  if (!match) throw new Error(`cutOff: "${cutOff}" is not a time as HH:MM`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** The business day an order placed on local `day` starts, before or after that day's cut-off. */
export function startsOnDay(day: string, afterCutOff: boolean, shipping: ShippingPolicy): string {
  const calendar = calendarOf(shipping);
  const first = addBusinessDays(day, 0, calendar);
  // Past the cut-off only matters on a business day: a weekend order already waits for Monday.
  if (first === day && afterCutOff) return addBusinessDays(addCalendarDays(day, 1), 0, calendar);
  return first;
}

/** The business day an order placed at `now` starts: today before the cut-off, else the next. */
export function handlingStarts(now: Date, cutOff: string, shipping: ShippingPolicy): string {
  const limit = cutOffMinutes(cutOff);
  const today = localDate(now, shipping.timezone);
  return startsOnDay(today, localMinutesOfDay(now, shipping.timezone) >= limit, shipping);
}

function datesFrom(startsOn: string, kind: ShipmentKind, shipping: ShippingPolicy) {
  const calendar = calendarOf(shipping);
  const handling =
    kind === "trial" ? shipping.trialShipBusinessDays : shipping.inStockShipBusinessDays;
  const shipFrom = addBusinessDays(startsOn, handling.min, calendar);
  const shipBy = addBusinessDays(startsOn, handling.max, calendar);
  const arrive = (tier: ShippingPolicy["tiers"][number]) => ({
    arriveFrom: addBusinessDays(shipFrom, tier.deliveryBusinessDays.min, calendar),
    arriveBy: addBusinessDays(shipBy, tier.deliveryBusinessDays.max, calendar),
  });
  return { shipFrom, shipBy, arrive };
}

export function deliveryEstimate(input: DeliveryInput): DeliveryEstimate {
  const { shipping, country, kind } = input;
  const tier = shipping.tiers.find((t) => t.countries.includes(country.toUpperCase()));
  if (!tier) return { ships: false, country: country.toUpperCase() };
  const startsOn = handlingStarts(input.now, input.cutOff, shipping);
  const { shipFrom, shipBy, arrive } = datesFrom(startsOn, kind, shipping);
  return {
    ships: true,
    tier: tier.name,
    cost: tier.estimatedCost,
    startsOn,
    shipFrom,
    shipBy,
    ...arrive(tier),
  };
}

/**
 * What the product page's Delivery block reads from the published metafield: the in-stock dates
 * for every stretch of time in the coming days, each valid until an instant (epoch seconds), so
 * Liquid picks the first stretch whose end is after `now` without knowing time zones, cut-offs
 * or holidays. Built with the functions above: the page and `deliveryEstimate` cannot disagree.
 */
export interface DeliveryStretch {
  until: number;
  startsOn: string;
  shipFrom: string;
  shipBy: string;
  arrive: [string, string][];
  /** Other policies' dates for an order placed in this stretch, one per tier (fitFirst…). */
  [policyDates: string]: unknown;
}

export interface DeliverySchedule {
  cutOff: string;
  timezone: string;
  tiers: { name: string; countries: string[]; cost: Money }[];
  /** In time order; `arrive[i]` is [from, by] for `tiers[i]`. */
  stretches: DeliveryStretch[];
}

/** Dates other policies state on the product page for an order placed on a local day. */
export type PolicyDates = (orderDay: string) => Record<string, string[]>;

export function deliverySchedule(
  shipping: ShippingPolicy,
  from: Date,
  days: number,
  policyDates: PolicyDates = () => ({}),
): DeliverySchedule {
  const limit = cutOffMinutes(shipping.dailyCutOff);
  const stretches: DeliveryStretch[] = [];
  const push = (until: Date, startsOn: string, day: string) => {
    const { shipFrom, shipBy, arrive } = datesFrom(startsOn, "in_stock", shipping);
    const extra = policyDates(day);
    const last = stretches[stretches.length - 1];
    // Consecutive stretches that say the same (a weekend, a holiday) are one stretch.
    const same =
      last &&
      last.startsOn === startsOn &&
      Object.entries(extra).every(([k, v]) => JSON.stringify(last[k]) === JSON.stringify(v));
    if (last && same) last.until = until.getTime() / 1000;
    else
      stretches.push({
        ...extra,
        until: until.getTime() / 1000,
        startsOn,
        shipFrom,
        shipBy,
        arrive: shipping.tiers.map((t) => {
          const a = arrive(t);
          return [a.arriveFrom, a.arriveBy];
        }),
      });
  };
  let day = localDate(from, shipping.timezone);
  for (let i = 0; i < days; i += 1) {
    const midnight = startOfLocalDay(day, shipping.timezone);
    const next = addCalendarDays(day, 1);
    // Wall-clock cut-off, also on the days clocks change.
    const guess = new Date(midnight.getTime() + limit * 60_000);
    const drift = localMinutesOfDay(guess, shipping.timezone) - limit;
    push(new Date(guess.getTime() - drift * 60_000), startsOnDay(day, false, shipping), day);
    push(startOfLocalDay(next, shipping.timezone), startsOnDay(day, true, shipping), day);
    day = next;
  }
  return {
    cutOff: shipping.dailyCutOff,
    timezone: shipping.timezone,
    tiers: shipping.tiers.map((t) => ({
      name: t.name,
      countries: t.countries,
      cost: t.estimatedCost,
    })),
    stretches,
  };
}

import {
  addBusinessDays,
  addCalendarDays,
  localDate,
  localMinutesOfDay,
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

/** The business day an order placed at `now` starts: today before the cut-off, else the next. */
export function handlingStarts(now: Date, cutOff: string, shipping: ShippingPolicy): string {
  const match = CUT_OFF.exec(cutOff);
  if (!match) throw new Error(`cutOff: "${cutOff}" is not a time as HH:MM`);
  const calendar = calendarOf(shipping);
  const today = localDate(now, shipping.timezone);
  const limit = Number(match[1]) * 60 + Number(match[2]);
  const first = addBusinessDays(today, 0, calendar);
  // Past the cut-off only matters on a business day: a weekend order already waits for Monday.
  if (first === today && localMinutesOfDay(now, shipping.timezone) >= limit)
    return addBusinessDays(addCalendarDays(today, 1), 0, calendar);
  return first;
}

export function deliveryEstimate(input: DeliveryInput): DeliveryEstimate {
  const { shipping, country, kind } = input;
  const tier = shipping.tiers.find((t) => t.countries.includes(country.toUpperCase()));
  if (!tier) return { ships: false, country: country.toUpperCase() };
  const calendar = calendarOf(shipping);
  const handling =
    kind === "trial" ? shipping.trialShipBusinessDays : shipping.inStockShipBusinessDays;
  const startsOn = handlingStarts(input.now, input.cutOff, shipping);
  const shipFrom = addBusinessDays(startsOn, handling.min, calendar);
  const shipBy = addBusinessDays(startsOn, handling.max, calendar);
  return {
    ships: true,
    tier: tier.name,
    cost: tier.estimatedCost,
    startsOn,
    shipFrom,
    shipBy,
    arriveFrom: addBusinessDays(shipFrom, tier.deliveryBusinessDays.min, calendar),
    arriveBy: addBusinessDays(shipBy, tier.deliveryBusinessDays.max, calendar),
  };
}

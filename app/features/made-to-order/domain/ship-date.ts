import {
  addBusinessDays,
  addCalendarDays,
  rangesOverlap,
  type BusinessCalendar,
} from "~/domain/calendar";

// When a made-to-order pair ships (faq "How Does Made-to-Order Work?"): production takes the
// policy's lead time (about 2 weeks) from the day the size is known — the order day for a
// confirmed size, the confirmation day otherwise — plus any seasonal override (Lunar New Year)
// whose dates the production period touches, and it ships on the next business day of the shop.
// Every date is a local calendar date in the shop's time zone. The terms passed in are those of
// the policy version in force when the shopper ordered: what was promised then governs.

export interface SeasonalOverride {
  name: string;
  start: string;
  end: string;
  extraDays: number;
  message: string;
}

export interface LeadTerms {
  leadDays: number;
  seasonalOverrides: readonly SeasonalOverride[];
  calendar: BusinessCalendar;
}

export interface ProductionEstimate {
  startDate: string;
  shipDate: string;
  leadDays: number;
  override: Pick<SeasonalOverride, "name" | "message" | "extraDays"> | null;
}

/** Production from `startDate`, lengthened by the override its period runs into. */
export function productionShipDate(startDate: string, terms: LeadTerms): ProductionEstimate {
  const plainEnd = addCalendarDays(startDate, terms.leadDays);
  const override =
    terms.seasonalOverrides.find((o) =>
      rangesOverlap({ start: startDate, end: plainEnd }, { start: o.start, end: o.end }),
    ) ?? null;
  const leadDays = terms.leadDays + (override?.extraDays ?? 0);
  const done = addCalendarDays(startDate, leadDays);
  return {
    startDate,
    shipDate: addBusinessDays(done, 0, terms.calendar),
    leadDays,
    override: override && {
      name: override.name,
      message: override.message,
      extraDays: override.extraDays,
    },
  };
}

export interface PromiseInput {
  orderDate: string;
  /** The shop already knows the shopper's size: production starts at once. */
  sizeConfirmed: boolean;
  /**
   * Business days for the fitting pair to reach the shopper (the shipping tier's maximum for
   * the destination): the day we count on the size being confirmed.
   */
  fittingDeliveryBusinessDays: number;
}

export interface ShipPromise extends ProductionEstimate {
  path: "confirmed_size" | "fitting_first";
  /** The confirmation day the promise counts on (fitting path). */
  expectedConfirmationDate: string | null;
}

/**
 * The ship date shown when the shopper orders, and recorded with the order: the product page and
 * the back office both call this with the same inputs, so they show the same date.
 */
export function promisedShipDate(input: PromiseInput, terms: LeadTerms): ShipPromise {
  if (input.sizeConfirmed)
    return {
      ...productionShipDate(input.orderDate, terms),
      path: "confirmed_size",
      expectedConfirmationDate: null,
    };
  const expectedConfirmationDate = addBusinessDays(
    input.orderDate,
    input.fittingDeliveryBusinessDays,
    terms.calendar,
  );
  return {
    ...productionShipDate(expectedConfirmationDate, terms),
    path: "fitting_first",
    expectedConfirmationDate,
  };
}

/**
 * The ship date once the shopper confirms: the promise moved by however many days the
 * confirmation came later (or earlier) than counted on, under the terms promised at order time.
 */
export function scheduledShipDate(confirmationDate: string, termsAtOrder: LeadTerms) {
  return productionShipDate(confirmationDate, termsAtOrder);
}

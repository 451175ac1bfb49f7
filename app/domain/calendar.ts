// Business-day arithmetic on calendar dates ("YYYY-MM-DD") in the shop's own time zone.
// Dates are plain strings so no time zone offset can slip a day.

export type Weekday = "MON" | "TUE" | "WED" | "THU" | "FRI" | "SAT" | "SUN";
export const WEEKDAYS: readonly Weekday[] = ["MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"];

export interface BusinessCalendar {
  businessDays: readonly Weekday[];
  holidays: readonly string[];
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

export function addCalendarDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function weekdayOf(date: string): Weekday {
  const index = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
  return WEEKDAYS[index] as Weekday;
}

export function isBusinessDay(date: string, calendar: BusinessCalendar): boolean {
  return calendar.businessDays.includes(weekdayOf(date)) && !calendar.holidays.includes(date);
}

/** The n-th business day after `date` (n = 0: `date` itself if it is one, else the next). */
export function addBusinessDays(date: string, n: number, calendar: BusinessCalendar): string {
  if (calendar.businessDays.length === 0) throw new Error("calendar has no business days");
  let current = date;
  while (!isBusinessDay(current, calendar)) current = addCalendarDays(current, 1);
  for (let left = n; left > 0;) {
    current = addCalendarDays(current, 1);
    if (isBusinessDay(current, calendar)) left -= 1;
  }
  return current;
}

/** The calendar date an instant falls on in an IANA time zone. */
export function localDate(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone });
    return true;
  } catch {
    return false;
  }
}

export function rangesOverlap(
  a: { start: string; end: string },
  b: { start: string; end: string },
): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/** The instant a calendar date begins in an IANA time zone (DST-aware). */
export function startOfLocalDay(date: string, timeZone: string): Date {
  let guess = Date.parse(`${date}T00:00:00Z`);
  // Two corrections settle any offset, including the day a DST change happens.
  for (let i = 0; i < 2; i += 1) {
    const offset = zoneOffsetMs(new Date(guess), timeZone);
    guess = Date.parse(`${date}T00:00:00Z`) - offset;
  }
  return new Date(guess);
}

/** Minutes after local midnight on the wall clock of an IANA time zone (DST-aware). */
export function localMinutesOfDay(instant: Date, timeZone: string): number {
  const wall = instant.getTime() + zoneOffsetMs(instant, timeZone);
  const day = 24 * 60 * 60 * 1000;
  return Math.floor((((wall % day) + day) % day) / 60_000);
}

function zoneOffsetMs(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(
    get("year"),
    get("month") - 1,
    get("day"),
    get("hour"),
    get("minute"),
    get("second"),
  );
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

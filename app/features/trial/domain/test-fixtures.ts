import type { TrialLineFacts } from "./settlement";
import type { WindowTerms } from "./window";

// What the trial domain's tests share: a New York shop's window terms, instants, a trial line.

export const NY: WindowTerms = {
  windowDays: 7,
  fallbackStartDaysAfterFulfillment: 10,
  reminderLeadHours: 48,
  timeZone: "America/New_York",
};
export const at = (iso: string) => new Date(iso);
export const DAY = 86_400_000;

export const line = (over: Partial<TrialLineFacts> = {}): TrialLineFacts => ({
  lineItemGid: "gid://shopify/LineItem/1",
  title: "Little Black Heels",
  unitPrice: 24500,
  quantity: 1,
  choice: "undecided",
  returnStartedAt: null,
  returnReceivedAt: null,
  damaged: false,
  damageFeeWaived: false,
  exchanged: false,
  ...over,
});
export const TERMS = { damageFee: 5000, returnInTransitCapDays: 10 };
export const CLOSES = at("2026-11-13T05:00:00Z");

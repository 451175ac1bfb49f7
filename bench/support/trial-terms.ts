// The trial terms the seeded benchmark trials were opened under (the reference store's policy).
export const TRIAL_TERMS = JSON.stringify({
  windowDays: 7,
  fallbackStartDaysAfterFulfillment: 10,
  reminderLeadHours: 48,
  timeZone: "America/New_York",
  damageFee: 5000,
  returnInTransitCapDays: 10,
  onAuthorizationFailure: "wait_for_card_update",
});

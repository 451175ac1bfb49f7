import type {
  MadeToOrderPair,
  ReferralPart,
  ReturnSummary,
  TrialPart,
} from "../../../app/domain/order-status";

// Parts of the app's answer as the backend sends them (tests/integration/order-status.test.ts
// checks the backend's side), each a default to patch.

export const trial = (patch: Partial<TrialPart> = {}): TrialPart => ({
  kind: "trial",
  phase: "at_home",
  day: 3,
  windowDays: 7,
  lastDay: "2026-12-12",
  pairs: 2,
  undecided: 1,
  charge: { amount: 24500, currency: "USD", date: "2026-12-13" },
  path: "/apps/fitting-room/trial",
  ...patch,
});
export const pair = (patch: Partial<MadeToOrderPair> = {}): MadeToOrderPair => ({
  title: "Little Black Heels",
  variantTitle: "10 / Extra Wide",
  state: "confirm_fit",
  shipDate: "2026-12-24",
  fitPath: "/apps/fitting-room/fit?case=c1",
  ...patch,
});
export const ret = (patch: Partial<ReturnSummary> = {}): ReturnSummary => ({
  state: "requested",
  requestedAt: "2026-12-05",
  currency: "USD",
  refund: 23201,
  storeCredit: 0,
  declineNote: null,
  ...patch,
});
export const referral: ReferralPart = {
  kind: "referral",
  code: "MAYA-7K2Q",
  path: "/apps/fitting-room/r/MAYA-7K2Q",
  friendReward: { kind: "amount", amount: { amount: 2000, currency: "USD" } },
  referrerReward: { amount: 2000, currency: "USD" },
};

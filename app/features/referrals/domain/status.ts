import type { StatusTone } from "~/domain/status-tone";
import type { RewardStatus } from "./reward";

// How a referral's reward state reads in the admin.

export const REFERRAL_STATUS_LABELS: Record<RewardStatus, string> = {
  waiting_payment: "Waiting for payment",
  waiting_delivery: "Waiting for delivery",
  waiting_window: "In the return window",
  waiting_return: "A return is open",
  flagged: "Held for review",
  earned: "Earned, paying",
  paid: "Paid",
  voided: "Voided",
};

export const REFERRAL_STATUS_TONES: Record<RewardStatus, StatusTone> = {
  waiting_payment: undefined,
  waiting_delivery: undefined,
  waiting_window: "info",
  waiting_return: "attention",
  flagged: "attention",
  earned: "info",
  paid: "success",
  voided: "critical",
};

// What a route or component may use from referrals without the server: the domain's pure parts.
export { CODE_ALPHABET, isReferralCode, normalizeCode } from "./domain/codes";
export type { RewardStatus, VoidReason } from "./domain/reward";
export { REFERRAL_STATUS_LABELS, REFERRAL_STATUS_TONES } from "./domain/status";

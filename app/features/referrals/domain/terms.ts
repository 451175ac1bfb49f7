import type { PolicyDocument, ReferralsPolicy } from "~/domain/policy/schema";

// The referral terms a friend's order is held to: the referral section of the policy version in
// force when the friend ordered (kept on the referral case), with the returns window the reward
// waits for and the shop's calendar zone. A later policy change never moves a reward already
// under way.

export type NewFriendCheck = ReferralsPolicy["newFriendChecks"][number];

export interface ReferralTerms {
  policyVersion: number;
  enabled: boolean;
  currency: string;
  timeZone: string;
  friendReward: { kind: "amount"; amount: number } | { kind: "percent"; percent: number };
  minimumOrder: number;
  referrerReward: number;
  referrerRewardForm: ReferralsPolicy["referrerRewardForm"];
  ambassadorsEnabled: boolean;
  ambassadorReward: number;
  /** Rewards wait until the friend's order is past its return window. */
  holdUntilReturnWindowEnds: boolean;
  returnWindowDays: number;
  newFriendChecks: readonly NewFriendCheck[];
  leakedCodeFriends: number;
  friendsPerAddress: number;
  clawBack: ReferralsPolicy["clawBack"];
}

export function referralTerms(doc: PolicyDocument, policyVersion: number): ReferralTerms {
  const r = doc.referrals;
  return {
    policyVersion,
    enabled: r.enabled,
    currency: r.referrerReward.currency,
    timeZone: doc.shipping.timezone,
    friendReward:
      r.friendRewardKind === "percent"
        ? { kind: "percent", percent: r.friendRewardPercent }
        : { kind: "amount", amount: r.friendReward.amount },
    minimumOrder: r.minimumOrder.amount,
    referrerReward: r.referrerReward.amount,
    referrerRewardForm: r.referrerRewardForm,
    ambassadorsEnabled: r.ambassadorProgramEnabled,
    ambassadorReward: r.ambassadorReward.amount,
    holdUntilReturnWindowEnds: r.holdUntilReturnWindowEnds,
    returnWindowDays: doc.returns.windowDays,
    newFriendChecks: r.newFriendChecks,
    leakedCodeFriends: r.leakedCodeFriends,
    friendsPerAddress: r.friendsPerAddress,
    clawBack: r.clawBack,
  };
}

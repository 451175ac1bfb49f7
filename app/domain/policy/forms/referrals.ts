import type { SectionForm } from "../field-spec";

export const referralsForm: SectionForm = {
  title: "Referrals",
  path: "referrals",
  description: "Give a friend a reward, get one when their order is final.",
  fields: [
    { kind: "bool", name: "enabled", label: "Run the referral program" },
    { kind: "money", name: "friendReward", label: "Friend's reward" },
    { kind: "money", name: "referrerReward", label: "Referrer's reward" },
    {
      kind: "select",
      name: "referrerRewardForm",
      label: "Referrer's reward is paid as",
      options: [
        { value: "store_credit", label: "Store credit" },
        { value: "discount_code", label: "A single-use discount code" },
      ],
    },
    { kind: "money", name: "minimumOrder", label: "Minimum order for the friend's reward" },
    {
      kind: "bool",
      name: "holdUntilReturnWindowEnds",
      label: "Release rewards only after the return window ends",
    },
    {
      kind: "bool",
      name: "ambassadorProgramEnabled",
      label: "Ambassador program (own code and link)",
    },
    { kind: "money", name: "ambassadorReward", label: "Ambassador reward per order" },
    {
      kind: "money",
      name: "newsletterFirstOrderDiscount",
      label: "Newsletter first-order discount",
    },
  ],
};

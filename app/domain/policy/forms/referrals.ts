import type { SectionForm } from "../field-spec";

export const referralsForm: SectionForm = {
  title: "Referrals",
  path: "referrals",
  description: "Give a friend a reward, get one when their order is final.",
  fields: [
    { kind: "bool", name: "enabled", label: "Run the referral program" },
    {
      kind: "select",
      name: "friendRewardKind",
      label: "Friend's reward is",
      options: [
        { value: "amount", label: "An amount off the first order" },
        { value: "percent", label: "A percentage off the first order" },
      ],
    },
    { kind: "money", name: "friendReward", label: "Friend's reward (amount)" },
    { kind: "int", name: "friendRewardPercent", label: "Friend's reward (percent)" },
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
      kind: "multiselect",
      name: "newFriendChecks",
      label: "A friend is not new when an earlier order has the same",
      options: [
        { value: "customer", label: "Customer" },
        { value: "email", label: "Email (ignoring case, dots and +tags where the provider does)" },
        { value: "address", label: "Shipping address" },
      ],
    },
    {
      kind: "int",
      name: "leakedCodeFriends",
      label: "Flag a code as leaked after this many friends in 30 days",
    },
    {
      kind: "int",
      name: "friendsPerAddress",
      label: "Flag when this many of a referrer's friends share an address",
    },
    {
      kind: "select",
      name: "clawBack",
      label: "After a paid reward's order is refunded or returned",
      options: [
        { value: "none", label: "Show it to me, take nothing back" },
        { value: "debit_store_credit", label: "Debit the unspent store credit" },
      ],
    },
    {
      kind: "money",
      name: "newsletterFirstOrderDiscount",
      label: "Newsletter first-order discount",
    },
  ],
};

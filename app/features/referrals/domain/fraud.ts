import type { ReferralTerms } from "./terms";

// Fraud signals on a referred order, each with the reason a merchant reads. A signal flags the
// reward for the merchant: nothing is paid automatically on a flag, and nothing is blocked
// either (one IP or one address is also a household or an office).

export type FraudCode =
  | "self_customer"
  | "self_email"
  | "self_address"
  | "self_payment"
  | "shared_address"
  | "leaked_code";

export interface FraudSignal {
  code: FraudCode;
  reason: string;
}

export interface PartyIdentity {
  customerGid: string | null;
  emailKey: string | null;
  /** Every address key the party is known by (a customer's addresses, their orders'). */
  addressKeys: readonly string[];
  /** Card fingerprints (BIN, last digits, expiry, name) where Shopify gives them. */
  paymentKeys: readonly string[];
}

export interface FraudInput {
  referrer: PartyIdentity;
  referrerIsAmbassador: boolean;
  friend: PartyIdentity;
  /** Address keys of this referrer's other referred friends (not this order). */
  otherFriendAddressKeys: readonly string[];
  /** Distinct friends who used this code in the last 30 days, this one included. */
  codeFriends30d: number;
  /** The median of that count over the shop's codes used at least once (the usual circle). */
  typicalCodeFriends30d: number;
}

/** The friend paid with a card the referrer paid with (keys from identity.cardKey). */
export function sameCard(
  friendKeys: readonly string[],
  referrerKeys: readonly string[],
): FraudSignal | null {
  return friendKeys.some((k) => referrerKeys.includes(k))
    ? { code: "self_payment", reason: "The friend paid with the referrer's card." }
    : null;
}

/** How many times the usual circle a code must reach, above the policy's floor, to be leaked. */
export const LEAK_FACTOR = 5;

export function fraudSignals(input: FraudInput, terms: ReferralTerms): FraudSignal[] {
  const { referrer, friend } = input;
  const signals: FraudSignal[] = [];
  if (referrer.customerGid && referrer.customerGid === friend.customerGid)
    signals.push({
      code: "self_customer",
      reason: "The friend is the referrer's own customer record.",
    });
  if (referrer.emailKey && referrer.emailKey === friend.emailKey)
    signals.push({
      code: "self_email",
      reason: `The friend's email is the referrer's mailbox written differently (${friend.emailKey}).`,
    });
  const sameAddress = friend.addressKeys.some((k) => referrer.addressKeys.includes(k));
  if (sameAddress)
    signals.push({ code: "self_address", reason: "The friend ships to the referrer's address." });
  const card = sameCard(friend.paymentKeys, referrer.paymentKeys);
  if (card) signals.push(card);
  const friendAddresses = new Set(friend.addressKeys);
  const sharing = input.otherFriendAddressKeys.filter((k) => friendAddresses.has(k)).length;
  if (!sameAddress && sharing + 1 >= terms.friendsPerAddress)
    signals.push({
      code: "shared_address",
      reason: `${sharing + 1} of this referrer's friends ship to one address (the policy flags ${terms.friendsPerAddress}).`,
    });
  // Ambassadors publish their code to an audience: many friends is the point, not a leak.
  const usual = Math.max(1, input.typicalCodeFriends30d);
  if (
    !input.referrerIsAmbassador &&
    input.codeFriends30d > terms.leakedCodeFriends &&
    input.codeFriends30d >= LEAK_FACTOR * usual
  )
    signals.push({
      code: "leaked_code",
      reason: `${input.codeFriends30d} friends used this code in 30 days, where a code usually brings ${input.typicalCodeFriends30d}: it looks shared publicly. Revoke it and issue a new one.`,
    });
  return signals;
}

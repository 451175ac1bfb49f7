import { localDate } from "~/domain/calendar";

// What a trial customer owes when the window closes, and when that can be known. Pure: the same
// facts always give the same answer, so a retried or duplicated settlement decides the same thing.
//
// Rules (returns-and-exchanges.txt, "At-Home Trial Box"): pairs not returned in time are "kept"
// and charged at their price; a return must be on its way by the end of the window; returned pairs
// that come back damaged carry the damage fee. Peers charge while a return is still in transit;
// here a return started within the window holds that line's charge until it arrives, or until
// the policy's cap passes (then it is charged like a kept pair).

export type TrialChoice = "undecided" | "keep" | "return";

export interface TrialLineFacts {
  lineItemGid: string;
  title: string;
  unitPrice: number;
  quantity: number;
  choice: TrialChoice;
  returnStartedAt: Date | null;
  returnReceivedAt: Date | null;
  damaged: boolean;
  damageFeeWaived: boolean;
  /** Replaced by an exchange: the line is returned and its replacement is a new trial line. */
  exchanged: boolean;
}

export interface SettlementTerms {
  damageFee: number;
  returnInTransitCapDays: number;
}

export type LineOutcome =
  | { kind: "charge"; amount: number; rule: string }
  | { kind: "returned"; fee: number; rule: string }
  | { kind: "pending"; until: Date; rule: string };

const DAY = 86_400_000;

/**
 * Settlement waits this long after the window closes: a return started at 23:59 reaches us by
 * webhook minutes or hours later, and charging for it in between is the peer complaint we fix.
 */
export const SETTLEMENT_GRACE_MS = 6 * 3_600_000;

export function lineOutcome(
  line: TrialLineFacts,
  terms: SettlementTerms,
  closesAt: Date,
  now: Date,
): LineOutcome {
  const value = line.unitPrice * line.quantity;
  const startedInTime =
    line.returnStartedAt !== null && line.returnStartedAt.getTime() < closesAt.getTime();
  if (line.returnReceivedAt && (startedInTime || line.returnReceivedAt < closesAt)) {
    const fee = line.damaged && !line.damageFeeWaived ? terms.damageFee * line.quantity : 0;
    return {
      kind: "returned",
      fee,
      rule: fee > 0 ? "returned damaged: damage fee" : "returned in time: not charged",
    };
  }
  if (startedInTime && line.returnStartedAt) {
    const cap = new Date(line.returnStartedAt.getTime() + terms.returnInTransitCapDays * DAY);
    if (now.getTime() < cap.getTime())
      return {
        kind: "pending",
        until: cap,
        rule: "return in transit: charge held until it arrives",
      };
    return {
      kind: "charge",
      amount: value,
      rule: `return not received within ${terms.returnInTransitCapDays} days of being sent: charged`,
    };
  }
  if (line.choice === "keep") return { kind: "charge", amount: value, rule: "kept: charged" };
  return {
    kind: "charge",
    amount: value,
    rule: line.returnStartedAt
      ? "return sent after the trial ended: charged"
      : "not returned by the end of the trial: charged",
  };
}

/**
 * Pairs back in the shop that settlement will not charge (received in time): they can leave the
 * order now, so the balance Shopify shows, reminds about and calls due is what the trial will
 * charge. Before delivery there is no window yet, and a pair already back is back in time.
 */
export function returnedForGood(
  lines: readonly TrialLineFacts[],
  terms: SettlementTerms,
  closesAt: Date | null,
  now: Date,
): string[] {
  const closes = closesAt ?? new Date(8.64e15);
  return lines
    .filter((l) => l.returnReceivedAt && lineOutcome(l, terms, closes, now).kind === "returned")
    .map((l) => l.lineItemGid);
}

export interface Settlement {
  /** Minor units owed for kept pairs. */
  itemsOwed: number;
  /** Minor units of damage fees. */
  feesOwed: number;
  total: number;
  chargedLineGids: string[];
  returnedLineGids: string[];
  lines: { lineItemGid: string; outcome: LineOutcome }[];
}

export type SettlementReadiness =
  | { ready: false; reason: "window_open" | "returns_in_transit"; until: Date }
  | { ready: true; settlement: Settlement };

/**
 * Settlement can be decided once the window has closed and no return sent in time is still in
 * transit (within its cap). Before that the answer is when to look again. The one exception is
 * a trial where every pair is back: there is nothing left to charge, so the hold can go early.
 */
export function settlementReadiness(
  lines: readonly TrialLineFacts[],
  terms: SettlementTerms,
  closesAt: Date,
  now: Date,
  graceMs: number = SETTLEMENT_GRACE_MS,
): SettlementReadiness {
  const outcomes = lines.map((line) => ({
    lineItemGid: line.lineItemGid,
    outcome: lineOutcome(line, terms, closesAt, now),
  }));
  const allBack = lines.length > 0 && outcomes.every((o) => o.outcome.kind === "returned");
  const feesDue = outcomes.some((o) => o.outcome.kind === "returned" && o.outcome.fee > 0);
  const settlesAt = new Date(closesAt.getTime() + graceMs);
  if (now.getTime() < settlesAt.getTime() && !(allBack && !feesDue))
    return { ready: false, reason: "window_open", until: settlesAt };
  const pending = outcomes
    .map((o) => o.outcome)
    .filter((o): o is Extract<LineOutcome, { kind: "pending" }> => o.kind === "pending");
  if (pending.length > 0) {
    const until = new Date(Math.min(...pending.map((p) => p.until.getTime())));
    return { ready: false, reason: "returns_in_transit", until };
  }
  let itemsOwed = 0;
  let feesOwed = 0;
  for (const { outcome } of outcomes) {
    if (outcome.kind === "charge") itemsOwed += outcome.amount;
    if (outcome.kind === "returned") feesOwed += outcome.fee;
  }
  return {
    ready: true,
    settlement: {
      itemsOwed,
      feesOwed,
      total: itemsOwed + feesOwed,
      chargedLineGids: outcomes
        .filter((o) => o.outcome.kind === "charge")
        .map((o) => o.lineItemGid),
      returnedLineGids: outcomes
        .filter((o) => o.outcome.kind === "returned")
        .map((o) => o.lineItemGid),
      lines: outcomes,
    },
  };
}

/**
 * What the shopper is told on the keep/return page: the value of every pair not marked for return
 * (and not back already), charged on the local day settlement runs. The rules above decide the
 * real charge; a pair marked "return" but never sent is still charged then.
 */
export function chargePreview(
  lines: readonly Pick<TrialLineFacts, "unitPrice" | "quantity" | "choice" | "returnReceivedAt">[],
  closesAt: Date,
  timeZone: string,
  graceMs: number = SETTLEMENT_GRACE_MS,
): { amount: number; chargeDate: string } {
  const amount = lines
    .filter((l) => l.choice !== "return" && !l.returnReceivedAt)
    .reduce((sum, l) => sum + l.unitPrice * l.quantity, 0);
  return { amount, chargeDate: localDate(new Date(closesAt.getTime() + graceMs), timeZone) };
}

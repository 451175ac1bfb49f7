import prisma from "~/db.server";
import { localDate } from "~/domain/calendar";
import type { TrialPart, TrialPhase } from "~/domain/order-status";
import { now } from "~/platform/clock.server";
import { trialSnapshot } from "./case.server";
import { chargePreview } from "./domain/settlement";
import { trialDay, trialWindow } from "./domain/window";

// The trial's part of the customer account's order page: the same window, day count and charge
// preview the keep/return page and the Trials page use, so the shopper reads one story everywhere.

const TRIAL_PAGE_PATH = "/apps/fitting-room/trial";

export async function trialOrderStatus(
  shop: string,
  orderGid: string,
  customerGid: string,
): Promise<TrialPart | null> {
  const trial = await prisma.trial.findFirst({
    where: { shop, orderGid, customerGid, cancelledAt: null },
    include: { lines: true },
  });
  if (!trial) return null;
  const snapshot = trialSnapshot(trial);
  const { terms } = snapshot;
  const at = now();
  const window = trialWindow(terms, snapshot, at);
  const windowDays = terms.windowDays + trial.extensionDays;
  const base = {
    kind: "trial" as const,
    windowDays,
    lastDay: window?.lastDay ?? null,
    pairs: trial.lines.reduce((sum, l) => sum + l.quantity, 0),
    undecided: trial.lines
      .filter((l) => l.choice === "undecided")
      .reduce((sum, l) => sum + l.quantity, 0),
    path: TRIAL_PAGE_PATH,
  };
  const money = (amount: number, date: string) => ({
    amount,
    currency: trial.currencyCode,
    date,
  });
  if (trial.settledAt) {
    const phase: TrialPhase = trial.collectedMinor > 0 ? "charged" : "closed";
    const date = localDate(trial.settledAt, terms.timeZone);
    return { ...base, phase, day: null, charge: money(trial.collectedMinor, date) };
  }
  if (!window) return { ...base, phase: "not_delivered", day: null, charge: null };
  const preview = chargePreview(snapshot.lines, window.closesAt, terms.timeZone);
  const charge = money(preview.amount, preview.chargeDate);
  if (at >= window.closesAt) return { ...base, phase: "decided", day: null, charge };
  const day = Math.min(trialDay(window, at, terms.timeZone), windowDays);
  return { ...base, phase: "at_home", day, charge };
}

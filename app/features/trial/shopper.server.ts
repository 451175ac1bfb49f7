import prisma from "~/db.server";
import { formatMoney } from "~/domain/money";
import { chargePreview } from "./domain/settlement";
import { trialWindow } from "./domain/window";
import { now } from "~/platform/clock.server";
import { addTrialEvent, advanceTrialSoon, trialSnapshot } from "./case.server";
import { setTrialChoices } from "./facts.server";

// The shopper's side of a trial, behind the signed app proxy: only the order's own customer sees
// or changes it. What they are told will be charged comes from the same rules the charge uses.

export async function shopperTrials(shop: string, customerGid: string) {
  const trials = await prisma.trial.findMany({
    where: { shop, customerGid, cancelledAt: null },
    include: { lines: true },
    orderBy: { orderedAt: "desc" },
    take: 10,
  });
  const at = now();
  return trials.map((t) => {
    const snapshot = trialSnapshot(t);
    const window = trialWindow(snapshot.terms, snapshot, at);
    const money = (amount: number) => formatMoney({ amount, currency: t.currencyCode });
    const preview = window
      ? chargePreview(snapshot.lines, window.closesAt, snapshot.terms.timeZone)
      : null;
    return {
      id: t.id,
      orderName: t.orderName,
      settled: t.settledAt !== null,
      collected: money(t.collectedMinor),
      window: window && { lastDay: window.lastDay, startDate: window.startDate },
      open: !t.settledAt && (!window || at < window.closesAt),
      exchangesAllowed: exchangeAllowance(t.terms),
      lines: t.lines.map((l) => ({
        lineItemGid: l.lineItemGid,
        label: `${l.title}${l.variantTitle ? ` — ${l.variantTitle}` : ""}`,
        price: money(l.unitPriceMinor * l.quantity),
        choice: l.choice,
        returned: l.returnReceivedAt !== null,
        inTransit: l.returnStartedAt !== null && l.returnReceivedAt === null,
      })),
      summary: t.settledAt
        ? `Settled: ${money(t.collectedMinor)} charged.`
        : window
          ? `If you keep what is marked "keep" and send the rest back by the end of ${window.lastDay}, we charge ${money(preview?.amount ?? 0)} on ${preview?.chargeDate}. Pairs not sent back by then are charged too.`
          : "Your trial starts the day your box is delivered.",
    };
  });
}

function exchangeAllowance(terms: string): number {
  const parsed = JSON.parse(terms) as { exchangesAllowed?: number };
  return parsed.exchangesAllowed ?? 1;
}

export type ShopperChoiceResult =
  { ok: true; message: string } | { ok: false; field: string; message: string };

export async function saveShopperChoices(
  shop: string,
  customerGid: string,
  input: {
    trialId: string;
    choices: { lineItemGid: string; choice: "keep" | "return" }[];
    exchange: string | null;
  },
): Promise<ShopperChoiceResult> {
  const trial = await prisma.trial.findFirst({
    where: { id: input.trialId, shop, customerGid },
    include: { lines: true },
  });
  if (!trial)
    return {
      ok: false,
      field: "trialId",
      message: "We could not find that trial on your account.",
    };
  if (trial.settledAt)
    return { ok: false, field: "trialId", message: "This trial has ended and been settled." };
  const snapshot = trialSnapshot(trial);
  const window = trialWindow(snapshot.terms, snapshot, now());
  if (window && now() >= window.closesAt)
    return { ok: false, field: "trialId", message: `Your trial ended on ${window.lastDay}.` };
  const unknown = input.choices.find(
    (c) => !trial.lines.some((l) => l.lineItemGid === c.lineItemGid),
  );
  if (unknown)
    return { ok: false, field: "choices", message: "One of those pairs is not in this trial." };
  await setTrialChoices(shop, trial.id, input.choices, "shopper");
  if (input.exchange) {
    const used = await prisma.trialEvent.count({
      where: { trialId: trial.id, kind: "exchange.requested" },
    });
    if (used >= exchangeAllowance(trial.terms))
      return {
        ok: false,
        field: "exchange",
        message: "Your free exchange has already been requested.",
      };
    await addTrialEvent(prisma, trial.id, shop, {
      kind: "exchange.requested",
      message: `Shopper asked for an exchange: ${input.exchange}`,
      dedupeKey: `exchange:${used + 1}`,
      occurredAt: now(),
      data: { request: input.exchange },
    });
    await prisma.trial.update({
      where: { id: trial.id },
      data: { attentionReason: `Exchange requested: ${input.exchange}` },
    });
  }
  await advanceTrialSoon(trial, `shopper:${now().toISOString()}`);
  const [after] = (await shopperTrials(shop, customerGid)).filter((t) => t.id === trial.id);
  return { ok: true, message: after?.summary ?? "Saved." };
}

/** Trial boxes not shipped yet: the ones whose fit questionnaire can still be filled in. */
export function questionnaireTrials(shop: string, customerGid: string) {
  return prisma.trial.findMany({
    where: { shop, customerGid, fulfilledAt: null, cancelledAt: null },
    orderBy: { orderedAt: "desc" },
    select: {
      id: true,
      orderName: true,
      orderGid: true,
      lines: { select: { lineItemGid: true, productGid: true, title: true } },
    },
  });
}

export interface Questionnaire {
  usualSize: string;
  width: string;
  fitIssues: string;
  colours: string;
  newOrSample: "new" | "sample" | "either";
}

export async function saveQuestionnaire(
  shop: string,
  customerGid: string,
  trialId: string,
  answers: Questionnaire,
  /** Run once the answers are saved: the fit finder's sizes for the box, for the fitting team. */
  suggest: () => Promise<string[]> = async () => [],
): Promise<ShopperChoiceResult> {
  const { count } = await prisma.trial.updateMany({
    where: { id: trialId, shop, customerGid, fulfilledAt: null },
    data: { questionnaire: JSON.stringify(answers) },
  });
  if (count !== 1)
    return {
      ok: false,
      field: "trialId",
      message: "That trial box has shipped already or is not yours.",
    };
  const suggestions = await suggest();
  await addTrialEvent(prisma, trialId, shop, {
    kind: "questionnaire",
    message: `Fit questionnaire: usual size ${answers.usualSize} ${answers.width}${suggestions.length ? `; the fit finder suggests ${suggestions.join(", ")}` : ""}`,
    dedupeKey: `questionnaire:${now().toISOString()}`,
    occurredAt: now(),
  });
  return { ok: true, message: "Thank you: our fitting team will use this to pick your sizes." };
}

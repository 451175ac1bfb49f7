import prisma from "~/db.server";
import { withBusyRetry } from "~/platform/sqlite-busy.server";
import { now } from "~/platform/clock.server";
import {
  addReturnEvent,
  advanceReturnSoon,
  caseDecision,
  decisionFor,
  findCase,
  recordReturnFact,
  requestsOf,
  type FullCase,
} from "./case.server";
import { CONDITIONS, type Condition } from "./domain/eligibility";

// What the merchant (and the shopper) can do to a return: facts plus a nudge to its job, never
// money directly — the job decides and pays (advance.server.ts). Each checks the return is where
// the action makes sense and names the field otherwise.

export class ReturnActionError extends Error {
  constructor(
    message: string,
    public field: string = "caseId",
    public status = 409,
  ) {
    super(message);
    this.name = "ReturnActionError";
  }
}

export const DECLINE_REASONS = ["FINAL_SALE", "RETURN_PERIOD_ENDED", "OTHER"] as const;
export type DeclineReasonInput = (typeof DECLINE_REASONS)[number];
export const INSPECTED_CONDITIONS: readonly Condition[] = CONDITIONS.filter((c) => c !== "unknown");

async function caseOf(shop: string, caseId: string): Promise<FullCase> {
  const c = await findCase(shop, caseId);
  if (!c) throw new ReturnActionError("No such return.", "caseId", 404);
  return c;
}

const approved = (c: FullCase) => c.approvedAt !== null || c.shopifyStatus === "OPEN";
const ended = (c: FullCase) => Boolean(c.declinedAt || c.cancelledAt || c.expiredAt || c.closedAt);

function lineOf(c: FullCase, lineId: string) {
  const line = c.lines.find((l) => l.id === lineId);
  if (!line) throw new ReturnActionError("No such line on this return.", "lineId", 404);
  return line;
}

/** The rules again on what is known now, at the instant the return was asked for. */
async function redecide(c: FullCase) {
  const fresh = (await findCase(c.shop, c.id)) as FullCase;
  const decision = await decisionFor(
    fresh.order,
    requestsOf(fresh.lines),
    fresh.id,
    fresh.requestedAt,
  );
  await prisma.returnCase.update({
    where: { id: c.id },
    data: { decision: JSON.stringify(decision) },
  });
  return decision;
}

export async function approveReturn(shop: string, caseId: string, by: string) {
  const c = await caseOf(shop, caseId);
  if (approved(c) || ended(c) || c.reviewOutcome)
    throw new ReturnActionError("This return is not waiting for review.");
  await recordReturnFact(
    c,
    { reviewOutcome: "approved", reviewedAt: now(), reviewedBy: by },
    { kind: "review.approved", message: `Approved by ${by}`, dedupeKey: "review" },
    { reviewOutcome: null },
  );
}

export async function declineReturn(
  shop: string,
  caseId: string,
  input: { reason: DeclineReasonInput; note: string },
  by: string,
) {
  if (!DECLINE_REASONS.includes(input.reason))
    throw new ReturnActionError("Choose a reason.", "reason", 400);
  const note = input.note.trim();
  if (!note) throw new ReturnActionError("Tell the shopper why (it is sent to them).", "note", 400);
  if (note.length > 500) throw new ReturnActionError("At most 500 characters.", "note", 400);
  const c = await caseOf(shop, caseId);
  if (approved(c) || ended(c) || c.reviewOutcome)
    throw new ReturnActionError("This return is not waiting for review.");
  await recordReturnFact(
    c,
    {
      reviewOutcome: "declined",
      reviewedAt: now(),
      reviewedBy: by,
      declineReason: input.reason,
      declineNote: note,
    },
    {
      kind: "review.declined",
      message: `Declined by ${by} (${input.reason}): ${note}`,
      dedupeKey: "review",
    },
    { reviewOutcome: null },
  );
}

export async function markReceived(shop: string, caseId: string, by: string) {
  const c = await caseOf(shop, caseId);
  if (!approved(c) || ended(c))
    throw new ReturnActionError("Only an approved return can be received.");
  if (c.receivedAt) throw new ReturnActionError("This parcel was already received.");
  await recordReturnFact(
    c,
    { receivedAt: now() },
    { kind: "parcel.received", message: `Parcel received (${by})`, dedupeKey: "received" },
    { receivedAt: null },
  );
}

/** One pair inspected: its condition re-runs the rules (a worn pair changes what is offered). */
export async function inspectLine(
  shop: string,
  caseId: string,
  lineId: string,
  input: { condition: Condition; note: string | null },
  by: string,
) {
  if (!INSPECTED_CONDITIONS.includes(input.condition))
    throw new ReturnActionError(
      `Choose one of ${INSPECTED_CONDITIONS.join(", ")}.`,
      "condition",
      400,
    );
  if (input.note && input.note.length > 500)
    throw new ReturnActionError("At most 500 characters.", "note", 400);
  const c = await caseOf(shop, caseId);
  if (!approved(c) || ended(c) || c.processedAt)
    throw new ReturnActionError("Only an approved, unprocessed return can be inspected.");
  const line = lineOf(c, lineId);
  await withBusyRetry(() =>
    prisma.$transaction(async (tx) => {
      await tx.returnCaseLine.update({
        where: { id: line.id },
        data: { condition: input.condition, conditionNote: input.note, inspectedAt: now() },
      });
      // A pair on the bench is a parcel that arrived.
      if (!c.receivedAt) {
        await tx.returnCase.update({ where: { id: c.id }, data: { receivedAt: now() } });
        await addReturnEvent(tx, c, {
          kind: "parcel.received",
          message: `Parcel received (${by})`,
          dedupeKey: "received",
        });
      }
    }),
  );
  const decision = await redecide(c);
  const item = decision.items.find((i) => i.lineItemGid === line.lineItemGid);
  await withBusyRetry(() =>
    prisma.$transaction(async (tx) => {
      await addReturnEvent(tx, c, {
        kind: "line.inspected",
        message: `Inspected ${item?.title ?? "a pair"}: ${input.condition.replace("_", " ")}${input.note ? ` (${input.note})` : ""} by ${by}. ${item?.shopper ?? ""}`,
        dedupeKey: `inspected:${line.id}:${input.condition}:${now().toISOString()}`,
      });
      await advanceReturnSoon(c, `inspected:${line.id}:${now().getTime()}`, tx);
    }),
  );
  return decision;
}

/** A worn pair: store credit less the restocking fee, or the pair sent back (shopper or merchant). */
export async function chooseOutcome(
  shop: string,
  caseId: string,
  lineId: string,
  outcome: "store_credit" | "send_back",
  by: string,
) {
  if (outcome !== "store_credit" && outcome !== "send_back")
    throw new ReturnActionError("Choose store credit or send back.", "outcome", 400);
  const c = await caseOf(shop, caseId);
  const line = lineOf(c, lineId);
  const item = caseDecision(c)?.items.find((i) => i.lineItemGid === line.lineItemGid);
  if (!item || item.decline || item.outcome !== null || !item.offered.includes(outcome))
    throw new ReturnActionError("This pair has no choice to make.", "outcome");
  await prisma.returnCaseLine.update({ where: { id: line.id }, data: { outcome } });
  await redecide(c);
  await withBusyRetry(() =>
    prisma.$transaction(async (tx) => {
      await addReturnEvent(tx, c, {
        kind: "choice.made",
        message: `${item.title}: ${outcome === "store_credit" ? "store credit less the restocking fee" : "sent back"}, chosen by ${by}`,
        dedupeKey: `choice:${line.id}`,
      });
      await advanceReturnSoon(c, `choice:${line.id}`, tx);
    }),
  );
}

/** The shopper's own tracking (they ship it back themselves: international). */
export async function addTracking(
  shop: string,
  caseId: string,
  input: { trackingNumber: string; trackingUrl: string | null },
) {
  const number = input.trackingNumber.trim();
  if (!/^[A-Za-z0-9 -]{4,40}$/.test(number))
    throw new ReturnActionError(
      "A tracking number: 4 to 40 letters and digits.",
      "trackingNumber",
      400,
    );
  if (input.trackingUrl && !/^https:\/\/[^\s]+$/.test(input.trackingUrl))
    throw new ReturnActionError("A tracking link starts with https://.", "trackingUrl", 400);
  const c = await caseOf(shop, caseId);
  if (!approved(c) || ended(c) || c.receivedAt)
    throw new ReturnActionError(
      "Tracking can be added once the return is approved and before it arrives.",
    );
  if (c.trackingNumber)
    throw new ReturnActionError("This return has its tracking already.", "trackingNumber");
  await recordReturnFact(
    c,
    { trackingNumber: number, trackingUrl: input.trackingUrl },
    { kind: "tracking.added", message: `Shopper's tracking: ${number}`, dedupeKey: "tracking" },
    { trackingNumber: null },
  );
}

/** Ship the exchange's new pair now (before the old one is back). */
export async function releaseExchange(shop: string, caseId: string, by: string) {
  const c = await caseOf(shop, caseId);
  if (!caseDecision(c)?.outboundExchange)
    throw new ReturnActionError("This return has no exchange.");
  if (!approved(c) || ended(c) || c.exchangeReleasedAt || c.exchangeReleaseRequestedAt)
    throw new ReturnActionError("The exchange cannot be shipped now.");
  await recordReturnFact(
    c,
    { exchangeReleaseRequestedAt: now() },
    {
      kind: "exchange.requested",
      message: `Exchange shipment asked for by ${by}`,
      dedupeKey: "exchange-requested",
    },
    { exchangeReleaseRequestedAt: null },
  );
}

/** Look at the return now (after a fix in Shopify, or to retry a failed step). */
export async function nudgeReturn(shop: string, caseId: string, by: string) {
  const c = await caseOf(shop, caseId);
  await advanceReturnSoon(c, `nudge:${by}:${now().getTime()}`);
}

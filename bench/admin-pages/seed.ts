// Seeds one shop with N trials, made-to-order cases, returns and referrals as a shop two years
// into the app would hold them: most cases finished, a working set open across every state, a
// few needing the merchant, each with its lines and timeline rows. Rows are written in bulk
// (createMany, one multi-row INSERT per chunk): 100,000 cases of each kind are ~1.5M rows.
import type { Prisma, PrismaClient } from "@prisma/client";
import { defaultPolicy } from "~/domain/policy/defaults";
import { caseTerms } from "~/features/made-to-order/domain/terms";
import { decideReturn } from "~/features/returns/domain/decide";
import { TERMS, ask, context, line } from "~/features/returns/domain/test-fixtures";
import { TRIAL_TERMS } from "../support/trial-terms";

const DAY = 86_400_000;
const CHUNK = 500;
const FIRST = ["Olivia", "Maya", "Ann", "Noah", "Liam", "Emma", "Sofia", "Lucas", "Mia", "Zoe"];
const LAST = ["Smith", "Garcia", "Chen", "Okafor", "Novak", "Silva", "Kim", "Brown", "Rossi"];

/** A fixed share of `n` per label: index i falls in the first bucket whose cumulative share passes it. */
function pick<T extends string>(i: number, n: number, shares: [T, number][]): T {
  const at = ((i * 7919) % n) / n; // spread the states over time instead of in blocks
  let sum = 0;
  for (const [label, share] of shares) {
    sum += share;
    if (at < sum) return label;
  }
  return shares[shares.length - 1]![0];
}

function person(i: number) {
  const first = FIRST[i % FIRST.length]!;
  const last = LAST[Math.floor(i / FIRST.length) % LAST.length]!;
  return { name: `${first} ${last}`, email: `${first}.${last}.${i}@example.com`.toLowerCase() };
}

// Tables whose updatedAt has no database default (Prisma's @updatedAt is set by the client).
const STAMPED = new Set([
  "Trial",
  "TrialLine",
  "MtoCase",
  "ReturnCase",
  "ReturnOrder",
  "Referrer",
  "ReferralCase",
]);
let serial = 0;

/**
 * Multi-row INSERTs straight to the table: Prisma's createMany through the JS engine writes about
 * 1,500 rows/s here, too slow for 1.5M rows. Dates are stored as Prisma stores them on each provider.
 */
async function insert(prisma: PrismaClient, table: string, rows: Record<string, unknown>[]) {
  if (rows.length === 0) return;
  const sqlite = !/^postgres/.test(process.env.DATABASE_URL ?? "");
  const stamp = new Date();
  const full = rows.map((r) => ({
    id: `seed${(serial += 1).toString(36)}`,
    ...r,
    ...(STAMPED.has(table) ? { updatedAt: stamp } : {}),
  }));
  const columns = [...new Set(full.flatMap((r) => Object.keys(r)))];
  const value = (v: unknown) =>
    v instanceof Date && sqlite ? v.toISOString().replace("Z", "+00:00") : (v ?? null);
  const per = Math.max(1, Math.floor(30_000 / columns.length));
  for (let i = 0; i < full.length; i += per) {
    const chunk = full.slice(i, i + per);
    let n = 0;
    const tuples = chunk.map(
      () => `(${columns.map(() => (sqlite ? "?" : `$${(n += 1)}`)).join(",")})`,
    );
    const params = chunk.flatMap((r) =>
      columns.map((c) => value((r as Record<string, unknown>)[c])),
    );
    await prisma.$executeRawUnsafe(
      `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(",")}) VALUES ${tuples.join(",")}`,
      ...params,
    );
  }
}

type Status = string;
const TRIAL_SHARES: [Status, number][] = [
  ["charged", 0.45],
  ["closed", 0.25],
  ["cancelled", 0.05],
  ["awaiting_returns", 0.06],
  ["delivered", 0.06],
  ["in_transit", 0.04],
  ["awaiting_shipment", 0.03],
  ["ending_soon", 0.02],
  ["awaiting_authorization", 0.02],
  ["needs_attention", 0.02],
];
const FINISHED = new Set(["charged", "closed", "cancelled"]);

async function seedTrials(prisma: PrismaClient, shop: string, n: number, now: number, tag: string) {
  for (let start = 0; start < n; start += CHUNK * 4) {
    const trials: Prisma.TrialCreateManyInput[] = [];
    const lines: Prisma.TrialLineCreateManyInput[] = [];
    const events: Prisma.TrialEventCreateManyInput[] = [];
    for (let i = start; i < Math.min(n, start + CHUNK * 4); i += 1) {
      const status = pick(i, n, TRIAL_SHARES);
      const finished = FINISHED.has(status);
      // Finished trials reach back two years; open ones are from the last few weeks.
      const orderedAt = now - (finished ? 20 + ((i * 13) % 700) : (i * 17) % 20) * DAY;
      const who = person(i);
      const id = `${tag}-trial-${i}`;
      trials.push({
        id,
        shop,
        orderGid: `gid://shopify/Order/${tag}${i}`,
        orderName: `#${10_000 + i}`,
        customerGid: `gid://shopify/Customer/${tag}${i % 30_000}`,
        customerEmail: who.email,
        customerName: who.name,
        currencyCode: "USD",
        policyVersion: 1,
        terms: TRIAL_TERMS,
        status,
        attentionReason: status === "needs_attention" ? "The card hold was declined" : null,
        orderedAt: new Date(orderedAt),
        fulfilledAt: status === "awaiting_authorization" ? null : new Date(orderedAt + DAY),
        deliveredAt: finished || i % 2 === 0 ? new Date(orderedAt + 3 * DAY) : null,
        windowClosesAt: new Date(orderedAt + 10 * DAY),
        authorizationAmount: 49_000,
        collectedMinor: status === "charged" ? 24_500 : 0,
        settledAt: finished ? new Date(orderedAt + 11 * DAY) : null,
        cancelledAt: status === "cancelled" ? new Date(orderedAt + DAY) : null,
        nextActionAt: finished ? null : new Date(now + ((i * 31) % (9 * 24)) * 3_600_000),
        nextAction: finished ? null : "Settle when the window closes",
      });
      for (let l = 0; l < 1 + (i % 3); l += 1)
        lines.push({
          trialId: id,
          lineItemGid: `gid://shopify/LineItem/${tag}${i}-${l}`,
          title: l === 0 ? "Little Black Heels" : "Five Shades of Nude",
          variantTitle: `${6 + (i % 5)} / Medium`,
          quantity: 1,
          unitPriceMinor: 24_500,
          choice: finished ? (l === 0 ? "keep" : "return") : "undecided",
        });
      for (const [k, kind] of ["order.placed", "hold.placed", "delivered"].entries())
        events.push({
          trialId: id,
          shop,
          kind,
          message: `${kind} for ${who.name}`,
          dedupeKey: kind,
          occurredAt: new Date(orderedAt + k * DAY),
        });
    }
    await insert(prisma, "Trial", trials);
    await insert(prisma, "TrialLine", lines);
    await insert(prisma, "TrialEvent", events);
  }
}

const MTO_SHARES: [Status, number][] = [
  ["shipped", 0.6],
  ["cancelled", 0.08],
  ["in_production", 0.16],
  ["awaiting_fit", 0.1],
  ["fitting_pair_to_ship", 0.05],
  ["size_change_needed", 0.01],
];
const MTO_TERMS = JSON.stringify(caseTerms(defaultPolicy("USD"), "US"));
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

async function seedMto(prisma: PrismaClient, shop: string, n: number, now: number, tag: string) {
  for (let start = 0; start < n; start += CHUNK * 4) {
    const cases: Prisma.MtoCaseCreateManyInput[] = [];
    const events: Prisma.MtoEventCreateManyInput[] = [];
    for (let i = start; i < Math.min(n, start + CHUNK * 4); i += 1) {
      const status = pick(i, n, MTO_SHARES);
      const done = status === "shipped" || status === "cancelled";
      const orderedAt = now - (done ? 30 + ((i * 13) % 700) : (i * 17) % 30) * DAY;
      const fitting = status !== "in_production" || i % 2 === 0;
      const confirmed = ["in_production", "size_change_needed", "shipped"].includes(status);
      const who = person(i);
      const id = `${tag}-mto-${i}`;
      cases.push({
        id,
        shop,
        orderGid: `gid://shopify/Order/${tag}m${i}`,
        orderName: `#${200_000 + i}`,
        originalLineItemGid: `gid://shopify/LineItem/${tag}m${i}`,
        lineItemGid: `gid://shopify/LineItem/${tag}m${i}`,
        title: "Little Black Heels",
        variantTitle: "10 / Extra Wide",
        size: "10",
        width: "Extra Wide",
        unitPriceMinor: 24_500,
        currencyCode: "USD",
        customerEmail: who.email,
        customerName: who.name,
        path: fitting ? "fitting_first" : "confirmed_size",
        policyVersion: 1,
        terms: MTO_TERMS,
        orderedAt: new Date(orderedAt),
        promisedShipDate: isoDay(orderedAt + 21 * DAY),
        scheduledShipDate: confirmed ? isoDay(orderedAt + (20 + (i % 5)) * DAY) : null,
        fittingPairShippedAt:
          fitting && status !== "fitting_pair_to_ship" ? new Date(orderedAt + DAY) : null,
        fittingPairDeliveredAt:
          fitting && status !== "fitting_pair_to_ship" ? new Date(orderedAt + 3 * DAY) : null,
        fitConfirmedAt: fitting && confirmed ? new Date(orderedAt + 5 * DAY) : null,
        fittingPairReturnedAt:
          fitting && (done || i % 3 === 0) ? new Date(orderedAt + 9 * DAY) : null,
        escalatedAt: status === "awaiting_fit" && i % 10 === 0 ? new Date(now - DAY) : null,
        fittingPairOverdueAt:
          status === "in_production" && i % 25 === 0 ? new Date(now - DAY) : null,
        reminderCount: status === "awaiting_fit" ? i % 3 : 0,
        shippedAt: status === "shipped" ? new Date(orderedAt + 21 * DAY) : null,
        cancelledAt: status === "cancelled" ? new Date(orderedAt + 2 * DAY) : null,
        status,
        nextActionAt: done ? null : new Date(now + (i % 200) * 3_600_000),
      });
      for (const [k, kind] of ["order.placed", "fitting_pair.shipped", "fit.confirmed"].entries())
        events.push({
          caseId: id,
          shop,
          kind,
          message: kind,
          dedupeKey: kind,
          occurredAt: new Date(orderedAt + k * DAY),
        });
    }
    await insert(prisma, "MtoCase", cases);
    await insert(prisma, "MtoEvent", events);
  }
}

const RETURN_SHARES: [Status, number][] = [
  ["done", 0.7],
  ["declined", 0.05],
  ["cancelled", 0.05],
  ["to_review", 0.04],
  ["awaiting_parcel", 0.08],
  ["to_inspect", 0.03],
  ["awaiting_shopper", 0.02],
  ["to_refund", 0.03],
];
const REASONS = ["SIZE_TOO_SMALL", "SIZE_TOO_LARGE", "STYLE", "COLOR", "DEFECTIVE", "OTHER"];
const OUTCOMES = ["refund", "store_credit", "exchange"] as const;
const RETURN_TERMS = JSON.stringify(TERMS);
// One real decision per outcome (the domain's own), reused: the list reads its titles and totals.
const DECISIONS = OUTCOMES.map((outcome) =>
  JSON.stringify(decideReturn(context(), [ask({ lineItemGid: line().lineItemGid, outcome })])),
);

async function seedReturns(
  prisma: PrismaClient,
  shop: string,
  n: number,
  now: number,
  tag: string,
) {
  for (let start = 0; start < n; start += CHUNK * 4) {
    const orders: Prisma.ReturnOrderCreateManyInput[] = [];
    const orderLines: Prisma.ReturnOrderLineCreateManyInput[] = [];
    const cases: Prisma.ReturnCaseCreateManyInput[] = [];
    const caseLines: Prisma.ReturnCaseLineCreateManyInput[] = [];
    const events: Prisma.ReturnEventCreateManyInput[] = [];
    for (let i = start; i < Math.min(n, start + CHUNK * 4); i += 1) {
      const status = pick(i, n, RETURN_SHARES);
      const open = !["done", "declined", "cancelled"].includes(status);
      const requestedAt = now - (open ? (i * 17) % 30 : 20 + ((i * 13) % 700)) * DAY;
      const who = person(i);
      const orderId = `${tag}-rorder-${i}`;
      const id = `${tag}-return-${i}`;
      const outcome = OUTCOMES[i % 3]!;
      orders.push({
        id: orderId,
        shop,
        orderGid: `gid://shopify/Order/${tag}r${i}`,
        orderName: `#${400_000 + i}`,
        customerEmail: who.email,
        customerName: who.name,
        shippingCountry: i % 10 === 0 ? "FR" : "US",
        currencyCode: "USD",
        policyVersion: TERMS.policyVersion,
        terms: RETURN_TERMS,
        placedAt: new Date(requestedAt - 6 * DAY),
      });
      cases.push({
        id,
        shop,
        orderId,
        source: "portal",
        returnGid: `gid://shopify/Return/${tag}${i}`,
        returnName: `#${400_000 + i}-R1`,
        policyVersion: TERMS.policyVersion,
        decision: DECISIONS[i % 3]!,
        requestedAt: new Date(requestedAt),
        approvedAt: status === "to_review" ? null : new Date(requestedAt + 3_600_000),
        receivedAt: ["to_inspect", "awaiting_shopper", "to_refund", "done"].includes(status)
          ? new Date(requestedAt + 4 * DAY)
          : null,
        status,
      });
      for (let l = 0; l < 1 + (i % 2); l += 1) {
        const lineItemGid = `gid://shopify/LineItem/${tag}r${i}-${l}`;
        orderLines.push({
          orderId,
          lineItemGid,
          productGid: `gid://shopify/Product/${1 + ((i + l) % 12)}`,
          title: l === 0 ? "Little Black Heels" : "Five Shades of Nude",
          variantTitle: `${6 + ((i + l) % 5)} / Medium`,
          quantity: 1,
          paidTotalMinor: 24_500,
          unitPriceMinor: 24_500,
          deliveredAt: new Date(requestedAt - 3 * DAY),
        });
        caseLines.push({
          caseId: id,
          lineItemGid,
          quantity: 1,
          reason: REASONS[(i + l) % REASONS.length]!,
          fitFeedback: l === 0 ? "too_tight" : null,
          outcome,
          exchangeTitle: outcome === "exchange" ? `${7 + (i % 5)} / Wide` : null,
        });
      }
      for (const [k, kind] of ["return.requested", "return.approved", "parcel.received"].entries())
        events.push({
          caseId: id,
          shop,
          kind,
          message: kind,
          dedupeKey: kind,
          occurredAt: new Date(requestedAt + k * DAY),
        });
    }
    await insert(prisma, "ReturnOrder", orders);
    await insert(prisma, "ReturnOrderLine", orderLines);
    await insert(prisma, "ReturnCase", cases);
    await insert(prisma, "ReturnCaseLine", caseLines);
    await insert(prisma, "ReturnEvent", events);
  }
}

const REFERRAL_SHARES: [Status, number][] = [
  ["paid", 0.55],
  ["voided", 0.1],
  ["waiting_payment", 0.03],
  ["waiting_delivery", 0.07],
  ["waiting_window", 0.12],
  ["waiting_return", 0.05],
  ["earned", 0.03],
  ["flagged", 0.05],
];

async function seedReferrals(
  prisma: PrismaClient,
  shop: string,
  n: number,
  now: number,
  tag: string,
) {
  const referrers: Prisma.ReferrerCreateManyInput[] = [];
  const referrerCount = Math.max(1, Math.floor(n / 5));
  for (let r = 0; r < referrerCount; r += 1) {
    const who = person(r + 50_000);
    referrers.push({
      id: `${tag}-referrer-${r}`,
      shop,
      customerGid: `gid://shopify/Customer/${tag}ref${r}`,
      email: who.email,
      emailKey: who.email,
      firstName: who.name.split(" ")[0],
      lastName: who.name.split(" ")[1],
      ambassadorStatus: r % 100 === 0 ? "applied" : r % 37 === 0 ? "approved" : null,
    });
  }
  await insert(prisma, "Referrer", referrers);
  for (let start = 0; start < n; start += CHUNK * 4) {
    const cases: Prisma.ReferralCaseCreateManyInput[] = [];
    const events: Prisma.ReferralEventCreateManyInput[] = [];
    for (let i = start; i < Math.min(n, start + CHUNK * 4); i += 1) {
      const status = pick(i, n, REFERRAL_SHARES);
      const done = status === "paid" || status === "voided";
      const orderedAt = now - (done ? 30 + ((i * 13) % 700) : (i * 17) % 30) * DAY;
      // A few referrers bring most friends, as ambassadors do.
      const r = (i % 4 === 0 ? i % 50 : i * 7) % referrerCount;
      const id = `${tag}-referral-${i}`;
      cases.push({
        id,
        shop,
        orderGid: `gid://shopify/Order/${tag}f${i}`,
        orderName: `#${600_000 + i}`,
        code: `MAYA-${(r % 10_000).toString(36).toUpperCase()}`,
        referrerId: `${tag}-referrer-${r}`,
        friendName: person(i).name,
        policyVersion: 1,
        currencyCode: "USD",
        discountMinor: 2000,
        rewardMinor: 2000,
        rewardForm: "store_credit",
        terms: "{}",
        facts: "{}",
        newness: JSON.stringify({ sentence: "A new customer" }),
        referrerDecision: "{}",
        status,
        windowLastDay: isoDay(orderedAt + 20 * DAY),
        paidAt: status === "paid" ? new Date(orderedAt + 21 * DAY) : null,
        orderedAt: new Date(orderedAt),
      });
      for (const [k, kind] of ["referral.opened", "referral.decided"].entries())
        events.push({
          caseId: id,
          shop,
          kind,
          message: kind,
          dedupeKey: kind,
          occurredAt: new Date(orderedAt + k * DAY),
        });
    }
    await insert(prisma, "ReferralCase", cases);
    await insert(prisma, "ReferralEvent", events);
  }
}

/** Every kind of case for one shop; `tag` keeps ids and order numbers apart between shops. */
export async function seedShop(
  prisma: PrismaClient,
  shop: string,
  n: number,
  now: number,
  tag: string,
) {
  for (const seed of [seedTrials, seedMto, seedReturns, seedReferrals]) {
    const started = performance.now();
    await seed(prisma, shop, n, now, tag);
    if (process.env.BENCH_VERBOSE)
      console.log(`  ${seed.name} ${shop}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
}

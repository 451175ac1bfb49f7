import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addCalendarDays, localDate, startOfLocalDay } from "~/domain/calendar";
import type { FraudSignal } from "./fraud";
import { rewardDecision, type RewardCase } from "./reward";
import { TERMS, rewardCase } from "./test-fixtures";

// The program's words, as an oracle written apart from rewardDecision: "the referrer gets $20
// once the friend's order is past its return window (14 days from delivery) and was not fully
// returned; a partial return under the minimum, a cancelled order, a flag the store has not
// cleared, or a friend who is not new means no reward (yet)".

const HOUR = 3_600_000;
const start = Date.UTC(2026, 10, 1);

const arbCase = fc.record({
  windowDays: fc.integer({ min: 1, max: 30 }),
  timeZone: fc.constantFrom("America/New_York", "Pacific/Auckland", "UTC", "Asia/Kolkata"),
  hold: fc.boolean(),
  minimumOrder: fc.constantFrom(0, 5000, 20000),
  deliveredHours: fc.option(fc.integer({ min: 0, max: 24 * 40 }), { nil: null }),
  lines: fc.array(
    fc.record({
      quantity: fc.integer({ min: 1, max: 3 }),
      unitValue: fc.integer({ min: 500, max: 30000 }),
      back: fc.nat(3),
    }),
    { minLength: 1, maxLength: 3 },
  ),
  paid: fc.boolean(),
  cancelled: fc.boolean(),
  isNew: fc.boolean(),
  referrerAllowed: fc.boolean(),
  flagged: fc.boolean(),
  review: fc.constantFrom(null, "approve", "void"),
  payNow: fc.boolean(),
});

type Generated = typeof arbCase extends fc.Arbitrary<infer T> ? T : never;

function toCase(g: Generated): RewardCase {
  const signals: FraudSignal[] = g.flagged ? [{ code: "self_address", reason: "same door" }] : [];
  return rewardCase({
    terms: {
      ...TERMS,
      returnWindowDays: g.windowDays,
      timeZone: g.timeZone,
      holdUntilReturnWindowEnds: g.hold,
      minimumOrder: g.minimumOrder,
    },
    order: {
      orderedAt: new Date(start),
      paid: g.paid,
      cancelledAt: g.cancelled ? new Date(start + HOUR) : null,
      lines: g.lines.map((l, i) => ({
        lineItemGid: `l${i}`,
        quantity: l.quantity,
        unitValue: l.unitValue,
        returned: Math.min(l.back, l.quantity),
      })),
      deliveredAt: g.deliveredHours === null ? null : new Date(start + g.deliveredHours * HOUR),
    },
    referrer: g.referrerAllowed
      ? { allowed: true, as: "customer", sentence: "" }
      : { allowed: false, reason: "no_kept_order", sentence: "" },
    newness: { isNew: g.isNew, matches: [], sentence: "" },
    signals,
    review: g.review ? { decision: g.review, note: null } : null,
    payNow: g.payNow,
  });
}

/** When the window is over: the first instant of the day after the last day, in the shop's zone. */
function windowOverAt(c: RewardCase): number | null {
  const d = c.order.deliveredAt;
  if (!d) return null;
  const dayAfter = addCalendarDays(localDate(d, c.terms.timeZone), c.terms.returnWindowDays + 1);
  return startOfLocalDay(dayAfter, c.terms.timeZone).getTime();
}

function oracleEarned(c: RewardCase, now: number): boolean {
  const units = c.order.lines.reduce((n, l) => n + l.quantity, 0);
  const back = c.order.lines.reduce((n, l) => n + l.returned, 0);
  const kept = c.order.lines.reduce((n, l) => n + (l.quantity - l.returned) * l.unitValue, 0);
  const approved = c.review?.decision === "approve";
  if (c.review?.decision === "void" || c.order.cancelledAt || back === units) return false;
  if (back > 0 && kept < c.terms.minimumOrder) return false;
  if (!approved && (!c.newness.isNew || !c.referrer.allowed || c.signals.length > 0)) return false;
  if (!c.order.paid) return false;
  if (!c.terms.holdUntilReturnWindowEnds || c.payNow) return true;
  const over = windowOverAt(c);
  return over !== null && now >= over;
}

describe("referral reward (property)", () => {
  it("is earned exactly when the program's words say, at any instant", () => {
    fc.assert(
      fc.property(arbCase, fc.integer({ min: 0, max: 24 * 60 }), (g, hours) => {
        const c = toCase(g);
        const now = start + hours * HOUR;
        expect(rewardDecision(c, new Date(now)).status === "earned").toBe(oracleEarned(c, now));
      }),
      { numRuns: 2000 },
    );
  });

  it("never before the window's end when held, and never goes back once earned", () => {
    fc.assert(
      fc.property(
        arbCase,
        fc.integer({ min: 0, max: 24 * 60 }),
        fc.integer({ min: 0, max: 24 * 30 }),
        (g, hours, later) => {
          const c = toCase({ ...g, payNow: false, hold: true });
          const now = start + hours * HOUR;
          const d = rewardDecision(c, new Date(now));
          if (d.status === "earned") {
            expect(now).toBeGreaterThanOrEqual(windowOverAt(c)!);
            expect(rewardDecision(c, new Date(now + later * HOUR)).status).toBe("earned");
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("states a reason whenever there is no reward, and a rule citing the policy version", () => {
    fc.assert(
      fc.property(arbCase, fc.integer({ min: 0, max: 24 * 60 }), (g, hours) => {
        const d = rewardDecision(toCase(g), new Date(start + hours * HOUR));
        expect(d.rule.startsWith(`Policy v${TERMS.policyVersion}:`)).toBe(true);
        expect(d.shopper.length).toBeGreaterThan(5);
        expect(d.status === "voided").toBe(d.voidReason !== null);
        expect(d.amount).toBe(2000);
      }),
      { numRuns: 1000 },
    );
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { addCalendarDays, localDate, startOfLocalDay } from "~/domain/calendar";
import { SETTLEMENT_GRACE_MS } from "~/features/trial/domain/settlement";
import { toMinor } from "../sandbox/admin/orders";
import type { DeliveryMode } from "../sandbox/webhooks";
import {
  TRIAL_SHOP,
  advanceDays,
  flush,
  setupTrialShop,
  trialOrderInput,
  startTrialSandbox,
} from "../support/trial-scenario";

// Random trials through the real app and the sandbox: webhooks duplicated or held back and
// delivered late, Admin calls whose answers are lost after they took effect (a crash between the
// call and the bookkeeping), jobs retried. Whatever happens, each trial is charged at most once,
// exactly what the rules say is owed, and never before its window has closed.

const context = startTrialSandbox();
const HOUR = 3_600_000;
const TZ = "America/New_York";
const CAP_DAYS = 10; // policy default returnInTransitCapDays
const PRICE = 24500;

type Command =
  | { kind: "wait"; hours: number }
  | { kind: "return"; line: 0 | 1 }
  | { kind: "receive"; line: 0 | 1 }
  | { kind: "loseResponses"; count: number };

const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ kind: fc.constant("wait" as const), hours: fc.integer({ min: 1, max: 60 }) }),
  fc.record({
    kind: fc.constant("return" as const),
    line: fc.constantFrom(0 as const, 1 as const),
  }),
  fc.record({
    kind: fc.constant("receive" as const),
    line: fc.constantFrom(0 as const, 1 as const),
  }),
  fc.record({ kind: fc.constant("loseResponses" as const), count: fc.integer({ min: 1, max: 3 }) }),
);

const scenario = fc.record({
  deliverAfterHours: fc.option(fc.integer({ min: 1, max: 120 }), { nil: null }),
  mode: fc.constantFrom<DeliveryMode>("normal", "duplicate", "hold"),
  commands: fc.array(command, { maxLength: 14 }),
});

describe("trial settlement under any order of events", () => {
  it("charges each trial at most once, exactly what is owed, never before the window closes", async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ deliverAfterHours, mode, commands }) => {
        await prisma.trial.deleteMany({});
        await prisma.job.deleteMany({});
        context.store.reset();
        context.sandbox.outbox.deliveries = [];
        await prisma.session.deleteMany({});
        await prisma.shop.deleteMany({});
        const { planGid } = await setupTrialShop(context);
        const { lifecycle, store } = context.sandbox;
        const clock = () => store.clock();
        // Held webhooks arrive up to 4 hours late (Shopify retries for about 4 hours), after
        // whatever was sent in between: late and out of order.
        const wait = async (hours: number) => {
          if (mode !== "hold") return advanceDays(context, hours / 24);
          await advanceDays(context, Math.min(hours, 4) / 24);
          await context.sandbox.outbox.release();
          if (hours > 4) await advanceDays(context, (hours - 4) / 24);
        };
        const order = lifecycle.placeOrder(
          TRIAL_SHOP,
          trialOrderInput(planGid, { webhookMode: mode }),
        );
        await flush(context);
        lifecycle.fulfil(TRIAL_SHOP, order.id, undefined, mode);
        const fulfilledAt = clock();
        let deliveredAt: number | null = null;
        if (deliverAfterHours !== null) {
          await wait(deliverAfterHours);
          lifecycle.carrierEvent(TRIAL_SHOP, order.id, "delivered", undefined, mode);
          deliveredAt = clock();
        }
        const returns: { started: number | null; received: number | null; id: string | null }[] = [
          { started: null, received: null, id: null },
          { started: null, received: null, id: null },
        ];
        for (const c of commands) {
          if (c.kind === "wait") await wait(c.hours);
          if (c.kind === "loseResponses") store.shop(TRIAL_SHOP).faults.lostResponses = c.count;
          const r = c.kind === "return" || c.kind === "receive" ? returns[c.line]! : null;
          if (c.kind === "return" && r && !r.started) {
            r.id = lifecycle.requestReturn(
              TRIAL_SHOP,
              order.id,
              [order.lines[c.line]!.id],
              mode,
            ).id;
            lifecycle.returnStep(TRIAL_SHOP, order.id, "approve", r.id, mode);
            r.started = clock();
          }
          if (c.kind === "receive" && r?.started && !r.received) {
            lifecycle.returnStep(TRIAL_SHOP, order.id, "process", r.id!, mode);
            r.received = clock();
          }
          await flush(context);
        }
        await context.sandbox.outbox.release();
        store.shop(TRIAL_SHOP).faults.lostResponses = 0;
        await advanceDays(context, 45);

        // The oracle, from the policy's words rather than the app's code.
        const startDate = deliveredAt
          ? localDate(new Date(deliveredAt), TZ)
          : addCalendarDays(localDate(new Date(fulfilledAt), TZ), 10);
        const closesAt = startOfLocalDay(addCalendarDays(startDate, 8), TZ).getTime();
        const owed = returns.reduce((sum, r) => {
          const backInTime =
            r.started !== null &&
            r.started < closesAt &&
            r.received !== null &&
            r.received < r.started + CAP_DAYS * 24 * HOUR;
          return sum + (backInTime ? 0 : PRICE);
        }, 0);

        const money = store.ledger.filter(
          (e) => e.orderGid === order.id && (e.kind === "capture" || e.kind === "charge"),
        );
        expect(money.length).toBeLessThanOrEqual(1);
        const collected = money.reduce((s, e) => s + toMinor(e.amount!.amount, "amount"), 0);
        expect(collected).toBe(owed);
        for (const e of money)
          expect(Date.parse(e.at)).toBeGreaterThanOrEqual(closesAt + SETTLEMENT_GRACE_MS);
        const trial = await prisma.trial.findFirstOrThrow({ where: { orderGid: order.id } });
        expect(trial.collectedMinor).toBe(owed);
        expect(trial.settledAt).not.toBeNull();
      }),
      { numRuns: Number(process.env.TRIAL_PROPERTY_RUNS ?? 12), endOnFailure: true },
    );
  }, 600_000);
});

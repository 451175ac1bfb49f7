import type { Prisma } from "@prisma/client";
import prisma from "../../app/db.server";
import { enqueueNew, type EnqueueInput } from "../../app/platform/jobs/queue.server";
import type { Sandbox } from "../../tests/sandbox/server";
import { Payments } from "../../tests/sandbox/payments";
import { addTrialSellingPlanGroup } from "../../tests/sandbox/seed";
import { TRIAL_TERMS } from "./trial-terms";
import type { SandboxShop } from "../../tests/sandbox/store";

// Due trials for the benchmarks and fault runs (bench/trials, bench/faults): delivered, holds
// live, windows closed, each settlement job due. Import after DATABASE_URL is set.

const DAY = 86_400_000;

/** The trial purchase option on the classic pumps (the sandbox's checkout sells no other plan). */
export function addTrialPurchaseOption(sandbox: Sandbox, shopState: SandboxShop): string {
  return addTrialSellingPlanGroup(sandbox.store, shopState).plan;
}

export interface DueTrialsInput {
  sandbox: Sandbox;
  shop: string;
  shopState: SandboxShop;
  /** The trial selling plan the orders are placed with. */
  planGid: string;
  /** Prefix of the trial ids and idempotency keys (one seeding per prefix and database). */
  prefix: string;
  count: number;
}

/**
 * `count` trials of two $245 pairs held at $490. A third sent everything back (the hold is
 * voided, nothing charged); the rest keep one pair (captured from the hold). Returns what each
 * order must be charged, by order gid.
 */
export async function seedDueTrials(input: DueTrialsInput): Promise<Map<string, number>> {
  const { sandbox, shop, shopState, planGid, prefix, count } = input;
  const payments = new Payments(sandbox.store);
  const now = sandbox.store.clock();
  const expected = new Map<string, number>();
  for (let start = 0; start < count; start += 500) {
    const trials: Prisma.TrialCreateManyInput[] = [];
    const lines: Prisma.TrialLineCreateManyInput[] = [];
    const jobs: EnqueueInput[] = [];
    for (let n = start; n < Math.min(count, start + 500); n += 1) {
      const order = sandbox.lifecycle.placeOrder(shop, {
        customerEmail: "olivia@example.com",
        paymentMethod: "card_on_file",
        lines: [
          { handle: "little-black-heels", size: "7", sellingPlanId: planGid },
          { handle: "five-shades-of-nude", size: "7", sellingPlanId: planGid },
        ],
      });
      const auth = payments.mandatePayment(shopState, order, {
        mandateId: order.mandateId!,
        idempotencyKey: `${prefix}-auth-${n}`,
        autoCapture: false,
      });
      const id = `${prefix}-trial-${n}`;
      const allBack = n % 3 === 0;
      expected.set(order.id, allBack ? 0 : 24500);
      trials.push({
        id,
        shop,
        orderGid: order.id,
        orderName: order.name,
        currencyCode: "USD",
        policyVersion: 1,
        terms: TRIAL_TERMS,
        mandateGid: order.mandateId,
        plus: shopState.plus,
        status: "awaiting_returns",
        orderedAt: new Date(now - 12 * DAY),
        fulfilledAt: new Date(now - 11 * DAY),
        deliveredAt: new Date(now - 9 * DAY),
        deliveryReportedAt: new Date(now - 9 * DAY),
        authorizationAttempts: 1,
        authorizationGid: auth.transactionId,
        authorizationAmount: 49000,
        authorizationExpiresAt: new Date(now + 6 * DAY),
        remindedAt: new Date(now - 3 * DAY),
      });
      order.lines.forEach((line, i) =>
        lines.push({
          trialId: id,
          lineItemGid: line.id,
          title: line.title,
          quantity: 1,
          unitPriceMinor: line.price,
          choice: i === 0 && !allBack ? "keep" : "return",
          returnStartedAt: i === 1 || allBack ? new Date(now - 5 * DAY) : null,
          returnReceivedAt: i === 1 || allBack ? new Date(now - 3 * DAY) : null,
        }),
      );
      jobs.push({
        type: "trial.advance",
        shop,
        payload: { trialId: id },
        idempotencyKey: `trial:${id}:advance:${prefix}`,
        runAt: new Date(now - 1000),
      });
    }
    await prisma.$transaction(async (tx) => {
      await tx.trial.createMany({ data: trials });
      await tx.trialLine.createMany({ data: lines });
      // Through the queue, so the jobs are scheduled whichever engine runs them.
      await enqueueNew(jobs, tx);
    });
  }
  sandbox.store.ledger.length = 0;
  return expected;
}

import prisma from "~/db.server";
import { setClockSource } from "~/platform/clock.server";
import type { PlaceOrderInput } from "../sandbox/lifecycle";
import { addTrialSellingPlanGroup, seedDemoStore } from "../sandbox/seed";
import { startSandbox } from "./sandbox";
import { startWebhookReceiver } from "./webhook-receiver";
import { installShop } from "./shopify";
import { runJobs } from "./worker";

// A trial shop in the sandbox with the trial purchase option in place, and helpers that move a
// trial order through Shopify's steps, delivering the webhooks and running the app's jobs.

export const TRIAL_SHOP = "trial-demo.myshopify.com";
const DAY = 86_400_000;

type SandboxContext = ReturnType<typeof startSandbox>;

export async function setupTrialShop(context: SandboxContext, options: { plus?: boolean } = {}) {
  const { store } = context;
  seedDemoStore(store, TRIAL_SHOP);
  store.setPlan(TRIAL_SHOP, options.plus ? "plus" : "standard");
  await installShop(store, TRIAL_SHOP, options);
  const { group, plan } = addTrialSellingPlanGroup(store, store.shop(TRIAL_SHOP));
  await prisma.shop.update({
    where: { domain: TRIAL_SHOP },
    data: {
      trialSellingPlanGid: plan,
      trialSellingPlanGroupGid: group,
      shopifyPlus: options.plus ?? false,
    },
  });
  // A fixed time of day (15:00 UTC, 10:00 in New York) makes hold expiries and windows line up
  // the same way on every run; time still only moves forward.
  const current = store.clock();
  const target = Math.ceil((current - 15 * 3_600_000) / DAY) * DAY + 15 * 3_600_000 + DAY;
  store.clockOffsetMs += target - current;
  setClockSource(() => store.clock());
  return { planGid: plan };
}

const unsent = (context: SandboxContext) =>
  context.sandbox.outbox.deliveries.filter(
    (d) => d.status === "sending" || (d.status === "pending" && d.attempts === 0),
  );

/** Waits until the sandbox has handed every webhook to the app, then runs the app's jobs. */
export async function flush(context: SandboxContext): Promise<void> {
  // A loaded machine can take any time to answer a webhook: wait for the answers themselves,
  // and fail loudly rather than carry on with work still in flight.
  const deadline = Date.now() + 30_000;
  for (;;) {
    await context.sandbox.outbox.deliverDue();
    while (unsent(context).length > 0) {
      if (Date.now() > deadline)
        throw new Error(
          `flush: webhooks still unanswered: ${unsent(context)
            .map((d) => `${d.topic} ${d.status}`)
            .join(", ")}`,
        );
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const ran = await runJobs();
    if (ran === 0 && unsent(context).length === 0) return;
    if (Date.now() > deadline) throw new Error("flush: jobs kept coming for 30 s");
  }
}

export function trialOrderInput(
  planGid: string,
  over: Partial<PlaceOrderInput> = {},
): PlaceOrderInput {
  return {
    customerEmail: "olivia@example.com",
    paymentMethod: "card_on_file",
    lines: [
      { handle: "little-black-heels", size: "7.5", sellingPlanId: planGid },
      { handle: "five-shades-of-nude", size: "8", sellingPlanId: planGid },
    ],
    ...over,
  };
}

/** Moves time forward job by job, as a worker lives it: each job runs at its own run-at. */
export async function advanceDays(context: SandboxContext, days: number) {
  const { store } = context;
  const target = store.clock() + days * DAY;
  await flush(context);
  for (let i = 0; i < 200; i += 1) {
    const next = await prisma.job.findFirst({
      where: { status: "queued", runAt: { lte: new Date(target) } },
      orderBy: { runAt: "asc" },
    });
    if (!next) break;
    const wait = next.runAt.getTime() - store.clock();
    if (wait > 0) store.clockOffsetMs += wait;
    await flush(context);
  }
  if (target > store.clock()) store.clockOffsetMs += target - store.clock();
  await flush(context);
}

/** A trial order placed, shipped and delivered (after `daysInTransit`), its webhooks handled. */
export async function placeDeliveredTrial(
  context: SandboxContext,
  options: { plus?: boolean; daysInTransit?: number } = {},
) {
  const { planGid } = await setupTrialShop(context, { plus: options.plus });
  const { lifecycle } = context.sandbox;
  const order = lifecycle.placeOrder(TRIAL_SHOP, trialOrderInput(planGid));
  await flush(context);
  lifecycle.fulfil(TRIAL_SHOP, order.id);
  if (options.daysInTransit) await advanceDays(context, options.daysInTransit);
  lifecycle.carrierEvent(TRIAL_SHOP, order.id, "delivered");
  await flush(context);
  return { planGid, order };
}

const MONEY = /^(authorization|charge|capture|void|refund)(\.declined)?$/;

/** The money movements of one order, in order: "capture 245.00", "void 490.00"… */
export function ledgerFor(context: SandboxContext, orderGid: string) {
  return context.store.ledger
    .filter((e) => e.orderGid === orderGid && MONEY.test(e.kind))
    .map((e) => `${e.kind} ${e.amount?.amount ?? ""}`.trim());
}

/**
 * The sandbox for trial tests: its webhooks go to the app's real inbox (routes' own handler, no
 * HTTP server of the app), and the test drives time and jobs with `flush` and `advanceDays`.
 */
export function startTrialSandbox() {
  const receiver = startWebhookReceiver();
  return startSandbox({ appUrl: () => receiver.url });
}

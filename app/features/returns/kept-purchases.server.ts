import prisma from "~/db.server";
import { addCalendarDays, localDate, startOfLocalDay } from "~/domain/calendar";
import { sizeAndWidth } from "~/domain/fit-profile";
import { now } from "~/platform/clock.server";
import { enqueue } from "~/platform/jobs/queue.server";
import type { PolicyJobHandler } from "~/policy-module";
import { recordFitOutcome } from "~/services/fit-outcomes.server";
import { termsOf } from "./case.server";

// A pair bought outright and not sent back within its return window was kept: fit evidence for
// the fit finder, like a kept trial pair. Checked the day after the window of each delivery
// closes; trial, made-to-order and fitting pairs report their own outcomes.

export const RETURNS_KEPT_CHECK_JOB = "returns.kept-check";

/** The check for one delivery, the day after its window closes (in the shop's zone). */
export async function scheduleKeptCheck(
  shop: string,
  order: { id: string; orderGid: string; terms: string },
  fulfillmentGid: string,
  deliveredAt: Date,
) {
  const terms = termsOf(order);
  const lastDay = addCalendarDays(localDate(deliveredAt, terms.timeZone), terms.windowDays);
  await enqueue({
    type: RETURNS_KEPT_CHECK_JOB,
    shop,
    payload: { orderId: order.id },
    idempotencyKey: `${RETURNS_KEPT_CHECK_JOB}:${order.orderGid}:${fulfillmentGid}`,
    runAt: startOfLocalDay(addCalendarDays(lastDay, 1), terms.timeZone),
  });
}

export const keptCheck: PolicyJobHandler = async (context) => {
  const { orderId } = context.payload as { orderId: string };
  const order = await prisma.returnOrder.findFirst({
    where: { id: orderId, shop: context.shop },
    include: { lines: true, cases: { include: { lines: true } } },
  });
  if (!order) return;
  const terms = termsOf(order);
  const today = localDate(now(), terms.timeZone);
  // A pair with any return asked for already counts as returned with its feedback (opening the
  // case recorded it): a declined or withdrawn request must not add a contradicting "kept".
  const asked = new Set(order.cases.flatMap((c) => c.lines.map((l) => l.lineItemGid)));
  let kept = 0;
  for (const line of order.lines) {
    if (!line.deliveredAt || line.purchaseOption || line.giftCard || asked.has(line.lineItemGid))
      continue;
    const lastDay = addCalendarDays(localDate(line.deliveredAt, terms.timeZone), terms.windowDays);
    if (lastDay >= today) continue;
    const { size, width } = sizeAndWidth(line.variantTitle);
    const recorded = await recordFitOutcome({
      shop: order.shop,
      customerGid: order.customerGid,
      productGid: line.productGid,
      productTitle: line.title,
      size,
      width,
      result: "kept",
      source: "purchase",
      sourceRef: line.lineItemGid,
      lineItemGid: line.lineItemGid,
      at: now(),
    });
    if (recorded) kept += 1;
  }
  context.log.info({ orderId, kept }, "kept purchases recorded");
};

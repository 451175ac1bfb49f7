import type { MtoCase } from "@prisma/client";
import type { Logger } from "pino";
import prisma from "~/db.server";
import type { AdminGraphql } from "~/platform/admin/client.server";
import { now } from "~/platform/clock.server";
import { advanceCase, type StepOutcome } from "~/platform/jobs/case-runner.server";
import {
  MTO_CASE,
  caseFacts,
  daysSince,
  fitLink,
  mtoFlow,
  termsOf,
  updateCase,
} from "./case.server";
import { nextMtoAction, type MtoAction } from "./domain/next-action";
import { mtoStatus } from "./domain/status";
import { changeSize, holdAndShipFittingPair } from "./fitting.server";
import { FIT_HOLD, PRODUCTION_HOLD, fetchOrder } from "./fulfillment.server";
import { releaseOurHold } from "./holds.server";
import { scheduleProduction } from "./production.server";

// The `mto.advance` job's steps (the case runner loops over them, one job per case at a time):
// ask the domain what the case needs next, perform it on Shopify under an effect key (recorded
// before the call, so a retry or a crash never adds a second fitting pair or places a second
// hold), record the outcome; on "wait", store the status and the next look.

export function advanceMtoCase(
  ref: { id: string; shop: string },
  graphql: AdminGraphql,
  log: Logger,
): Promise<void> {
  return advanceCase(MTO_CASE, ref, () => step(ref.id, graphql, log), log);
}

async function step(caseId: string, graphql: AdminGraphql, log: Logger): Promise<StepOutcome> {
  const c = await prisma.mtoCase.findUniqueOrThrow({ where: { id: caseId } });
  const action = nextMtoAction(caseFacts(c), termsOf(c), now());
  log.info({ caseId, order: c.orderName, action: action.kind }, "made-to-order next action");
  if (action.kind === "wait") {
    await settle(c, action);
    return { kind: "wait", until: action.until };
  }
  await perform(c, action, graphql, log);
  return { kind: "again" };
}

/** Stores the derived status and the next look, and asks for that look. */
async function settle(c: MtoCase, action: MtoAction & { kind: "wait" }) {
  const facts = caseFacts(c);
  const status = mtoStatus({
    path: facts.path,
    fittingPairShippedAt: c.fittingPairShippedAt,
    fitConfirmedAt: c.fitConfirmedAt,
    sizeChange: facts.sizeChange,
    shippedAt: c.shippedAt,
    cancelledAt: c.cancelledAt,
  });
  await prisma.mtoCase.update({
    where: { id: c.id },
    data: { status, nextActionAt: action.until, nextAction: action.reason },
  });
}

async function perform(
  c: MtoCase,
  action: Exclude<MtoAction, { kind: "wait" }>,
  graphql: AdminGraphql,
  log: Logger,
) {
  const terms = termsOf(c);
  switch (action.kind) {
    case "hold_and_ship_fitting_pair":
      return holdAndShipFittingPair(c, terms, graphql, log);
    case "change_size":
      return changeSize(c, graphql, log);
    case "schedule_production":
      return scheduleProduction(c, terms, graphql);
    case "release_production_hold": {
      const fo = c.fulfillmentOrderGid;
      if (fo && c.productionHoldGid) await releaseOurHold(c, graphql, fo, c.productionHoldGid);
      return updateCase(
        c,
        { productionHoldGid: null },
        {
          kind: "production.done",
          message: `Production done: released to ship on ${c.scheduledShipDate}`,
          dedupeKey: "production-released",
        },
      );
    }
    case "remind_fit": {
      await mtoFlow(c, graphql, "fit-reminder:auto", "fit-reminder-due", {
        "Fit link": fitLink(c),
        "Days waiting": daysSince(c.fittingPairDeliveredAt, now()),
      });
      return updateCase(
        c,
        { reminderSentAt: now(), reminderCount: c.reminderCount + 1 },
        {
          kind: "fit.reminder",
          message: `Fit confirmation reminder sent (${terms.fitReminderAfterDays} days after delivery)`,
          dedupeKey: "reminder:auto",
        },
      );
    }
    case "escalate_fit": {
      const reason = `No fit confirmation ${terms.fitEscalateAfterDays} days after the fitting pair was delivered`;
      await mtoFlow(c, graphql, "attention:fit", "made-to-order-attention", { Reason: reason });
      return updateCase(
        c,
        { escalatedAt: now() },
        { kind: "fit.escalated", message: reason, dedupeKey: "escalated" },
      );
    }
    case "fitting_pair_overdue": {
      const reason = `Fitting pair not returned ${terms.fittingPairReturnDays} days after the fit was confirmed`;
      await mtoFlow(c, graphql, "attention:fitting-pair", "made-to-order-attention", {
        Reason: reason,
      });
      return updateCase(
        c,
        { fittingPairOverdueAt: now() },
        { kind: "fitting_pair.overdue", message: reason, dedupeKey: "fitting-overdue" },
      );
    }
    case "release_hold_for_cancel": {
      const order = await fetchOrder(graphql, c.orderGid);
      for (const fo of order.fulfillmentOrders.nodes) {
        if (fo.status === "CLOSED" || fo.status === "CANCELLED") continue;
        for (const hold of fo.fulfillmentHolds.filter(
          (h) => h.handle === FIT_HOLD || h.handle === PRODUCTION_HOLD,
        ))
          await releaseOurHold(c, graphql, fo.id, hold.id);
      }
      return updateCase(
        c,
        { holdsReleasedAt: now(), productionHoldGid: null },
        {
          kind: "holds.released",
          message: "Order cancelled: the app's fulfillment holds were released",
          dedupeKey: "holds-released",
        },
      );
    }
  }
}

import type { Logger } from "pino";
import prisma from "~/db.server";
import type { AdminGraphql } from "~/platform/admin/client.server";
import { now } from "~/platform/clock.server";
import { performEffect } from "~/platform/effects.server";
import { advanceCase, type StepOutcome } from "~/platform/jobs/case-runner.server";
import { fireFlowTrigger } from "~/services/flow.server";
import {
  RETURN_CASE,
  caseDecision,
  caseFacts,
  loadCase,
  recordReturnFact,
  termsOf,
  type FullCase,
} from "./case.server";
import { nextReturnAction, returnStatus, type ReturnAction } from "./domain/next-action";
import { createCaseReturn, releaseExchange, removeSentBack } from "./create.server";
import { buyReturnLabel, labelsAvailable } from "./labels.server";
import { processCase } from "./process.server";
import {
  approveRequest,
  attachReverseDelivery,
  cancelReturn,
  closeReturn,
  declineRequest,
  readReturn,
} from "./shopify.server";

// The `returns.advance` job's steps (the case runner loops over them, one job per return at a
// time): ask the domain what the return needs next, perform it on Shopify under an effect key
// (recorded before the call), record the outcome; on "wait", store the status and the next look.

export function advanceReturnCase(
  ref: { id: string; shop: string },
  graphql: AdminGraphql,
  log: Logger,
): Promise<void> {
  return advanceCase(RETURN_CASE, ref, () => step(ref.id, graphql, log), log);
}

async function step(caseId: string, graphql: AdminGraphql, log: Logger): Promise<StepOutcome> {
  const c = await loadCase(caseId);
  const facts = caseFacts(c, labelsAvailable());
  const terms = termsOf(c.order);
  const action = nextReturnAction(facts, terms, now());
  log.info({ caseId, order: c.order.orderName, action: action.kind }, "return next action");
  if (action.kind === "wait") {
    await prisma.returnCase.update({
      where: { id: c.id },
      data: { status: returnStatus(facts), nextActionAt: action.until, nextAction: action.reason },
    });
    return { kind: "wait", until: action.until };
  }
  await perform(c, action, graphql);
  return { kind: "again" };
}

const effectKey = (c: FullCase, what: string) => `return:${c.id}:${what}`;

function flow(c: FullCase, graphql: AdminGraphql, handle: string, fields: Record<string, unknown>) {
  return fireFlowTrigger(graphql, {
    shop: c.shop,
    key: effectKey(c, `flow:${handle}`),
    handle,
    customerGid: c.order.customerGid,
    orderGid: c.order.orderGid,
    fields: { "Return name": c.returnName ?? c.order.orderName, ...fields },
  });
}

const once = (c: FullCase, data: Record<string, unknown>, kind: string, message: string) =>
  recordReturnFact(c, data, { kind, message, dedupeKey: kind });

async function perform(
  c: FullCase,
  action: Exclude<ReturnAction, { kind: "wait" }>,
  graphql: AdminGraphql,
) {
  const decision = caseDecision(c);
  switch (action.kind) {
    case "notify_review": {
      const reason = c.reviewReason ?? "the policy asks the merchant to approve every return";
      await flow(c, graphql, "return-needs-review", { Reason: reason });
      return once(c, { notifiedReviewAt: now() }, "review.asked", `Waiting for review: ${reason}`);
    }
    case "decline": {
      const first = decision?.items.find((i) => i.decline)?.decline;
      const reason = c.declineReason ?? first?.reason ?? "OTHER";
      const note =
        c.declineNote ??
        (decision?.items
          .filter((i) => i.decline)
          .map((i) => `${i.title}: ${i.shopper}`)
          .join(" ") ||
          "Declined by the store.");
      if (action.shopify && c.returnGid) {
        const returnGid = c.returnGid;
        await performEffect(
          {
            shop: c.shop,
            key: effectKey(c, "decline"),
            kind: "return.decline",
            request: { reason },
          },
          async () => ({ status: await declineRequest(graphql, returnGid, reason as never, note) }),
        );
      }
      return once(
        c,
        {
          declinedAt: now(),
          declineReason: reason,
          declineNote: note,
          shopifyStatus: c.returnGid ? "DECLINED" : null,
        },
        "return.declined",
        `Declined (${reason}): ${note}`,
      );
    }
    case "approve": {
      if (action.create) return createCaseReturn(c, graphql);
      const returnGid = c.returnGid as string;
      await performEffect(
        { shop: c.shop, key: effectKey(c, "approve"), kind: "return.approve", request: {} },
        async () => ({ status: (await approveRequest(graphql, returnGid)).status }),
      );
      return once(
        c,
        { approvedAt: now(), shopifyStatus: "OPEN" },
        "return.approved",
        "Approved on Shopify",
      );
    }
    case "attach_label": {
      const label = await performEffect(
        { shop: c.shop, key: effectKey(c, "label"), kind: "return.label", request: {} },
        () => buyReturnLabel(c.shop, c.order.orderGid, c.order.currencyCode),
      );
      await attachOnce(c, graphql, {
        labelUrl: label.labelUrl,
        trackingNumber: label.trackingNumber,
        trackingUrl: label.trackingUrl,
      });
      if (label.costMinor > 0)
        await prisma.returnMoney.upsert({
          where: {
            shop_idempotencyKey: { shop: c.shop, idempotencyKey: effectKey(c, "label-cost") },
          },
          create: {
            shop: c.shop,
            caseId: c.id,
            kind: "covered_shipment",
            amountMinor: label.costMinor,
            currencyCode: c.order.currencyCode,
            status: "succeeded",
            idempotencyKey: effectKey(c, "label-cost"),
            rule: `${decision?.market ?? "domestic"} returns ship back on the store's prepaid label (returns policy v${c.policyVersion})`,
            policyVersion: c.policyVersion,
            details: JSON.stringify({ carrier: label.carrier, tracking: label.trackingNumber }),
            reference: label.trackingNumber,
          },
          update: {},
        });
      return once(
        c,
        {
          labelUrl: label.labelUrl,
          trackingNumber: label.trackingNumber,
          trackingUrl: label.trackingUrl,
          trackingAttachedAt: now(),
        },
        "label.attached",
        `Prepaid ${label.carrier} label attached (tracking ${label.trackingNumber})`,
      );
    }
    case "attach_tracking": {
      await attachOnce(c, graphql, {
        trackingNumber: c.trackingNumber,
        trackingUrl: c.trackingUrl,
      });
      return once(
        c,
        { trackingAttachedAt: now() },
        "tracking.attached",
        `Tracking ${c.trackingNumber} added to the return`,
      );
    }
    case "flag_no_parcel":
      return once(
        c,
        { parcelFlaggedAt: now() },
        "parcel.flagged",
        `No parcel ${termsOf(c.order).parcelReminderDays} days after the return was approved`,
      );
    case "expire": {
      if (c.returnGid) {
        const returnGid = c.returnGid;
        await performEffect(
          { shop: c.shop, key: effectKey(c, "expire"), kind: "return.cancel", request: {} },
          async () => ({
            status: await cancelReturn(graphql, returnGid).catch(() =>
              closeReturn(graphql, returnGid),
            ),
          }),
        );
      }
      return once(
        c,
        { expiredAt: now() },
        "return.expired",
        `Expired: never sent back within ${termsOf(c.order).approvedReturnExpiryDays} days of approval`,
      );
    }
    case "notify_received":
      await flow(c, graphql, "return-received", {
        Items: decision?.items.map((i) => i.title).join(", ") ?? "",
      });
      return once(
        c,
        { notifiedReceivedAt: now() },
        "received.notified",
        "Parcel received: ready to inspect",
      );
    case "ask_choice": {
      const worn = decision?.items.filter((i) => !i.decline && i.outcome === null) ?? [];
      await flow(c, graphql, "return-worn", {
        Items: worn.map((i) => i.title).join(", "),
        Condition: worn.map((i) => i.condition).join(", "),
      });
      return once(
        c,
        { choiceRequestedAt: now() },
        "choice.asked",
        `Shopper asked to choose: ${worn.map((i) => i.shopper).join(" ")}`,
      );
    }
    case "release_exchange":
      return releaseExchange(c, graphql);
    case "remove_sent_back":
      return removeSentBack(c, graphql);
    case "process":
      return processCase(c, graphql);
    case "close": {
      const returnGid = c.returnGid;
      if (returnGid)
        await performEffect(
          { shop: c.shop, key: effectKey(c, "close"), kind: "return.close", request: {} },
          async () => ({ status: await closeReturn(graphql, returnGid) }),
        );
      return once(
        c,
        { closedAt: now(), shopifyStatus: returnGid ? "CLOSED" : null },
        "return.closed",
        "Closed",
      );
    }
  }
}

/** The return's one reverse delivery: its label and/or tracking, attached once. */
async function attachOnce(
  c: FullCase,
  graphql: AdminGraphql,
  shipping: {
    labelUrl?: string | null;
    trackingNumber?: string | null;
    trackingUrl?: string | null;
  },
) {
  const returnGid = c.returnGid as string;
  const delivery = await performEffect(
    {
      shop: c.shop,
      key: effectKey(c, `reverse-delivery:${shipping.trackingNumber ?? "label"}`),
      kind: "return.reverse_delivery",
      request: shipping,
    },
    async () => ({
      id: await attachReverseDelivery(graphql, await readReturn(graphql, returnGid), shipping),
    }),
  );
  await prisma.returnCase.update({
    where: { id: c.id },
    data: { reverseDeliveryGid: delivery.id },
  });
}

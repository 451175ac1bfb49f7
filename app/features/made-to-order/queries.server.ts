import type { MtoCase, Prisma } from "@prisma/client";
import prisma from "~/db.server";
import { localDate } from "~/domain/calendar";
import {
  MTO_QUEUES,
  MTO_STATUS_LABELS,
  mtoAttention,
  type MtoQueue,
  type MtoStatus,
} from "./domain/status";
import { now } from "~/platform/clock.server";
import { fitLink, sizeChangeOf, termsOf } from "./case.server";

// The Made-to-order page's queues and a case's detail.

const open = { cancelledAt: null } satisfies Prisma.MtoCaseWhereInput;

function queueWhere(queue: MtoQueue): Prisma.MtoCaseWhereInput {
  switch (queue) {
    case "fitting_pair_to_return":
      return {
        ...open,
        path: "fitting_first",
        fitConfirmedAt: { not: null },
        fittingPairReturnedAt: null,
      };
    case "in_production":
      return { status: { in: ["in_production", "size_change_needed"] } };
    case "attention":
      return {
        ...open,
        shippedAt: null,
        OR: [
          { escalatedAt: { not: null }, fitConfirmedAt: null },
          { fittingPairOverdueAt: { not: null }, fittingPairReturnedAt: null },
          { status: "size_change_needed" },
        ],
      };
    default:
      return { status: queue };
  }
}

const DAY = 86_400_000;

function row(c: MtoCase, today: string) {
  const waitingSince = c.fittingPairDeliveredAt ?? c.fittingPairShippedAt;
  const shipDate = c.scheduledShipDate ?? c.promisedShipDate;
  return {
    id: c.id,
    orderName: c.orderName,
    customer: c.customerName ?? c.customerEmail ?? "Guest",
    item: `${c.title} · ${c.variantTitle ?? ""}`,
    status: c.status as MtoStatus,
    statusLabel: MTO_STATUS_LABELS[c.status as MtoStatus] ?? c.status,
    path: c.path,
    daysWaiting: waitingSince ? Math.floor((now().getTime() - waitingSince.getTime()) / DAY) : null,
    reminders: c.reminderCount,
    shipDate,
    promisedShipDate: c.promisedShipDate,
    late: !c.shippedAt && shipDate < today,
    attention: mtoAttention({ ...c, status: c.status as MtoStatus }),
  };
}

/** How many cases each queue holds (the Overview card and the page's tabs). */
export async function queueCounts(shop: string): Promise<Record<MtoQueue, number>> {
  return Object.fromEntries(
    await Promise.all(
      MTO_QUEUES.map(
        async (q) =>
          [q, await prisma.mtoCase.count({ where: { shop, ...queueWhere(q) } })] as const,
      ),
    ),
  ) as Record<MtoQueue, number>;
}

export async function listCases(shop: string, queue: MtoQueue) {
  const cases = await prisma.mtoCase.findMany({
    where: { shop, ...queueWhere(queue) },
    // Production: the earliest (and so the late) ship dates first; other queues: oldest first.
    orderBy:
      queue === "in_production"
        ? [{ scheduledShipDate: "asc" }, { promisedShipDate: "asc" }]
        : [{ orderedAt: queue === "shipped" ? "desc" : "asc" }],
    take: 200,
  });
  const counts = Object.fromEntries(
    await Promise.all(
      MTO_QUEUES.map(
        async (q) =>
          [q, await prisma.mtoCase.count({ where: { shop, ...queueWhere(q) } })] as const,
      ),
    ),
  ) as Record<MtoQueue, number>;
  const first = cases[0];
  const today = localDate(now(), first ? termsOf(first).timeZone : "UTC");
  return { cases: cases.map((c) => row(c, today)), counts };
}

export async function caseDetail(shop: string, caseId: string) {
  const c = await prisma.mtoCase.findFirst({
    where: { id: caseId, shop },
    include: { events: { orderBy: { occurredAt: "asc" } } },
  });
  if (!c) return null;
  const terms = termsOf(c);
  const today = localDate(now(), terms.timeZone);
  const sizeChange = sizeChangeOf(c);
  return {
    ...row(c, today),
    orderGid: c.orderGid,
    email: c.customerEmail,
    size: c.size,
    width: c.width,
    policyVersion: c.policyVersion,
    leadDays: terms.leadDays,
    expectedConfirmationDate: c.expectedConfirmationDate,
    scheduledShipDate: c.scheduledShipDate,
    fitConfirmedAt: c.fitConfirmedAt?.toISOString() ?? null,
    fitConfirmedBy: c.fitConfirmedBy,
    fit: c.confirmedSize
      ? { size: c.confirmedSize, width: c.confirmedWidth, feel: c.fitFeel, notes: c.fitNotes }
      : null,
    sizeChange,
    canConfirm: c.path === "fitting_first" && !c.fitConfirmedAt && !c.cancelledAt,
    // Once production is scheduled a size change is the merchant's to make in Shopify, unless
    // the app handed one over.
    canChangeSize:
      !c.cancelledAt &&
      !c.shippedAt &&
      c.fitConfirmedAt !== null &&
      (c.scheduledAt === null || sizeChange !== null),
    canReschedule: !c.cancelledAt && !c.shippedAt && c.scheduledShipDate !== null,
    canCancel: !c.cancelledAt && !c.shippedAt,
    fittingPairOut:
      c.path === "fitting_first" && c.fittingPairShippedAt !== null && !c.fittingPairReturnedAt,
    fitLink: fitLink(c),
    today,
    timeline: c.events.map((e) => ({
      id: e.id,
      at: e.occurredAt.toISOString(),
      kind: e.kind,
      message: e.message,
    })),
  };
}

/** An action's first check: another shop's id is a 404, before its form is read. */
export async function mtoCaseInShop(shop: string, id: string): Promise<boolean> {
  return (await prisma.mtoCase.count({ where: { shop, id } })) > 0;
}

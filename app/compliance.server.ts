import prisma from "~/db.server";
import { withBusyRetry } from "~/platform/sqlite-busy.server";

// GDPR/CPRA compliance. Every model is listed here as holding customer data (with how it is
// exported and erased) or as holding none; tests/integration/compliance.test.ts fails when a
// model is added to the schema without that decision.

export interface CustomerSubject {
  customerGid: string | null;
  email: string | null;
  orderGids: string[];
}

export const MODELS_WITHOUT_CUSTOMER_DATA = {
  Session: "staff sessions only; erased with the shop",
  Shop: "the merchant's own settings",
  Job: "ids of deliveries and records, no personal data",
  PolicyVersion: "the merchant's policies",
  TrialLine: "products and prices of a trial; erased with it (cascade)",
  MtoStockMark: "ids of variants the app marked sold out; erased with the shop",
  TrialPayment:
    "amounts and Shopify transaction ids, kept for the merchant's books; erased with the trial",
} as const;

export const MODELS_WITH_CUSTOMER_DATA = [
  "ShopOrder",
  "OrderEvent",
  "WebhookDelivery",
  "RevokedPaymentMethod",
  "DataRequestReport",
  "Effect",
  "Trial",
  "TrialEvent",
  "MtoCase",
  "MtoEvent",
  "FitEvidence",
] as const;

async function subjectOrderGids(shop: string, subject: CustomerSubject): Promise<string[]> {
  const or = [
    ...(subject.customerGid ? [{ customerGid: subject.customerGid }] : []),
    ...(subject.email ? [{ email: subject.email }] : []),
    ...(subject.orderGids.length ? [{ orderGid: { in: subject.orderGids } }] : []),
  ];
  if (or.length === 0) return [];
  const rows = await prisma.shopOrder.findMany({
    where: { shop, OR: or },
    select: { orderGid: true },
  });
  return [...new Set([...subject.orderGids, ...rows.map((r) => r.orderGid)])];
}

/** Text that identifies the customer inside stored payloads. */
function needles(subject: CustomerSubject, orderGids: string[]): string[] {
  return [subject.customerGid, subject.email, ...orderGids].filter((n): n is string => Boolean(n));
}

export async function exportCustomerData(
  shop: string,
  subject: CustomerSubject,
  requestId: string | null,
) {
  const orderGids = await subjectOrderGids(shop, subject);
  const [orders, events, revokedPaymentMethods, trials, mtoCases, fit] = await Promise.all([
    prisma.shopOrder.findMany({ where: { shop, orderGid: { in: orderGids } } }),
    prisma.orderEvent.findMany({
      where: { shop, orderGid: { in: orderGids } },
      orderBy: { occurredAt: "asc" },
    }),
    subject.customerGid
      ? prisma.revokedPaymentMethod.findMany({ where: { shop, customerGid: subject.customerGid } })
      : Promise.resolve([]),
    prisma.trial.findMany({
      where: { shop, orderGid: { in: orderGids } },
      include: { lines: true, payments: true },
    }),
    prisma.mtoCase.findMany({ where: { shop, orderGid: { in: orderGids } } }),
    subject.customerGid
      ? prisma.fitEvidence.findMany({ where: { shop, customerGid: subject.customerGid } })
      : Promise.resolve([]),
  ]);
  const report = {
    subject,
    generatedBy: "fitting-room",
    orders: orders.map(({ id: _id, shop: _shop, ...o }) => o),
    timeline: events.map((e) => ({
      orderGid: e.orderGid,
      kind: e.kind,
      occurredAt: e.occurredAt,
      data: JSON.parse(e.data) as unknown,
    })),
    revokedPaymentMethods: revokedPaymentMethods.map((r) => ({
      paymentMethodGid: r.paymentMethodGid,
      revokedAt: r.revokedAt,
    })),
    trials: trials.map((t) => ({
      orderGid: t.orderGid,
      status: t.status,
      deliveredAt: t.deliveredAt,
      windowClosesAt: t.windowClosesAt,
      questionnaire: t.questionnaire ? (JSON.parse(t.questionnaire) as unknown) : null,
      lines: t.lines.map((l) => ({
        title: l.title,
        variantTitle: l.variantTitle,
        choice: l.choice,
      })),
      payments: t.payments.map((p) => ({
        kind: p.kind,
        amountMinor: p.amountMinor,
        currencyCode: p.currencyCode,
        status: p.status,
        at: p.createdAt,
      })),
    })),
    madeToOrder: mtoCases.map((c) => ({
      orderGid: c.orderGid,
      item: `${c.title} ${c.variantTitle ?? ""}`.trim(),
      status: c.status,
      fitConfirmedAt: c.fitConfirmedAt,
      fit: c.confirmedSize && { size: c.confirmedSize, width: c.confirmedWidth, feel: c.fitFeel },
      fitNotes: c.fitNotes,
      shipDate: c.scheduledShipDate ?? c.promisedShipDate,
    })),
    fitProfile: fit.map((f) => ({ size: f.size, width: f.width, source: f.source, at: f.at })),
  };
  return prisma.dataRequestReport.create({
    data: {
      shop,
      customerGid: subject.customerGid,
      email: subject.email,
      requestId,
      report: JSON.stringify(report),
    },
  });
}

export async function redactCustomer(shop: string, subject: CustomerSubject) {
  const orderGids = await subjectOrderGids(shop, subject);
  const mentions = needles(subject, orderGids).map((n) => ({ payload: { contains: n } }));
  const requestMentions = needles(subject, orderGids).map((n) => ({ request: { contains: n } }));
  const trialIds = (
    await prisma.trial.findMany({
      where: { shop, orderGid: { in: orderGids } },
      select: { id: true },
    })
  ).map((t) => t.id);
  const caseIds = (
    await prisma.mtoCase.findMany({
      where: { shop, orderGid: { in: orderGids } },
      select: { id: true },
    })
  ).map((c) => c.id);
  const [
    orders,
    events,
    deliveries,
    revoked,
    reports,
    effects,
    trials,
    trialEvents,
    mtoCases,
    mtoEvents,
    fitEvidence,
  ] = await withBusyRetry(() =>
    prisma.$transaction([
      prisma.shopOrder.updateMany({
        where: { shop, orderGid: { in: orderGids } },
        data: { email: null, customerName: null, customerGid: null },
      }),
      prisma.orderEvent.updateMany({
        where: { shop, orderGid: { in: orderGids } },
        data: { data: '{"redacted":true}' },
      }),
      prisma.webhookDelivery.updateMany({
        where: { shop, OR: mentions.length ? mentions : [{ id: "" }] },
        data: { payload: null },
      }),
      prisma.revokedPaymentMethod.deleteMany({
        where: { shop, customerGid: subject.customerGid ?? "" },
      }),
      prisma.dataRequestReport.deleteMany({
        where: {
          shop,
          OR: [{ customerGid: subject.customerGid ?? "" }, { email: subject.email ?? "" }],
        },
      }),
      prisma.effect.updateMany({
        where: { shop, OR: requestMentions.length ? requestMentions : [{ id: "" }] },
        data: { request: '{"redacted":true}' },
      }),
      prisma.trial.updateMany({
        where: { shop, id: { in: trialIds } },
        data: { customerEmail: null, customerName: null, customerGid: null, questionnaire: null },
      }),
      prisma.trialEvent.updateMany({
        where: { shop, trialId: { in: trialIds } },
        data: { data: '{"redacted":true}' },
      }),
      prisma.mtoCase.updateMany({
        where: { shop, id: { in: caseIds } },
        data: { customerEmail: null, customerName: null, customerGid: null, fitNotes: null },
      }),
      prisma.mtoEvent.updateMany({
        where: { shop, caseId: { in: caseIds } },
        data: { data: '{"redacted":true}' },
      }),
      prisma.fitEvidence.deleteMany({
        where: { shop, customerGid: subject.customerGid ?? "" },
      }),
    ]),
  );
  return {
    orders: orders.count,
    events: events.count,
    deliveries: deliveries.count,
    revokedPaymentMethods: revoked.count,
    reports: reports.count,
    effects: effects.count,
    trials: trials.count,
    trialEvents: trialEvents.count,
    mtoCases: mtoCases.count,
    mtoEvents: mtoEvents.count,
    fitEvidence: fitEvidence.count,
  };
}

/** shop/redact (48 h after uninstall): everything the app holds for the shop goes. */
export async function eraseShop(shop: string) {
  const results = await withBusyRetry(() =>
    prisma.$transaction([
      prisma.orderEvent.deleteMany({ where: { shop } }),
      prisma.shopOrder.deleteMany({ where: { shop } }),
      prisma.revokedPaymentMethod.deleteMany({ where: { shop } }),
      prisma.dataRequestReport.deleteMany({ where: { shop } }),
      prisma.effect.deleteMany({ where: { shop } }),
      prisma.trialEvent.deleteMany({ where: { shop } }),
      prisma.trialPayment.deleteMany({ where: { shop } }),
      prisma.trialLine.deleteMany({ where: { trial: { shop } } }),
      prisma.trial.deleteMany({ where: { shop } }),
      prisma.mtoEvent.deleteMany({ where: { shop } }),
      prisma.mtoCase.deleteMany({ where: { shop } }),
      prisma.fitEvidence.deleteMany({ where: { shop } }),
      prisma.mtoStockMark.deleteMany({ where: { shop } }),
      prisma.policyVersion.deleteMany({ where: { shop } }),
      prisma.webhookDelivery.deleteMany({ where: { shop } }),
      prisma.job.deleteMany({ where: { shop, status: { not: "running" } } }),
      prisma.session.deleteMany({ where: { shop } }),
      prisma.shop.deleteMany({ where: { domain: shop } }),
    ]),
  );
  return results.reduce((sum, r) => sum + r.count, 0);
}

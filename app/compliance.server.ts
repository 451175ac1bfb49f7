import prisma from "~/db.server";
import { withBusyRetry } from "~/platform/sqlite-busy.server";
import { POLICIES } from "~/policies.server";
import type { DataSubject, Tx } from "~/policy-module";

// GDPR/CPRA compliance. Every model is listed as holding customer data (with how it is exported
// and erased) or as holding none: the app's own models here, each policy's in its module
// (PolicyModule.personalData); tests/integration/compliance.test.ts fails when a model is added
// to the schema without that decision.

export type CustomerSubject = DataSubject;

const APP_MODELS_WITHOUT_CUSTOMER_DATA = {
  Session: "staff sessions only; erased with the shop",
  Shop: "the merchant's own settings",
  Job: "ids of deliveries and records, no personal data",
  PolicyVersion: "the merchant's policies",
  RateLimit: "hashed keys and counts; the IP address in a key is hashed before it is stored",
} as const;

const APP_MODELS_WITH_CUSTOMER_DATA = [
  "ShopOrder",
  "OrderEvent",
  "WebhookDelivery",
  "RevokedPaymentMethod",
  "DataRequestReport",
  "Effect",
  "FitEvidence",
  "FitAnswer",
  "FitOutcome",
] as const;

export const MODELS_WITHOUT_CUSTOMER_DATA: Readonly<Record<string, string>> = Object.assign(
  {},
  APP_MODELS_WITHOUT_CUSTOMER_DATA,
  ...POLICIES.map((p) => p.personalData.modelsWithoutCustomerData),
);

export const MODELS_WITH_CUSTOMER_DATA: readonly string[] = [
  ...APP_MODELS_WITH_CUSTOMER_DATA,
  ...POLICIES.flatMap((p) => p.personalData.modelsWithCustomerData),
];

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
  const full = { ...subject, orderGids: await subjectOrderGids(shop, subject) };
  const { orderGids } = full;
  const [orders, events, revokedPaymentMethods, fit, fitAnswers, fitOutcomes, ...policySections] =
    await Promise.all([
      prisma.shopOrder.findMany({ where: { shop, orderGid: { in: orderGids } } }),
      prisma.orderEvent.findMany({
        where: { shop, orderGid: { in: orderGids } },
        orderBy: { occurredAt: "asc" },
      }),
      subject.customerGid
        ? prisma.revokedPaymentMethod.findMany({
            where: { shop, customerGid: subject.customerGid },
          })
        : Promise.resolve([]),
      subject.customerGid
        ? prisma.fitEvidence.findMany({ where: { shop, customerGid: subject.customerGid } })
        : Promise.resolve([]),
      subject.customerGid
        ? prisma.fitAnswer.findMany({ where: { shop, customerGid: subject.customerGid } })
        : Promise.resolve([]),
      subject.customerGid
        ? prisma.fitOutcome.findMany({ where: { shop, customerGid: subject.customerGid } })
        : Promise.resolve([]),
      ...POLICIES.map((p) => p.personalData.exportFor(shop, full)),
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
    ...Object.assign({}, ...policySections),
    fitProfile: fit.map((f) => ({ size: f.size, width: f.width, source: f.source, at: f.at })),
    fitFinderAnswers: fitAnswers.map((a) => ({
      product: a.productTitle,
      usual: `${a.usualSize} ${a.usualWidth}`,
      between: a.between,
      notes: a.notes,
      brands: a.brands,
      recommended: `${a.recommendedSize} ${a.recommendedWidth}`,
      orderGid: a.orderGid,
      at: a.createdAt,
    })),
    fitOutcomes: fitOutcomes.map((o) => ({
      product: o.productTitle,
      pair: `${o.size} ${o.width}`,
      result: o.result,
      feedback: o.feedback,
      at: o.at,
    })),
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

/** The app's own models of a customer, blanked or erased in the redaction's transaction. */
async function redactAppData(tx: Tx, shop: string, subject: CustomerSubject) {
  const { orderGids } = subject;
  const mentions = needles(subject, orderGids).map((n) => ({ payload: { contains: n } }));
  const requestMentions = needles(subject, orderGids).map((n) => ({ request: { contains: n } }));
  const counts = {
    orders: await tx.shopOrder.updateMany({
      where: { shop, orderGid: { in: orderGids } },
      data: { email: null, customerName: null, customerGid: null },
    }),
    events: await tx.orderEvent.updateMany({
      where: { shop, orderGid: { in: orderGids } },
      data: { data: '{"redacted":true}' },
    }),
    deliveries: await tx.webhookDelivery.updateMany({
      where: { shop, OR: mentions.length ? mentions : [{ id: "" }] },
      data: { payload: null },
    }),
    revokedPaymentMethods: await tx.revokedPaymentMethod.deleteMany({
      where: { shop, customerGid: subject.customerGid ?? "" },
    }),
    reports: await tx.dataRequestReport.deleteMany({
      where: {
        shop,
        OR: [{ customerGid: subject.customerGid ?? "" }, { email: subject.email ?? "" }],
      },
    }),
    effects: await tx.effect.updateMany({
      where: { shop, OR: requestMentions.length ? requestMentions : [{ id: "" }] },
      data: { request: '{"redacted":true}' },
    }),
    fitEvidence: await tx.fitEvidence.deleteMany({
      where: { shop, customerGid: subject.customerGid ?? "" },
    }),
    // The store's fit statistics keep the pair, not the person: answers and outcomes lose the
    // customer and the order they were bought with.
    fitAnswers: await tx.fitAnswer.updateMany({
      where: { shop, customerGid: subject.customerGid ?? "" },
      data: { customerGid: null, orderGid: null, lineItemGid: null },
    }),
    fitOutcomes: await tx.fitOutcome.updateMany({
      where: { shop, customerGid: subject.customerGid ?? "" },
      data: { customerGid: null },
    }),
  };
  return Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, v.count]));
}

export async function redactCustomer(shop: string, subject: CustomerSubject) {
  const full = { ...subject, orderGids: await subjectOrderGids(shop, subject) };
  return withBusyRetry(() =>
    prisma.$transaction(async (tx) => {
      // The policies first: they find their cases by the order ids the app's mirror still holds.
      const counts: Record<string, number> = {};
      for (const policy of POLICIES)
        Object.assign(counts, await policy.personalData.redact(tx, shop, full));
      return { ...(await redactAppData(tx, shop, full)), ...counts };
    }),
  );
}

/** shop/redact (48 h after uninstall): everything the app holds for the shop goes. */
export async function eraseShop(shop: string) {
  return withBusyRetry(() =>
    prisma.$transaction(async (tx) => {
      let erased = 0;
      erased += (await tx.orderEvent.deleteMany({ where: { shop } })).count;
      erased += (await tx.shopOrder.deleteMany({ where: { shop } })).count;
      erased += (await tx.revokedPaymentMethod.deleteMany({ where: { shop } })).count;
      erased += (await tx.dataRequestReport.deleteMany({ where: { shop } })).count;
      erased += (await tx.effect.deleteMany({ where: { shop } })).count;
      for (const policy of POLICIES) erased += await policy.personalData.eraseShop(tx, shop);
      erased += (await tx.fitEvidence.deleteMany({ where: { shop } })).count;
      erased += (await tx.fitAnswer.deleteMany({ where: { shop } })).count;
      erased += (await tx.fitOutcome.deleteMany({ where: { shop } })).count;
      erased += (await tx.policyVersion.deleteMany({ where: { shop } })).count;
      erased += (await tx.webhookDelivery.deleteMany({ where: { shop } })).count;
      erased += (await tx.job.deleteMany({ where: { shop, status: { not: "running" } } })).count;
      erased += (await tx.session.deleteMany({ where: { shop } })).count;
      erased += (await tx.shop.deleteMany({ where: { domain: shop } })).count;
      return erased;
    }),
  );
}

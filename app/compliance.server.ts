import prisma from "~/db.server";
import { isSubjectRow, mentionsOf } from "~/domain/redaction";
import { containsAnyCase, redactDeliveries, redactEffects } from "~/platform/redaction.server";
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
    ...(subject.email ? [{ email: containsAnyCase(subject.email.trim()) }] : []),
    ...(subject.orderGids.length ? [{ orderGid: { in: subject.orderGids } }] : []),
  ];
  if (or.length === 0) return [];
  const rows = await prisma.shopOrder.findMany({
    where: { shop, OR: or },
    select: { orderGid: true, customerGid: true, email: true },
  });
  const hers = rows.filter(
    (r) => isSubjectRow(r, subject) || subject.orderGids.includes(r.orderGid),
  );
  return [...new Set([...subject.orderGids, ...hers.map((r) => r.orderGid)])];
}

export async function exportCustomerData(
  shop: string,
  subject: CustomerSubject,
  requestId: string | null,
  requestDeliveryId: string | null = null,
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
  // The request's payload names her; once the report holds what she asked for, the inbox need
  // not (both in one transaction: a report without its request's payload, or the reverse, never).
  const [created] = await withBusyRetry(() =>
    prisma.$transaction([
      prisma.dataRequestReport.create({
        data: {
          shop,
          customerGid: subject.customerGid,
          email: subject.email,
          requestId,
          report: JSON.stringify(report),
        },
      }),
      prisma.webhookDelivery.updateMany({
        where: { shop, id: requestDeliveryId ?? "" },
        data: { payload: null },
      }),
    ]),
  );
  return created;
}

/** The app's own models of a customer, blanked or erased in the redaction's transaction. */
async function redactAppData(
  tx: Tx,
  shop: string,
  subject: CustomerSubject,
  requestDeliveryId: string | null,
) {
  const { orderGids } = subject;
  const m = mentionsOf(subject);
  const reports = await tx.dataRequestReport.findMany({
    where: {
      shop,
      OR: [
        { customerGid: subject.customerGid ?? "" },
        ...(subject.email ? [{ email: containsAnyCase(subject.email.trim()) }] : []),
      ],
    },
    select: { id: true, customerGid: true, email: true },
  });
  const counts = {
    orders: await tx.shopOrder.updateMany({
      where: { shop, orderGid: { in: orderGids } },
      data: { email: null, customerName: null, customerGid: null },
    }),
    events: await tx.orderEvent.updateMany({
      where: { shop, orderGid: { in: orderGids } },
      data: { data: '{"redacted":true}' },
    }),
    // Every delivery naming her, the redaction request itself included (processed or not: a
    // delivery still waiting would write her back into the mirror).
    deliveries: {
      count: await redactDeliveries(tx, shop, m, requestDeliveryId ? [requestDeliveryId] : []),
    },
    revokedPaymentMethods: await tx.revokedPaymentMethod.deleteMany({
      where: { shop, customerGid: subject.customerGid ?? "" },
    }),
    reports: await tx.dataRequestReport.deleteMany({
      where: {
        shop,
        id: { in: reports.filter((r) => isSubjectRow(r, subject)).map((r) => r.id) },
      },
    }),
    effects: { count: await redactEffects(tx, shop, m) },
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

/** customers/redact; `requestDeliveryId` is the request's own delivery, whose payload names her. */
export async function redactCustomer(
  shop: string,
  subject: CustomerSubject,
  requestDeliveryId: string | null = null,
) {
  const full = { ...subject, orderGids: await subjectOrderGids(shop, subject) };
  return withBusyRetry(() =>
    prisma.$transaction(async (tx) => {
      // The policies first: they find their cases by the order ids the app's mirror still holds.
      const counts: Record<string, number> = {};
      for (const policy of POLICIES)
        Object.assign(counts, await policy.personalData.redact(tx, shop, full));
      return { ...(await redactAppData(tx, shop, full, requestDeliveryId)), ...counts };
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
      erased += (await tx.rateLimit.deleteMany({ where: { shop } })).count;
      erased += (await tx.webhookDelivery.deleteMany({ where: { shop } })).count;
      erased += (await tx.job.deleteMany({ where: { shop, status: { not: "running" } } })).count;
      erased += (await tx.session.deleteMany({ where: { shop } })).count;
      erased += (await tx.shop.deleteMany({ where: { domain: shop } })).count;
      return erased;
    }),
  );
}

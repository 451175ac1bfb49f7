import prisma from "~/db.server";
import { REDACTED, redactedReason } from "~/domain/redaction";
import type { PersonalData } from "~/policy-module";

// The trial's share of GDPR / CPRA requests (app/compliance.server.ts): what a trial keeps about
// the shopper, how it is exported, blanked and erased.

export const trialPersonalData: PersonalData = {
  modelsWithCustomerData: ["Trial", "TrialEvent"],
  modelsWithoutCustomerData: {
    TrialLine: "products and prices of a trial; erased with it (cascade)",
    TrialPayment:
      "amounts and Shopify transaction ids, kept for the merchant's books; erased with the trial",
  },

  async exportFor(shop, subject) {
    const trials = await prisma.trial.findMany({
      where: { shop, orderGid: { in: subject.orderGids } },
      include: { lines: true, payments: true },
    });
    return {
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
    };
  },

  async redact(tx, shop, subject) {
    const found = await tx.trial.findMany({
      where: { shop, orderGid: { in: subject.orderGids } },
      select: { id: true, attentionReason: true, ineligibleReason: true },
    });
    const ids = found.map((t) => t.id);
    const trials = await tx.trial.updateMany({
      where: { shop, id: { in: ids } },
      data: { customerEmail: null, customerName: null, customerGid: null, questionnaire: null },
    });
    // The reason quotes what she typed ("Exchange requested: …"); the trial still needs the
    // merchant, so a reason stays, without her words.
    // The same for the eligibility refusal: it names her pair; the trial stays refused.
    for (const t of found.filter((f) => f.attentionReason !== null || f.ineligibleReason !== null))
      await tx.trial.updateMany({
        where: { shop, id: t.id },
        data: {
          attentionReason: redactedReason(t.attentionReason),
          ineligibleReason: redactedReason(t.ineligibleReason),
        },
      });
    // Messages quote her (an exchange request) and name her pairs; the kind says what happened.
    const trialEvents = await tx.trialEvent.updateMany({
      where: { shop, trialId: { in: ids } },
      data: { data: '{"redacted":true}', message: REDACTED },
    });
    return { trials: trials.count, trialEvents: trialEvents.count };
  },

  async eraseShop(tx, shop) {
    const counts = [
      await tx.trialEvent.deleteMany({ where: { shop } }),
      await tx.trialPayment.deleteMany({ where: { shop } }),
      await tx.trialLine.deleteMany({ where: { trial: { shop } } }),
      await tx.trial.deleteMany({ where: { shop } }),
    ];
    return counts.reduce((sum, r) => sum + r.count, 0);
  },
};

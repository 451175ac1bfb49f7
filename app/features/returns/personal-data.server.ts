import prisma from "~/db.server";
import { REDACTED } from "~/domain/redaction";
import type { PersonalData } from "~/policy-module";

// Returns' share of GDPR / CPRA requests (app/compliance.server.ts): the order snapshots name the
// customer; the cases hold their reasons and notes; the money rows and timeline are the store's
// books (amounts, rules) and are kept, with the notes in them blanked.

export const returnsPersonalData: PersonalData = {
  modelsWithCustomerData: ["ReturnOrder", "ReturnCase", "ReturnCaseLine", "ReturnEvent"],
  modelsWithoutCustomerData: {
    ReturnOrderLine: "what was bought and paid per line: the store's own catalogue and prices",
    ReturnMoney: "amounts refunded, credited and kept, with the rule: the store's books",
  },

  async exportFor(shop, subject) {
    const orders = await prisma.returnOrder.findMany({
      where: { shop, orderGid: { in: subject.orderGids } },
      include: { cases: { include: { lines: true, money: true } }, lines: true },
    });
    return {
      returns: orders.flatMap((o) =>
        o.cases.map((c) => ({
          orderGid: o.orderGid,
          return: c.returnName ?? c.id,
          status: c.status,
          requestedAt: c.requestedAt,
          lines: c.lines.map((l) => ({
            item: o.lines.find((x) => x.lineItemGid === l.lineItemGid)?.title,
            reason: l.reason,
            note: l.reasonNote,
            fitFeedback: l.fitFeedback,
            outcome: l.outcome,
            condition: l.condition,
          })),
          money: c.money.map((m) => ({
            kind: m.kind,
            amountMinor: m.amountMinor,
            currency: m.currencyCode,
            rule: m.rule,
          })),
          tracking: c.trackingNumber,
        })),
      ),
    };
  },

  async redact(tx, shop, subject) {
    const orders = await tx.returnOrder.updateMany({
      where: { shop, orderGid: { in: subject.orderGids } },
      data: { customerEmail: null, customerName: null, customerGid: null },
    });
    const ids = (
      await tx.returnCase.findMany({
        where: { shop, order: { orderGid: { in: subject.orderGids } } },
        select: { id: true },
      })
    ).map((c) => c.id);
    const cases = await tx.returnCase.updateMany({
      where: { shop, id: { in: ids } },
      data: { declineNote: null, trackingNumber: null, trackingUrl: null, labelUrl: null },
    });
    const lines = await tx.returnCaseLine.updateMany({
      where: { caseId: { in: ids } },
      data: { reasonNote: null, conditionNote: null },
    });
    const events = await tx.returnEvent.updateMany({
      where: { shop, caseId: { in: ids } },
      // Messages quote her notes, her tracking number and the decline note; the kind stays.
      data: { data: '{"redacted":true}', message: REDACTED },
    });
    return {
      returnOrders: orders.count,
      returnCases: cases.count,
      returnCaseLines: lines.count,
      returnEvents: events.count,
    };
  },

  async eraseShop(tx, shop) {
    const counts = [
      await tx.returnEvent.deleteMany({ where: { shop } }),
      await tx.returnMoney.deleteMany({ where: { shop } }),
      await tx.returnCaseLine.deleteMany({ where: { returnCase: { shop } } }),
      await tx.returnCase.deleteMany({ where: { shop } }),
      await tx.returnOrderLine.deleteMany({ where: { order: { shop } } }),
      await tx.returnOrder.deleteMany({ where: { shop } }),
    ];
    return counts.reduce((sum, r) => sum + r.count, 0);
  },
};

import prisma from "~/db.server";
import { REDACTED } from "~/domain/redaction";
import type { PersonalData } from "~/policy-module";

// Made-to-order's share of GDPR / CPRA requests (app/compliance.server.ts).

export const mtoPersonalData: PersonalData = {
  modelsWithCustomerData: ["MtoCase", "MtoEvent"],
  modelsWithoutCustomerData: {
    MtoStockMark: "ids of variants the app marked sold out; erased with the shop",
  },

  async exportFor(shop, subject) {
    const cases = await prisma.mtoCase.findMany({
      where: { shop, orderGid: { in: subject.orderGids } },
    });
    return {
      madeToOrder: cases.map((c) => ({
        orderGid: c.orderGid,
        item: `${c.title} ${c.variantTitle ?? ""}`.trim(),
        status: c.status,
        fitConfirmedAt: c.fitConfirmedAt,
        fit: c.confirmedSize && { size: c.confirmedSize, width: c.confirmedWidth, feel: c.fitFeel },
        fitNotes: c.fitNotes,
        shipDate: c.scheduledShipDate ?? c.promisedShipDate,
      })),
    };
  },

  async redact(tx, shop, subject) {
    const ids = (
      await tx.mtoCase.findMany({
        where: { shop, orderGid: { in: subject.orderGids } },
        select: { id: true },
      })
    ).map((c) => c.id);
    const mtoCases = await tx.mtoCase.updateMany({
      where: { shop, id: { in: ids } },
      data: { customerEmail: null, customerName: null, customerGid: null, fitNotes: null },
    });
    const mtoEvents = await tx.mtoEvent.updateMany({
      where: { shop, caseId: { in: ids } },
      // Messages carry what the shopper and merchant said of her fit; the kind stays.
      data: { data: '{"redacted":true}', message: REDACTED },
    });
    return { mtoCases: mtoCases.count, mtoEvents: mtoEvents.count };
  },

  async eraseShop(tx, shop) {
    const counts = [
      await tx.mtoEvent.deleteMany({ where: { shop } }),
      await tx.mtoCase.deleteMany({ where: { shop } }),
      await tx.mtoStockMark.deleteMany({ where: { shop } }),
    ];
    return counts.reduce((sum, r) => sum + r.count, 0);
  },
};

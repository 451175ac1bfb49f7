import prisma from "../../app/db.server";
import { toMinor } from "../../tests/sandbox/admin/orders";
import type { Rig } from "./rig";

// The money check after a fault run: what the sandbox recorded (its ledger and each order's
// transactions) against what each seeded trial owes, and the app's own Effect rows.

export interface LedgerCheck {
  orders: number;
  /** Orders with a second capture/charge, a second void or a second refund of the same pairs. */
  doubles: string[];
  /** Orders charged other than what they owe, a hold never released, returned pairs still billed. */
  lost: string[];
  /** Trials that ended in "needs attention", with the reason. */
  attention: Map<string, string>;
  unsettled: number;
  effectsNotSucceeded: number;
  kinds: Record<string, number>;
}

export async function checkTrialLedger(
  rig: Rig,
  expected: Map<string, number>,
): Promise<LedgerCheck> {
  const perOrder = new Map<
    string,
    { charged: number; charges: number; voids: number; refunds: number }
  >();
  const kinds: Record<string, number> = {};
  for (const e of rig.sandbox.store.ledger) {
    kinds[e.kind] = (kinds[e.kind] ?? 0) + 1;
    if (!e.orderGid || !expected.has(e.orderGid)) continue;
    const o = perOrder.get(e.orderGid) ?? { charged: 0, charges: 0, voids: 0, refunds: 0 };
    if (e.kind === "capture" || e.kind === "charge") {
      o.charges += 1;
      o.charged += toMinor(e.amount!.amount, "amount");
    }
    if (e.kind === "void") o.voids += 1;
    if (e.kind === "refund") o.refunds += 1;
    perOrder.set(e.orderGid, o);
  }
  const trials = await prisma.trial.findMany({
    where: { shop: rig.shop },
    select: { orderGid: true, settledAt: true, attentionReason: true, orderName: true },
  });
  const attention = new Map<string, string>();
  for (const t of trials) if (t.attentionReason) attention.set(t.orderName, t.attentionReason);
  const doubles: string[] = [];
  const lost: string[] = [];
  const names = new Map(rig.sandbox.store.shop(rig.shop).orders.map((o) => [o.id, o.name]));
  for (const [orderGid, owed] of expected) {
    const o = perOrder.get(orderGid) ?? { charged: 0, charges: 0, voids: 0, refunds: 0 };
    const name = names.get(orderGid) ?? orderGid;
    if (o.charges > 1 || o.voids > 1 || o.refunds > 1) doubles.push(name);
    // A trial handed to the merchant is not lost money as long as nothing wrong was taken.
    const handedOver = attention.has(name) && o.charged === 0;
    // Every seeded trial sent a pair back: it comes off the order once (refundCreate).
    const wrong = o.charged !== owed || (owed === 0 && o.voids !== 1) || o.refunds !== 1;
    if (!handedOver && wrong) lost.push(name);
  }
  const effectsNotSucceeded = await prisma.effect.count({
    where: { shop: rig.shop, status: { not: "succeeded" } },
  });
  return {
    orders: expected.size,
    doubles,
    lost,
    attention,
    unsettled: trials.filter((t) => !t.settledAt && !t.attentionReason).length,
    effectsNotSucceeded,
    kinds,
  };
}

import { describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { merchantDeletesDiscount } from "../sandbox/merchant-discounts";
import { friendOrderDelivered, referralProgram, saveReferralPolicy } from "../support/referrals";
import { TRIAL_SHOP, advanceDays, flush, startTrialSandbox } from "../support/trial-scenario";

// A merchant deletes one of the program's discounts in the Shopify admin: every referral code
// dies with the code discount. The app makes it again and puts every live code back on it, from
// the discounts/delete webhook, or — when that webhook never came — from the next publish, whose
// update Shopify refuses as "does not exist". Links already shared keep working.

const context = startTrialSandbox();

const programDiscounts = () =>
  context.store
    .shop(TRIAL_SHOP)
    .appDiscounts.map((d) => ({ id: d.id, kind: d.kind, codes: d.codes.map((c) => c.code) }));

async function friendPaysLess(code: string) {
  const order = await friendOrderDelivered(context, code);
  expect(order.discountMinor).toBe(2000);
  return order;
}

describe("a program discount deleted on Shopify", () => {
  it("is made again from discounts/delete, with every live code on it; the link still works", async () => {
    const { code } = await referralProgram(context);
    const [codeDiscount, automatic] = programDiscounts();
    merchantDeletesDiscount(context.store, context.sandbox.outbox, TRIAL_SHOP, codeDiscount!.id);
    expect(programDiscounts().map((d) => d.kind)).toEqual(["automatic"]);
    await flush(context);

    const now = programDiscounts();
    expect(now.map((d) => d.kind).sort()).toEqual(["automatic", "code"]);
    const again = now.find((d) => d.kind === "code")!;
    expect(again.id).not.toBe(codeDiscount!.id);
    expect(again.codes).toEqual([code]);
    expect(now.find((d) => d.kind === "automatic")!.id).toBe(automatic!.id);
    const program = await prisma.referralProgram.findUniqueOrThrow({ where: { shop: TRIAL_SHOP } });
    expect(program).toMatchObject({ codeDiscountGid: again.id, discountsGeneration: 1 });
    const active = await prisma.referralCode.findFirstOrThrow({ where: { code } });
    expect(active.status).toBe("active");

    // The friend's first order through the code is priced by the Function again, and pays later.
    const order = await friendPaysLess(code);
    await advanceDays(context, 16);
    const c = await prisma.referralCase.findFirstOrThrow({ where: { orderGid: order.id } });
    expect(c.status).toBe("paid");

    // A late duplicate of the webhook changes nothing: no third discount.
    await context.sandbox.outbox.release();
    await flush(context);
    expect(programDiscounts()).toHaveLength(2);
  });

  it("is made again at the next publish when the webhook never came, once", async () => {
    const { code } = await referralProgram(context);
    const [, automatic] = programDiscounts();
    merchantDeletesDiscount(
      context.store,
      context.sandbox.outbox,
      TRIAL_SHOP,
      automatic!.id,
      "hold",
    );
    await flush(context);
    expect(programDiscounts().map((d) => d.kind)).toEqual(["code"]);

    await saveReferralPolicy(TRIAL_SHOP, [], { friendsPerAddress: "4" });
    await flush(context);
    const now = programDiscounts();
    expect(now.map((d) => d.kind).sort()).toEqual(["automatic", "code"]);
    expect(now.find((d) => d.kind === "automatic")!.id).not.toBe(automatic!.id);
    // Only the automatic discount was gone: the code discount and its code were left alone.
    expect(now.find((d) => d.kind === "code")!.codes).toEqual([code]);
    const effects = await prisma.effect.findMany({
      where: { shop: TRIAL_SHOP, key: { startsWith: "referrals:program:" } },
      select: { key: true },
      orderBy: { key: "asc" },
    });
    expect(effects.map((e) => e.key)).toEqual([
      "referrals:program:automatic-discount",
      "referrals:program:automatic-discount:1",
      "referrals:program:code-discount",
    ]);

    // The held webhook arrives at last, about a discount already replaced: nothing changes.
    await context.sandbox.outbox.release();
    await flush(context);
    expect(programDiscounts().map((d) => d.id)).toEqual(now.map((d) => d.id));
    await friendPaysLess(code);
  });

  it("is not the program's: a merchant's other discount deleted changes nothing", async () => {
    await referralProgram(context);
    const before = programDiscounts();
    context.sandbox.outbox.emit(TRIAL_SHOP, "discounts/delete", {
      admin_graphql_api_id: "gid://shopify/DiscountCodeNode/999999",
      deleted_at: context.store.now(),
    });
    await flush(context);
    expect(programDiscounts()).toEqual(before);
    const program = await prisma.referralProgram.findUniqueOrThrow({ where: { shop: TRIAL_SHOP } });
    expect(program.discountsGeneration).toBe(0);
  });
});

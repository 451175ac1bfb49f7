import { describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { RetryableJobError } from "~/platform/jobs/errors.server";
import { syncReferralProgram } from "~/features/referrals/program.server";
import { getCurrentPolicy } from "~/services/policy.server";
import { unauthenticated } from "~/shopify.server";
import { saveReferralPolicy } from "../support/referrals";
import { TRIAL_SHOP, setupTrialShop, startTrialSandbox } from "../support/trial-scenario";

// The program's two app discounts are made once per shop: by whichever sync runs first when the
// install's sync and a publish overlap, and not again after a create whose answer was lost (it
// is found on Shopify by its kind and title).

const context = startTrialSandbox();

async function ready() {
  await setupTrialShop(context);
  // Saved, not yet synced: the tests run the sync themselves.
  await saveReferralPolicy(TRIAL_SHOP);
  const { admin } = await unauthenticated.admin(TRIAL_SHOP);
  const policy = await getCurrentPolicy(TRIAL_SHOP);
  return { sync: () => syncReferralProgram(TRIAL_SHOP, policy, admin.graphql) };
}

const discounts = () =>
  context.store.shop(TRIAL_SHOP).appDiscounts.map((d) => `${d.kind}: ${d.title}`);

describe("the referral program's discounts on Shopify", () => {
  it("are made once when two syncs overlap", async () => {
    const { sync } = await ready();
    const results = await Promise.allSettled([sync(), sync()]);
    // However the two interleave (the later one finds the creation in flight and is retried by
    // its job, or starts after it ended and finds it done), one of them succeeds…
    expect(results.map((r) => r.status)).toContain("fulfilled");
    // …and the other, if it met the first mid-way, is left to its job's retry.
    for (const r of results)
      if (r.status === "rejected") expect(r.reason).toBeInstanceOf(RetryableJobError);
    await sync();
    expect(discounts()).toEqual([
      "code: Referral: a friend's first order",
      "automatic: Referral: code checks",
    ]);
  });

  it("are made once after a create whose answer was lost", async () => {
    const { sync } = await ready();
    context.store.shop(TRIAL_SHOP).faults.lostResponses = 1;
    await expect(sync()).rejects.toThrow();
    expect(discounts()).toEqual(["code: Referral: a friend's first order"]);
    // Past the in-flight window, the retry asks Shopify instead of creating again.
    await prisma.effect.updateMany({
      where: { shop: TRIAL_SHOP, key: "referrals:program:code-discount" },
      data: { lastAttemptAt: new Date(0) },
    });
    const result = await sync();
    const code = context.store.shop(TRIAL_SHOP).appDiscounts[0]!;
    expect(result).toMatchObject({ codeDiscount: code.id, running: true });
    expect(discounts()).toEqual([
      "code: Referral: a friend's first order",
      "automatic: Referral: code checks",
    ]);
    expect(await prisma.referralProgram.findUnique({ where: { shop: TRIAL_SHOP } })).toMatchObject({
      codeDiscountGid: code.id,
    });
  });
});

import { expect } from "vitest";
import prisma from "~/db.server";
import { referrerWithCode } from "~/features/referrals/index.server";
import { defaultPolicy } from "~/domain/policy/defaults";
import { sectionFormValues } from "~/domain/policy/form";
import { savePolicySection } from "~/services/policy.server";
import type { PlaceOrderInput } from "../sandbox/lifecycle";
import type { startSandbox } from "./sandbox";
import { TRIAL_SHOP, flush, setupTrialShop } from "./trial-scenario";

/**
 * Saves the reference store's referral section as the merchant would post it (a box left
 * unchecked is absent from the form). The publish job still has to run.
 */
export async function saveReferralPolicy(
  shop: string,
  unchecked: string[] = [],
  overrides: Record<string, string> = {},
) {
  const values = { ...sectionFormValues(defaultPolicy(), "referrals"), ...overrides };
  const entries = Object.entries(values).filter(([name]) => !unchecked.includes(name));
  const saved = await savePolicySection(shop, "referrals", entries, "staff");
  expect(saved.ok).toBe(true);
  return saved;
}

type SandboxContext = ReturnType<typeof startSandbox>;

const LINE = { handle: "little-black-heels", size: "8" };

/**
 * The trial shop with the reference store's referral program on Shopify (its two discounts) and
 * Maya — who has a kept, paid order — holding an active code.
 */
export async function referralProgram(
  context: SandboxContext,
  overrides: Record<string, string> = {},
) {
  await setupTrialShop(context);
  await saveReferralPolicy(TRIAL_SHOP, [], overrides);
  await flush(context);
  const shop = context.store.shop(TRIAL_SHOP);
  expect(shop.appDiscounts.map((d) => [d.kind, d.functionHandle])).toEqual([
    ["code", "referral-discount"],
    ["automatic", "referral-discount"],
  ]);
  const maya = shop.customers.find((c) => c.email === "maya@example.com")!;
  // Maya has a kept, paid order: she may refer.
  context.sandbox.lifecycle.placeOrder(TRIAL_SHOP, { customerEmail: maya.email, lines: [LINE] });
  await flush(context);
  const { code } = await referrerWithCode(TRIAL_SHOP, {
    customerGid: maya.id,
    email: maya.email,
    firstName: maya.firstName,
  });
  await flush(context);
  const active = await prisma.referralCode.findUniqueOrThrow({ where: { id: code.id } });
  expect(active).toMatchObject({ status: "active", redeemCodeGid: expect.any(String) });
  expect(shop.appDiscounts[0]!.codes.map((c) => c.code)).toEqual([code.code]);
  return { code: code.code, maya, shop };
}

/** A friend's (Olivia's, unless said) first order with the code, shipped and delivered. */
export async function friendOrderDelivered(
  context: SandboxContext,
  code: string,
  input: Partial<PlaceOrderInput> = {},
) {
  const { lifecycle } = context.sandbox;
  const order = await lifecycle.checkout(TRIAL_SHOP, {
    customerEmail: "olivia@example.com",
    discountCode: code,
    lines: [LINE],
    ...input,
  });
  lifecycle.fulfil(TRIAL_SHOP, order.id);
  lifecycle.carrierEvent(TRIAL_SHOP, order.id, "delivered");
  return order;
}

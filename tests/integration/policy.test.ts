import { describe, expect, it } from "vitest";
import prisma from "~/db.server";
import {
  getCurrentPolicy,
  getPolicyVersion,
  savePolicySection,
  STOREFRONT_METAFIELD,
} from "~/services/policy.server";
import { sectionFormValues } from "~/domain/policy/form";
import { defaultPolicy } from "~/domain/policy/defaults";
import { action as settingsAction, loader as settingsLoader } from "~/routes/app.settings.$section";
import { installShop, adminRequest } from "../support/shopify";
import { runJobs } from "../support/worker";
import { startSandbox } from "../support/sandbox";

const SHOP = "demo-shoes.myshopify.com";
const sandbox = startSandbox();

function trialForm(changes: Record<string, string>): [string, string][] {
  return Object.entries({ ...sectionFormValues(defaultPolicy(), "trial"), ...changes });
}

function formBody(entries: [string, string][], version: number): FormData {
  const form = new FormData();
  form.set("_version", String(version));
  for (const [k, v] of entries) form.append(k, v);
  return form;
}

describe("policy versions", () => {
  it("stores the defaults as version 1 on first use", async () => {
    const policy = await getCurrentPolicy(SHOP);
    expect(policy.version).toBe(1);
    expect(policy.document).toEqual(defaultPolicy());
    expect(await prisma.policyVersion.count()).toBe(1);
    await getCurrentPolicy(SHOP);
    expect(await prisma.policyVersion.count()).toBe(1);
  });

  it("keeps every saved version, so a decision can cite the one it used", async () => {
    await getCurrentPolicy(SHOP);
    const saved = await savePolicySection(
      SHOP,
      "trial",
      trialForm({ windowDays: "10" }),
      "staff-1",
    );
    expect(saved).toEqual({ ok: true, version: 2 });
    expect((await getCurrentPolicy(SHOP)).document.trial.windowDays).toBe(10);
    expect((await getPolicyVersion(SHOP, 1))?.document.trial.windowDays).toBe(7);
    expect(await prisma.job.findFirst({ where: { type: "policy.publish" } })).toMatchObject({
      idempotencyKey: `policy.publish:${SHOP}:2`,
    });
  });

  it("saves nothing when any field is invalid", async () => {
    await getCurrentPolicy(SHOP);
    const result = await savePolicySection(
      SHOP,
      "trial",
      trialForm({ windowDays: "10", boxFee: "-1", countries: "US, ZZ" }),
      "staff-1",
    );
    expect(result).toEqual({
      ok: false,
      errors: { boxFee: "Must not be negative", countries: 'Unknown country code "ZZ"' },
    });
    expect(await prisma.policyVersion.count()).toBe(1);
    expect(await prisma.job.count()).toBe(0);
  });

  it("refuses a save based on a version that is no longer current", async () => {
    await getCurrentPolicy(SHOP);
    await savePolicySection(SHOP, "trial", trialForm({ windowDays: "9" }), "a", 1);
    const stale = await savePolicySection(SHOP, "trial", trialForm({ windowDays: "8" }), "b", 1);
    expect(stale.ok).toBe(false);
    expect((await getCurrentPolicy(SHOP)).document.trial.windowDays).toBe(9);
  });

  it("publishes the storefront part to the app-owned metafield through the Admin API", async () => {
    await installShop(sandbox.store, SHOP);
    await getCurrentPolicy(SHOP);
    await savePolicySection(SHOP, "trial", trialForm({ holdAmount: "300" }), "staff-1");
    await runJobs();
    const shop = sandbox.store.shop(SHOP);
    const metafield = [...shop.metafields.values()].find((m) => m.key === STOREFRONT_METAFIELD.key);
    expect(metafield).toMatchObject({
      ownerId: shop.appInstallationId,
      namespace: "fitting_room",
      type: "json",
    });
    expect(JSON.parse(metafield!.value)).toMatchObject({
      version: 2,
      trial: { holdAmount: { amount: 30000, currency: "USD" } },
    });
    // The same job first creates the purchase options and checkout rules (no products are
    // tagged in this shop), then writes the policy for Liquid and for checkout.
    expect(sandbox.store.ledger.map((e) => e.kind)).toEqual([
      "sellingPlanGroup.create",
      "product.create", // the $25 box fee as its own product…
      "product.publish", // …on the Online Store, so carts can hold it
      "validation.create",
      "sellingPlanGroup.create", // made-to-order's PRE_ORDER option
      "discount_app.create", // the referral program's code discount…
      "discount_app.create", // …and the automatic one that explains refused codes
      "metafield.set",
      "metafield.set",
      "metafield.set", // the product page's delivery schedule (fitting_room.delivery)
    ]);
    const forCheckout = [...shop.metafields.values()].find(
      (m) => m.namespace === "$app:fitting_room",
    );
    expect(forCheckout?.ownerId).toMatch(/^gid:\/\/shopify\/Shop\//);
    expect(JSON.parse(forCheckout!.value).trial.sellingPlanId).toBe(
      shop.sellingPlanGroups[0]!.plans[0]!.id,
    );
    // Re-running the publish job (a retry) writes nothing more.
    await prisma.job.updateMany({ data: { status: "queued", runAt: new Date(0) } });
    await runJobs();
    expect(sandbox.store.ledger).toHaveLength(10);
  });

  it("does not publish a version that a newer one replaced", async () => {
    await installShop(sandbox.store, SHOP);
    await getCurrentPolicy(SHOP);
    await savePolicySection(SHOP, "trial", trialForm({ windowDays: "8" }), "a");
    await savePolicySection(SHOP, "trial", trialForm({ windowDays: "9" }), "a");
    await runJobs();
    const values = [...sandbox.store.shop(SHOP).metafields.values()].map(
      (m) => `${m.key}:${JSON.parse(m.value).version}`,
    );
    // The policy written twice (installation for Liquid, shop for checkout), both version 3
    // only; the delivery schedule once, from version 3.
    expect(values).toEqual(["policy:3", "policy:3", "delivery:3"]);
  });
});

describe("settings page (route, with a session token)", () => {
  it("renders a section's current values", async () => {
    await installShop(sandbox.store, SHOP);
    const response = await settingsLoader({
      request: adminRequest(SHOP, "/app/settings/trial"),
      params: { section: "trial" },
      context: {},
    });
    const data = await response.json();
    expect(data).toMatchObject({
      section: "trial",
      version: 1,
      values: { boxFee: "25.00", holdAmount: "350.00", windowDays: "7" },
    });
  });

  it("answers 422 with an error per bad field and saves nothing", async () => {
    await installShop(sandbox.store, SHOP);
    const entries = Object.entries({
      ...sectionFormValues(defaultPolicy(), "madeToOrder"),
      leadDays: "-3",
      "seasonalOverrides.1.name": "Overlap",
      "seasonalOverrides.1.start": "2027-02-10",
      "seasonalOverrides.1.end": "2027-02-28",
      "seasonalOverrides.1.extraDays": "3",
      "seasonalOverrides.1.message": "Busy",
    });
    const request = adminRequest(SHOP, "/app/settings/made-to-order", {
      method: "POST",
      body: formBody(entries, 1),
    });
    const response = await settingsAction({
      request,
      params: { section: "made-to-order" },
      context: {},
    });
    expect(response.status).toBe(422);
    const body = (await response.json()) as { errors: Record<string, string> };
    expect(body.errors).toMatchObject({
      leadDays: "Must not be negative",
      "seasonalOverrides.1.start": expect.stringMatching(/Overlaps/),
    });
    expect(await prisma.policyVersion.count()).toBe(1);
  });

  it("saves a valid form as a new version", async () => {
    await installShop(sandbox.store, SHOP);
    const entries = Object.entries({
      ...sectionFormValues(defaultPolicy(), "returns"),
      handlingFee: "9.99",
    });
    const request = adminRequest(SHOP, "/app/settings/returns", {
      method: "POST",
      body: formBody(entries, 1),
    });
    const response = await settingsAction({ request, params: { section: "returns" }, context: {} });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, version: 2 });
    expect((await getCurrentPolicy(SHOP)).document.returns.handlingFee.amount).toBe(999);
  });

  it("rejects a request without a valid session token", async () => {
    await installShop(sandbox.store, SHOP);
    const request = new Request(
      `https://fitting-room.test/app/settings/trial?shop=${SHOP}&embedded=1`,
      {
        headers: {
          Authorization: "Bearer forged.token.value",
          "User-Agent": "Mozilla/5.0 Chrome/126",
        },
      },
    );
    const outcome = await settingsLoader({
      request,
      params: { section: "trial" },
      context: {},
    }).catch((e: unknown) => e);
    expect(outcome).toBeInstanceOf(Response);
    expect([401, 302]).toContain((outcome as Response).status);
  });
});

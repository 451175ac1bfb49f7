import { describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { recordFitEvidence } from "~/services/fit-profile.server";
import { action as fitAction, loader as fitLoader } from "~/routes/proxy.fit";
import { loader as estimateLoader } from "~/routes/proxy.made-to-order";
import { proxyRequest } from "../support/proxy";
import { TRIAL_SHOP, flush, startTrialSandbox } from "../support/trial-scenario";
import { casesFor, setupMtoShop } from "../support/mto-scenario";

// The shopper's side of made-to-order behind the signed app proxy: the product page's estimate
// (the same date order intake then records) and the fit confirmation page (own orders only).

const context = startTrialSandbox();

async function estimate(customer: string | null, variantTitle: string, tamper = false) {
  const response = await estimateLoader({
    request: proxyRequest(
      TRIAL_SHOP,
      "/made-to-order",
      customer,
      {},
      {
        tamper,
        query: { variant_title: variantTitle, country: "US" },
      },
    ),
    params: {},
    context: {},
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

function customer(email: string) {
  return context.store.shop(TRIAL_SHOP).customers.find((c) => c.email === email)!;
}

describe("made-to-order on the storefront", () => {
  it("estimates on the product page the very date the order then records, for both paths", async () => {
    const { planGid } = await setupMtoShop(context);
    const maya = customer("maya@example.com");
    const olivia = customer("olivia@example.com");
    await recordFitEvidence({
      shop: TRIAL_SHOP,
      customerGid: maya.id,
      size: "8",
      width: "Medium",
      source: "trial_kept",
      sourceRef: "trial-1",
      at: new Date(context.store.clock()),
    });
    const known = await estimate(maya.legacyId, "8 / Medium");
    const fitting = await estimate(olivia.legacyId, "8 / Medium");
    const guest = await estimate(null, "8 / Medium");
    expect(known.body).toMatchObject({ offered: true, path: "confirmed_size" });
    expect(fitting.body).toMatchObject({ offered: true, path: "fitting_first" });
    expect(guest.body.path).toBe("fitting_first");
    expect(String(fitting.body.shipDate) > String(known.body.shipDate)).toBe(true);

    for (const [who, shown] of [
      [maya, known],
      [olivia, fitting],
    ] as const) {
      const order = context.sandbox.lifecycle.placeOrder(TRIAL_SHOP, {
        customerEmail: who.email,
        lines: [{ handle: "forever-flat", size: "8", width: "Medium", sellingPlanId: planGid }],
      });
      await flush(context);
      const [c] = await casesFor(order.id);
      expect(c!.promisedShipDate).toBe(shown.body.shipDate);
      expect(c!.path).toBe(shown.body.path);
    }
  });

  it("states a seasonal override's longer lead time on the product page and keeps it with the order", async () => {
    const { planGid } = await setupMtoShop(context);
    // Mid-January 2027: production would run into Lunar New Year (Jan 25 to Feb 20).
    context.store.clockOffsetMs += Date.parse("2027-01-15T15:00:00Z") - context.store.clock();
    const olivia = customer("olivia@example.com");
    const shown = await estimate(olivia.legacyId, "8 / Medium");
    expect(shown.body).toMatchObject({
      path: "fitting_first",
      leadDays: 28,
      overrideMessage: expect.stringContaining("Lunar New Year"),
    });
    const order = context.sandbox.lifecycle.placeOrder(TRIAL_SHOP, {
      customerEmail: olivia.email,
      lines: [{ handle: "forever-flat", size: "8", width: "Medium", sellingPlanId: planGid }],
    });
    await flush(context);
    const [c] = await casesFor(order.id);
    expect(c!.promisedShipDate).toBe(shown.body.shipDate);
    expect(c!.events[0]!.message).toContain("Lunar New Year 2027: +14 days");
  });

  it("answers a clear error for bad input and refuses forged requests", async () => {
    await setupMtoShop(context);
    const missing = await estimate(null, " ");
    expect(missing).toMatchObject({ status: 422, body: { field: "variant_title" } });
    const sizeless = await estimate(null, "Default Title");
    expect(sizeless.body).toMatchObject({ offered: false });
    await expect(estimate(null, "8 / Medium", true)).rejects.toMatchObject({ status: 400 });
  });

  it("lets only the order's customer confirm the fit, and names the field it refuses", async () => {
    const { planGid } = await setupMtoShop(context);
    const olivia = customer("olivia@example.com");
    const chloe = customer("chloe@example.ca");
    const order = context.sandbox.lifecycle.placeOrder(TRIAL_SHOP, {
      customerEmail: olivia.email,
      lines: [{ handle: "dressy-straps", size: "6", width: "Narrow", sellingPlanId: planGid }],
    });
    await flush(context);
    const [c] = await casesFor(order.id);
    const form = (fields: Record<string, string>) => {
      const body = new FormData();
      for (const [k, v] of Object.entries({
        caseId: c!.id,
        feel: "right",
        size: "6",
        width: "Narrow",
        notes: "",
        ...fields,
      }))
        body.set(k, v);
      return { method: "POST", body };
    };
    const page = await fitLoader({
      request: proxyRequest(TRIAL_SHOP, "/fit", olivia.legacyId),
      params: {},
      context: {},
    });
    const form0 = await page.text();
    expect(form0).toContain("How did the fitting pair in 6 / Narrow feel?");
    const preview = /data-ship-if-confirmed="([\d-]+)"/.exec(form0)?.[1];
    const theirs = await fitLoader({
      request: proxyRequest(TRIAL_SHOP, "/fit", chloe.legacyId),
      params: {},
      context: {},
    });
    expect(await theirs.text()).toContain("No made-to-order pairs");
    const anonymous = await fitLoader({
      request: proxyRequest(TRIAL_SHOP, "/fit", null),
      params: {},
      context: {},
    });
    expect(anonymous.status).toBe(401);

    const stolen = await fitAction({
      request: proxyRequest(TRIAL_SHOP, "/fit", chloe.legacyId, form({})),
      params: {},
      context: {},
    });
    expect(stolen.status).toBe(404);
    const bad = await fitAction({
      request: proxyRequest(TRIAL_SHOP, "/fit", olivia.legacyId, form({ size: "13" })),
      params: {},
      context: {},
    });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain("size: Pick a size and width");
    expect(
      (await prisma.mtoCase.findUniqueOrThrow({ where: { id: c!.id } })).fitConfirmedAt,
    ).toBeNull();

    const ok = await fitAction({
      request: proxyRequest(TRIAL_SHOP, "/fit", olivia.legacyId, form({ notes: "Perfect" })),
      params: {},
      context: {},
    });
    const html = await ok.text();
    expect(ok.status).toBe(200);
    const confirmed = await prisma.mtoCase.findUniqueOrThrow({ where: { id: c!.id } });
    expect(html).toContain("Your size is confirmed");
    expect(html).toContain(`data-ship-date="${confirmed.scheduledShipDate}"`);
    expect(confirmed).toMatchObject({ fitConfirmedBy: "shopper", fitNotes: "Perfect" });
    // The date the form showed before confirming is the date confirming gave.
    expect(confirmed.scheduledShipDate).toBe(preview);
  });
});

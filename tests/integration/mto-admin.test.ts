import { describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { loader as listLoader } from "~/routes/app.made-to-order._index";
import { action as caseAction, loader as caseLoader } from "~/routes/app.made-to-order.$id";
import { adminRequest } from "../support/shopify";
import { TRIAL_SHOP, flush, startTrialSandbox } from "../support/trial-scenario";
import { casesFor, setupMtoShop } from "../support/mto-scenario";

// The merchant's side of made-to-order through the real routes (session token, zod, services):
// the queues, a case's page, and the actions on it.

const context = startTrialSandbox();

function post(id: string, fields: Record<string, string>) {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.set(k, v);
  return caseAction({
    request: adminRequest(TRIAL_SHOP, `/app/made-to-order/${id}`, { method: "POST", body }),
    params: { id },
    context: {},
  });
}

const json = async (response: Response | Promise<Response>) =>
  (await (await response).json()) as Record<string, unknown>;

describe("Made-to-order admin", () => {
  it("queues cases, confirms the fit for the shopper, reschedules, resends and cancels", async () => {
    const { planGid } = await setupMtoShop(context);
    const { lifecycle } = context.sandbox;
    const order = lifecycle.placeOrder(TRIAL_SHOP, {
      customerEmail: "olivia@example.com",
      lines: [{ handle: "bridal-heels", size: "11", width: "Wide", sellingPlanId: planGid }],
    });
    await flush(context);
    const [c] = await casesFor(order.id);
    const queue = async (name: string) =>
      (await json(
        listLoader({
          request: adminRequest(TRIAL_SHOP, `/app/made-to-order?queue=${name}`),
          params: {},
          context: {},
        }),
      )) as { cases: { id: string }[]; counts: Record<string, number> };
    expect((await queue("fitting_pair_to_ship")).cases.map((x) => x.id)).toEqual([c!.id]);
    // An unknown queue falls back to the default one rather than failing.
    expect((await queue("nonsense")).counts.fitting_pair_to_ship).toBe(1);

    expect(await json(post(c!.id, { action: "resend_link" }))).toMatchObject({ ok: true });
    expect(
      context.store.ledger.filter((e) => e.kind === "flow.trigger").map((e) => e.details),
    ).toEqual([expect.objectContaining({ handle: "fit-reminder-due" })]);

    const bad = await post(c!.id, {
      action: "confirm",
      size: "13",
      width: "Wide",
      feel: "right",
      notes: "",
    });
    expect(bad.status).toBe(422);
    expect(await bad.json()).toMatchObject({ ok: false, field: "size" });
    expect(
      (await prisma.mtoCase.findUniqueOrThrow({ where: { id: c!.id } })).fitConfirmedAt,
    ).toBeNull();

    const confirmed = await json(
      post(c!.id, {
        action: "confirm",
        size: "11",
        width: "Wide",
        feel: "right",
        notes: "Called in",
      }),
    );
    expect(confirmed).toMatchObject({ ok: true });
    await flush(context);
    const scheduled = await prisma.mtoCase.findUniqueOrThrow({ where: { id: c!.id } });
    expect(scheduled).toMatchObject({ fitConfirmedBy: "merchant", status: "in_production" });
    // The merchant's confirmation is fit evidence too.
    expect(
      await prisma.fitEvidence.findMany({
        where: { shop: TRIAL_SHOP, customerGid: c!.customerGid! },
      }),
    ).toEqual([expect.objectContaining({ size: "11", width: "Wide", source: "merchant" })]);

    const past = await post(c!.id, { action: "reschedule", shipDate: "2020-01-01" });
    expect(await past.json()).toMatchObject({ ok: false, field: "shipDate" });
    const later = "2027-03-01";
    expect(await json(post(c!.id, { action: "reschedule", shipDate: later }))).toMatchObject({
      ok: true,
    });
    await flush(context);
    const fo = context.store.order(TRIAL_SHOP, order.id).fulfillmentOrders[0]!;
    expect(fo.fulfillAt?.slice(0, 10)).toBe(later);

    const page = await json(
      caseLoader({
        request: adminRequest(TRIAL_SHOP, `/app/made-to-order/${c!.id}`),
        params: { id: c!.id },
        context: {},
      }),
    );
    expect(page.detail).toMatchObject({
      scheduledShipDate: later,
      canChangeSize: false,
      canCancel: true,
    });

    expect(await json(post(c!.id, { action: "cancel" }))).toMatchObject({ ok: true });
    await flush(context);
    expect((await prisma.mtoCase.findUniqueOrThrow({ where: { id: c!.id } })).status).toBe(
      "cancelled",
    );
    expect(await json(post(c!.id, { action: "explode" }))).toMatchObject({
      ok: false,
      field: "action",
    });
  });
});

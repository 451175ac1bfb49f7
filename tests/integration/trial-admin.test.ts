import { describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { loader as listLoader } from "~/routes/app.trials._index";
import { action as trialAction, loader as detailLoader } from "~/routes/app.trials.$id";
import { loader as overviewLoader } from "~/routes/app._index";
import { adminRequest } from "../support/shopify";
import {
  TRIAL_SHOP,
  advanceDays,
  flush,
  ledgerFor,
  placeDeliveredTrial,
  startTrialSandbox,
} from "../support/trial-scenario";

// The merchant's side of the trial box: the Trials list, a trial's page and its actions, and the
// Overview card, through the real routes (session token, zod validation, services).

const context = startTrialSandbox();

async function deliveredTrial() {
  const { order } = await placeDeliveredTrial(context);
  const trial = await prisma.trial.findFirstOrThrow({ where: { orderGid: order.id } });
  return { order, trial };
}

function post(id: string, fields: Record<string, string>) {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.set(k, v);
  return trialAction({
    request: adminRequest(TRIAL_SHOP, `/app/trials/${id}`, { method: "POST", body }),
    params: { id },
    context: {},
  });
}

describe("Trials admin", () => {
  it("lists trials with their day and filters by status and search", async () => {
    const { order } = await deliveredTrial();
    const list = async (query: string) =>
      (await (
        await listLoader({
          request: adminRequest(TRIAL_SHOP, `/app/trials${query}`),
          params: {},
          context: {},
        })
      ).json()) as { trials: { orderName: string; status: string; day: number | null }[] };
    expect((await list("")).trials).toEqual([
      expect.objectContaining({ orderName: order.name, status: "delivered", day: 0 }),
    ]);
    expect((await list("?status=charged")).trials).toEqual([]);
    expect((await list("?q=olivia")).trials).toHaveLength(1);
    expect((await list(`?q=${order.name.slice(1)}`)).trials).toHaveLength(1);
    expect((await list("?q=nobody")).trials).toEqual([]);
  });

  it("shows the timeline and rejects a bad extension naming the field, changing nothing", async () => {
    const { trial } = await deliveredTrial();
    const bad = await post(trial.id, { action: "extend", days: "0" });
    expect(bad.status).toBe(422);
    expect(await bad.json()).toEqual({ ok: false, field: "days", message: "At least 1 day" });
    expect((await prisma.trial.findUniqueOrThrow({ where: { id: trial.id } })).extensionDays).toBe(
      0,
    );
    const good = await post(trial.id, { action: "extend", days: "3" });
    expect(good.status).toBe(200);
    const detail = (await (
      await detailLoader({
        request: adminRequest(TRIAL_SHOP, `/app/trials/${trial.id}`),
        params: { id: trial.id },
        context: {},
      })
    ).json()) as {
      trial: { extensionDays: number; events: { message: string }[]; payments: { kind: string }[] };
    };
    expect(detail.trial.extensionDays).toBe(3);
    expect(detail.trial.events.map((e) => e.message)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Trial opened from/),
        "Hold of $490 placed on the card",
        expect.stringMatching(/^Trial extended by 3 day\(s\)/),
      ]),
    );
    expect(detail.trial.payments.map((p) => p.kind)).toEqual(["authorize"]);
  });

  it("charges now for what is kept and waives a damage fee", async () => {
    const { order, trial } = await deliveredTrial();
    const [kept, returned] = order.lines;
    await post(trial.id, { action: "mark_returned", lineItemGid: returned!.id });
    await post(trial.id, { action: "mark_damaged", lineItemGid: returned!.id, damaged: "true" });
    await post(trial.id, { action: "waive_damage_fee", lineItemGid: returned!.id });
    expect(
      (await post(trial.id, { action: "mark_kept", lineItemGid: "gid://shopify/LineItem/1" }))
        .status,
    ).toBe(422);
    await post(trial.id, { action: "mark_kept", lineItemGid: kept!.id });
    await post(trial.id, { action: "charge_now" });
    // The pair marked returned leaves the order at once; the charge follows once the webhooks
    // that removal causes are processed.
    await advanceDays(context, 0.01);
    expect(ledgerFor(context, order.id)).toEqual([
      "authorization 490.00",
      "refund 0.00",
      "capture 245.00",
    ]);
    const again = await post(trial.id, { action: "charge_now" });
    expect(again.status).toBe(422);
    await advanceDays(context, 20);
    expect(ledgerFor(context, order.id)).toEqual([
      "authorization 490.00",
      "refund 0.00",
      "capture 245.00",
    ]);
  });

  it("cancelling releases the hold; the Overview counts open trials and what needs attention", async () => {
    const { order, trial } = await deliveredTrial();
    await advanceDays(context, 2); // the window now closes within the week
    const overview = async () =>
      (
        (await (
          await overviewLoader({
            request: adminRequest(TRIAL_SHOP, "/app"),
            params: {},
            context: {},
          })
        ).json()) as {
          trials: { open: number; toCaptureMinor: number };
        }
      ).trials;
    expect(await overview()).toMatchObject({ open: 1, toCaptureMinor: 49000 });
    await post(trial.id, { action: "cancel" });
    await flush(context);
    expect(ledgerFor(context, order.id)).toEqual(["authorization 490.00", "void 490.00"]);
    expect(await overview()).toMatchObject({ open: 0 });
  });
});

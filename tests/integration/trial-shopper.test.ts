import { describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { action as questionnaireAction } from "~/routes/proxy.fit-questionnaire";
import { action as trialAction, loader as trialLoader } from "~/routes/proxy.trial";
import { proxyRequest as signedRequest } from "../support/proxy";
import {
  TRIAL_SHOP,
  advanceDays,
  flush,
  setupTrialShop,
  trialOrderInput,
  startTrialSandbox,
} from "../support/trial-scenario";

// The shopper's keep/return page and questionnaire behind the signed app proxy.

const context = startTrialSandbox();

const proxyRequest = (
  path: string,
  customerLegacyId: string | null,
  init: RequestInit = {},
  tamper = false,
) => signedRequest(TRIAL_SHOP, path, customerLegacyId, init, { tamper });

async function placedTrial(deliver: boolean) {
  const { planGid } = await setupTrialShop(context);
  const { lifecycle, store } = context.sandbox;
  const order = lifecycle.placeOrder(TRIAL_SHOP, trialOrderInput(planGid));
  await flush(context);
  if (deliver) {
    lifecycle.fulfil(TRIAL_SHOP, order.id);
    lifecycle.carrierEvent(TRIAL_SHOP, order.id, "delivered");
    await flush(context);
  }
  const owner = store.shop(TRIAL_SHOP).customers.find((c) => c.id === order.customerId)!;
  const stranger = store.shop(TRIAL_SHOP).customers.find((c) => c.id !== order.customerId)!;
  const trial = await prisma.trial.findFirstOrThrow({ where: { orderGid: order.id } });
  return { order, trial, owner: owner.legacyId, stranger: stranger.legacyId };
}

function choices(trialId: string, entries: Record<string, string>) {
  const body = new FormData();
  body.set("trialId", trialId);
  for (const [k, v] of Object.entries(entries)) body.set(k, v);
  return { method: "POST", body };
}

describe("keep/return page", () => {
  it("shows a trial only to its own customer, and refuses unsigned requests", async () => {
    const { order, owner, stranger } = await placedTrial(true);
    const mine = await trialLoader({
      request: proxyRequest("/trial", owner),
      params: {},
      context: {},
    });
    expect(mine.status).toBe(200);
    const html = await mine.text();
    expect(html).toContain(order.name);
    expect(html).toContain("Little Black Heels");
    const theirs = await trialLoader({
      request: proxyRequest("/trial", stranger),
      params: {},
      context: {},
    });
    expect(await theirs.text()).toContain("You have no trial boxes");
    const anonymous = await trialLoader({
      request: proxyRequest("/trial", null),
      params: {},
      context: {},
    });
    expect(anonymous.status).toBe(401);
    await expect(
      trialLoader({ request: proxyRequest("/trial", owner, {}, true), params: {}, context: {} }),
    ).rejects.toMatchObject({ status: 400 });
  });

  it("saves keep/return choices, states the charge, allows one exchange, and closes with the window", async () => {
    const { order, trial, owner, stranger } = await placedTrial(true);
    const [first, second] = order.lines;
    const saved = await trialAction({
      request: proxyRequest(
        "/trial",
        owner,
        choices(trial.id, {
          [`choice:${first!.id}`]: "keep",
          [`choice:${second!.id}`]: "return",
          exchange: "Five Shades of Nude in 8.5 Medium",
        }),
      ),
      params: {},
      context: {},
    });
    expect(saved.status).toBe(200);
    expect(await saved.text()).toMatch(/we charge \$245 on \d{4}-\d{2}-\d{2}/);
    const lines = await prisma.trialLine.findMany({
      where: { trialId: trial.id },
      orderBy: { lineItemGid: "asc" },
    });
    expect(lines.map((l) => l.choice).sort()).toEqual(["keep", "return"]);
    const twice = await trialAction({
      request: proxyRequest(
        "/trial",
        owner,
        choices(trial.id, { [`choice:${first!.id}`]: "keep", exchange: "another" }),
      ),
      params: {},
      context: {},
    });
    expect(twice.status).toBe(422);
    expect(await twice.text()).toContain("Your free exchange has already been requested");
    const hijack = await trialAction({
      request: proxyRequest(
        "/trial",
        stranger,
        choices(trial.id, { [`choice:${first!.id}`]: "return" }),
      ),
      params: {},
      context: {},
    });
    expect(await hijack.text()).toContain("We could not find that trial on your account");
    expect(
      (await prisma.trialLine.findFirstOrThrow({ where: { lineItemGid: first!.id } })).choice,
    ).toBe("keep");
    await advanceDays(context, 8);
    const late = await trialAction({
      request: proxyRequest(
        "/trial",
        owner,
        choices(trial.id, { [`choice:${first!.id}`]: "return" }),
      ),
      params: {},
      context: {},
    });
    expect(late.status).toBe(422);
  });

  it("saves the fit questionnaire against a box not yet shipped, naming a bad field", async () => {
    const { trial, owner } = await placedTrial(false);
    const form = (over: Record<string, string>) =>
      choices(trial.id, {
        usualSize: "7.5",
        width: "Wide",
        fitIssues: "bunion on the left foot",
        colours: "nude, black",
        newOrSample: "either",
        ...over,
      });
    const bad = await questionnaireAction({
      request: proxyRequest("/fit-questionnaire", owner, form({ usualSize: "13" })),
      params: {},
      context: {},
    });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain("usualSize: Choose a US size between 4 and 12");
    expect(
      (await prisma.trial.findUniqueOrThrow({ where: { id: trial.id } })).questionnaire,
    ).toBeNull();
    const good = await questionnaireAction({
      request: proxyRequest("/fit-questionnaire", owner, form({})),
      params: {},
      context: {},
    });
    expect(good.status).toBe(200);
    expect(
      JSON.parse(
        (await prisma.trial.findUniqueOrThrow({ where: { id: trial.id } })).questionnaire!,
      ),
    ).toMatchObject({ usualSize: "7.5", width: "Wide" });
    // The fit finder sized each pair in the box, and its answers wait on the box's lines.
    const page = await good.text();
    expect(page).toContain(
      "Our fit finder suggests: Little Black Heels 7.5 W, Five Shades of Nude 7.5 W.",
    );
    const answers = await prisma.fitAnswer.findMany({ where: { shop: TRIAL_SHOP } });
    expect(answers.map((a) => a.lineItemGid).sort()).toEqual(
      (await prisma.trialLine.findMany({ where: { trialId: trial.id } }))
        .map((l) => l.lineItemGid)
        .sort(),
    );
    const event = await prisma.trialEvent.findFirst({
      where: { trialId: trial.id, kind: "questionnaire" },
    });
    expect(event?.message).toContain("the fit finder suggests Little Black Heels 7.5 W");
  });

  it("sizes the box with the foot notes the questionnaire asks", async () => {
    const { trial, owner } = await placedTrial(false);
    const body = choices(trial.id, {
      usualSize: "8",
      width: "Medium",
      fitIssues: "",
      colours: "",
      newOrSample: "new",
      between: "1",
    });
    body.body.append("notes", "wide_forefoot");
    const answered = await questionnaireAction({
      request: proxyRequest("/fit-questionnaire", owner, body),
      params: {},
      context: {},
    });
    expect(await answered.text()).toContain("Little Black Heels 8.5 W");
    const bad = choices(trial.id, {
      usualSize: "8",
      width: "Medium",
      fitIssues: "",
      colours: "",
      newOrSample: "new",
    });
    bad.body.append("notes", "flat");
    const refused = await questionnaireAction({
      request: proxyRequest("/fit-questionnaire", owner, bad),
      params: {},
      context: {},
    });
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain("notes: Choose from the list");
  });
});

import { describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { action as adminAction, loader as adminLoader } from "~/routes/app.referrals._index";
import { action as applyAction, loader as applyLoader } from "~/routes/proxy.ambassadors";
import { loader as referralsPage } from "~/routes/proxy.referrals";
import { proxyRequest } from "../support/proxy";
import { saveReferralPolicy } from "../support/referrals";
import { adminRequest } from "../support/shopify";
import { TRIAL_SHOP, flush, setupTrialShop, startTrialSandbox } from "../support/trial-scenario";

// Ambassadors through the real routes and the sandbox: a signed-in shopper with no order applies
// on the storefront (a bad form names its field and saves nothing), Flow hears of it once, the
// merchant approves with the ambassador's own reward, the shopper's page shows their code, and a
// friend's order with that code is priced by the Function and earns the ambassador's own amount.

const context = startTrialSandbox();
const LINE = { handle: "little-black-heels", size: "8" };
const GOOD = {
  name: "Chloe Martin",
  email: "chloe@example.ca",
  socialHandle: "@chloewalks",
  why: "I post outfit videos every week and my followers ask about my heels.",
};

async function publish(unchecked: string[] = []) {
  await saveReferralPolicy(TRIAL_SHOP, unchecked);
  await flush(context);
}

async function program() {
  await setupTrialShop(context);
  await publish();
  const chloe = context.store.shop(TRIAL_SHOP).customers.find((c) => c.email === GOOD.email)!;
  return { chloe };
}

async function html(response: Response) {
  return { status: response.status, body: await response.text() };
}

const applyPage = async (customer: string | null) =>
  html(
    await applyLoader({
      request: proxyRequest(TRIAL_SHOP, "/ambassadors", customer),
      params: {},
      context: {},
    }),
  );

const apply = async (customer: string | null, fields: Record<string, string>) =>
  html(
    await applyAction({
      request: proxyRequest(TRIAL_SHOP, "/ambassadors", customer, {
        method: "POST",
        body: new URLSearchParams(fields),
      }),
      params: {},
      context: {},
    }),
  );

const review = async (fields: Record<string, string>) => {
  const response = (await adminAction({
    request: adminRequest(TRIAL_SHOP, "/app/referrals", {
      method: "POST",
      body: new URLSearchParams(fields),
    }),
    params: {},
    context: {},
  })) as Response;
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

const flowsFor = (handle: string) =>
  context.store.ledger
    .filter((e) => e.kind === "flow.trigger")
    .map((e) => e.details as { handle: string; payload: Record<string, unknown> })
    .filter((d) => d.handle === handle);

describe("ambassadors end to end", () => {
  it("applies → Flow hears once → approved with an own reward → own code works for a friend", async () => {
    const { chloe } = await program();
    expect((await applyPage(null)).body).toContain("/account/login");
    const form = await applyPage(chloe.legacyId);
    expect(form.body).toContain('name="socialHandle"');
    expect(form.body).toContain("$20");

    // Nobody signed in: refused, nothing saved.
    expect((await apply(null, GOOD)).status).toBe(401);
    const bad = await apply(chloe.legacyId, { ...GOOD, email: "not-an-email" });
    expect(bad.status).toBe(422);
    expect(bad.body).toContain('data-error="email"');
    expect(bad.body).toContain('id="fr-email" required aria-invalid="true"');
    expect(bad.body).toContain('value="Chloe Martin"');
    expect(await prisma.referrer.count({ where: { shop: TRIAL_SHOP } })).toBe(0);

    const applied = await apply(chloe.legacyId, GOOD);
    expect(applied.status).toBe(200);
    expect(applied.body).toContain('data-ambassador-state="applied"');
    // Applying twice (a double submit) keeps one application and one Flow firing.
    await apply(chloe.legacyId, GOOD);
    await flush(context);
    expect(flowsFor("ambassador-applied")).toEqual([
      {
        handle: "ambassador-applied",
        payload: {
          customer_id: chloe.legacyId,
          Name: "Chloe Martin",
          "Social handle": "@chloewalks",
        },
      },
    ]);

    const listed = (await adminLoader({
      request: adminRequest(TRIAL_SHOP, "/app/referrals"),
      params: {},
      context: {},
    })) as Response;
    const { applications } = (await listed.json()) as {
      applications: { id: string; name: string; why: string }[];
    };
    expect(applications).toEqual([
      expect.objectContaining({ name: "Chloe Martin", why: GOOD.why }),
    ]);
    const referrerId = applications[0]!.id;

    const badReward = await review({ action: "approve_ambassador", referrerId, reward: "thirty" });
    expect(badReward).toMatchObject({ status: 422, body: { ok: false, field: "reward" } });
    const still = await prisma.referrer.findUniqueOrThrow({ where: { id: referrerId } });
    expect(still.ambassadorStatus).toBe("applied");

    const approved = await review({ action: "approve_ambassador", referrerId, reward: "30" });
    expect(approved.status).toBe(200);
    expect(approved.body.message).toMatch(/^Approved: the ambassador's code is [A-Z2-9-]+\.$/);
    const again = await review({ action: "approve_ambassador", referrerId, reward: "30" });
    expect(again).toMatchObject({
      status: 422,
      body: { ok: false, message: "This application was already decided" },
    });
    await flush(context);
    const code = await prisma.referralCode.findFirstOrThrow({ where: { referrerId } });
    expect(code.status).toBe("active");
    const discount = context.store.shop(TRIAL_SHOP).appDiscounts[0]!;
    expect(discount.codes.map((c) => c.code)).toEqual([code.code]);

    // Chloe has never ordered, yet as an approved ambassador her page shows her code and link.
    const mine = await html(
      await referralsPage({
        request: proxyRequest(TRIAL_SHOP, "/referrals", chloe.legacyId),
        params: {},
        context: {},
      }),
    );
    expect(mine.body).toContain(`data-referral-code>${code.code}<`);
    expect((await applyPage(chloe.legacyId)).body).toContain('data-ambassador-state="approved"');

    const order = await context.sandbox.lifecycle.checkout(TRIAL_SHOP, {
      customerEmail: "olivia@example.com",
      discountCode: code.code,
      lines: [LINE],
    });
    expect(order.discountMinor).toBe(2000);
    await flush(context);
    const opened = await prisma.referralCase.findUniqueOrThrow({
      where: { shop_orderGid: { shop: TRIAL_SHOP, orderGid: order.id } },
    });
    expect(opened).toMatchObject({ code: code.code, rewardMinor: 3000 });
  });

  it("declines: the shopper sees it and cannot re-apply; a closed program refuses", async () => {
    const { chloe } = await program();
    await apply(chloe.legacyId, GOOD);
    const referrer = await prisma.referrer.findFirstOrThrow({ where: { shop: TRIAL_SHOP } });
    const declined = await review({ action: "decline_ambassador", referrerId: referrer.id });
    expect(declined).toMatchObject({ status: 200, body: { ok: true } });
    expect(await prisma.referralCode.count({ where: { referrerId: referrer.id } })).toBe(0);
    const after = await apply(chloe.legacyId, GOOD);
    expect(after.body).toContain('data-ambassador-state="declined"');
    expect(
      (await prisma.referrer.findUniqueOrThrow({ where: { id: referrer.id } })).ambassadorStatus,
    ).toBe("declined");
    expect(await review({ action: "approve_ambassador", referrerId: "nope" })).toMatchObject({
      status: 422,
      body: { ok: false, field: "referrerId" },
    });
    expect(await review({ action: "delete_everything", referrerId: referrer.id })).toMatchObject({
      status: 422,
    });

    await publish(["ambassadorProgramEnabled"]);
    const shopper = context.store.shop(TRIAL_SHOP).customers.find((c) => c.email !== GOOD.email)!;
    const closed = await apply(shopper.legacyId, { ...GOOD, email: shopper.email });
    expect(closed.status).toBe(409);
    expect((await applyPage(shopper.legacyId)).body).not.toContain("<form");
  });
});

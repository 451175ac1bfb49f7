import { describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { saveShopperChoices } from "~/features/trial/index.server";
import { receiveWebhook } from "~/platform/webhooks/inbox.server";
import { dumpEveryTable } from "../support/dump";
import { webhookRequest } from "../support/shopify";
import {
  TRIAL_SHOP,
  flush,
  setupTrialShop,
  startTrialSandbox,
  trialOrderInput,
} from "../support/trial-scenario";

// customers/redact end to end: a trial shopper types an exchange request, Shopify later asks for
// her data to be erased, and afterwards no table holds her email, ids, name or words — while the
// other shopper's trial, and the money and state of hers, are as they were.

const context = startTrialSandbox();

async function deliveredTrial(planGid: string, email: string, exchange: string) {
  const { lifecycle } = context.sandbox;
  const order = lifecycle.placeOrder(
    TRIAL_SHOP,
    trialOrderInput(planGid, { customerEmail: email }),
  );
  await flush(context);
  lifecycle.fulfil(TRIAL_SHOP, order.id);
  lifecycle.carrierEvent(TRIAL_SHOP, order.id, "delivered");
  await flush(context);
  const trial = await prisma.trial.findFirstOrThrow({ where: { orderGid: order.id } });
  const saved = await saveShopperChoices(TRIAL_SHOP, order.customerId!, {
    trialId: trial.id,
    choices: [{ lineItemGid: order.lines[0]!.id, choice: "keep" }],
    exchange,
  });
  expect(saved.ok).toBe(true);
  await flush(context);
  return order;
}

const state = (orderGid: string) =>
  prisma.trial.findFirstOrThrow({
    where: { shop: TRIAL_SHOP, orderGid },
    select: {
      status: true,
      owedMinor: true,
      collectedMinor: true,
      windowClosesAt: true,
      lines: { select: { choice: true, unitPriceMinor: true }, orderBy: { lineItemGid: "asc" } },
      payments: { select: { kind: true, amountMinor: true, status: true } },
    },
  });

describe("customers/redact through the webhook", () => {
  it("leaves no trace of the trial shopper in any table, and the other shopper's data whole", async () => {
    const { planGid } = await setupTrialShop(context);
    const typed = "Swap the nudes for an 8.5 wide, my left foot is bigger";
    const olivia = await deliveredTrial(planGid, "olivia@example.com", typed);
    const mayaTyped = "Could the heels come in a 9 instead";
    const maya = await deliveredTrial(planGid, "maya@example.com", mayaTyped);
    const customer = context.store
      .shop(TRIAL_SHOP)
      .customers.find((c) => c.id === olivia.customerId)!;
    const before = await dumpEveryTable();
    for (const text of [typed, customer.email, customer.legacyId, customer.lastName])
      expect(before).toContain(text);
    const stateBefore = await state(olivia.id);
    expect(stateBefore.status).toBe("needs_attention");

    // Shopify's request, with her ids bare (REST) and her address in another case.
    const orderId = olivia.id.split("/").pop();
    const body = `{"shop_id":954889,"shop_domain":"${TRIAL_SHOP}","customer":{"id":${customer.legacyId},"email":"OLIVIA@Example.com","phone":null},"orders_to_redact":[${orderId}]}`;
    const response = await receiveWebhook(
      webhookRequest("customers/redact", body, { shop: TRIAL_SHOP }),
      "customers/redact",
    );
    expect(response.status).toBe(200);
    await flush(context);

    const after = await dumpEveryTable();
    const lower = after.toLowerCase();
    expect(lower).not.toContain(customer.email.toLowerCase());
    expect(after).not.toContain(customer.id);
    expect(after).not.toMatch(new RegExp(`(?<![0-9.])${customer.legacyId}(?![0-9])`));
    expect(lower).not.toContain(customer.firstName.toLowerCase());
    expect(lower).not.toContain(customer.lastName.toLowerCase());
    expect(after).not.toContain(typed);
    expect(
      await prisma.webhookDelivery.findFirstOrThrow({ where: { topic: "customers/redact" } }),
    ).toMatchObject({ status: "processed", payload: null });

    // Her trial keeps its money and state; the reason still says what the merchant must do.
    expect(await state(olivia.id)).toEqual(stateBefore);
    const trial = await prisma.trial.findFirstOrThrow({ where: { orderGid: olivia.id } });
    expect(trial.attentionReason).toBe("Exchange requested: [redacted]");

    // The other shopper is untouched.
    expect(after).toContain("maya@example.com");
    expect(after).toContain(mayaTyped);
    expect(await prisma.trial.findFirstOrThrow({ where: { orderGid: maya.id } })).toMatchObject({
      customerEmail: "maya@example.com",
    });
  });
});

import type { Logger } from "pino";
import prisma from "~/db.server";
import type { AdminGraphql } from "~/platform/admin/client.server";
import type { WebhookContext } from "~/platform/webhooks/types";
import { getCurrentPolicy } from "~/services/policy.server";
import { enqueueCodeSync } from "./codes.server";
import { forgetProgramDiscount } from "./forget-discount.server";
import { syncReferralProgram } from "./program.server";

// The two ways the app learns a program discount was deleted on Shopify: the discounts/delete
// webhook here, and an update refused as "does not exist" at the next publish (program.server).
// Either way the rebuild job publishes the policy in force again, which makes what is missing.

/** discounts/delete: only the program's own discounts matter here. */
export async function discountDeleted({ shop, payload, log }: WebhookContext) {
  const gid = typeof payload.admin_graphql_api_id === "string" ? payload.admin_graphql_api_id : "";
  if (!gid) return;
  await prisma.$transaction((tx) => forgetProgramDiscount(tx, shop, gid, log));
}

/**
 * The rebuild job: the policy in force, published again (missing discounts are made anew), then
 * every code waiting for the code discount is sent to it — once per generation.
 */
export async function rebuildProgram(
  shop: string,
  generation: number,
  graphql: AdminGraphql,
  log: Logger,
) {
  const policy = await getCurrentPolicy(shop);
  const outcome = await syncReferralProgram(shop, policy, graphql, log);
  const waiting = await prisma.referralCode.findMany({
    where: { shop, status: "issued" },
    select: { id: true },
  });
  for (const code of waiting) await enqueueCodeSync(shop, code.id, generation);
  log.info({ shop, outcome, codes: waiting.length }, "referral program discounts rebuilt");
}

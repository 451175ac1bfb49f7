import type { Logger } from "pino";
import { enqueue } from "~/platform/jobs/queue.server";
import type { Tx } from "~/policy-module";

// A merchant who deletes one of the program's two discounts in the Shopify admin stops every
// referral code at checkout (the code discount holds them all) or the explanation of a refused
// one (the automatic discount). The app puts the program back: the discount is made again — a
// new creation under the next generation's effect key — and, for the code discount, every live
// referrer code is added to it again, so links already shared keep working. To stop the program
// the merchant switches it off in the policy, which ends both discounts instead.

export const REFERRALS_PROGRAM_REBUILD_JOB = "referrals.program.rebuild";

/**
 * Forgets a program discount Shopify no longer has; true the first time (a duplicate delivery or
 * a discount that is not the program's changes nothing). Codes go back to waiting for a sync.
 */
export async function forgetProgramDiscount(tx: Tx, shop: string, gid: string, log: Logger) {
  const program = await tx.referralProgram.findUnique({ where: { shop } });
  const kind =
    program?.codeDiscountGid === gid
      ? "code"
      : program?.automaticDiscountGid === gid
        ? "automatic"
        : null;
  if (!program || !kind) return false;
  const field = kind === "code" ? "codeDiscountGid" : "automaticDiscountGid";
  const generation = program.discountsGeneration + 1;
  const forgotten = await tx.referralProgram.updateMany({
    where: { shop, [field]: gid },
    data: { [field]: null, discountsGeneration: generation },
  });
  if (forgotten.count === 0) return false;
  // Codes on the deleted discount went with it: they wait to be added to the new one.
  if (kind === "code")
    await tx.referralCode.updateMany({
      where: { shop, status: { in: ["issued", "active"] } },
      data: { status: "issued", redeemCodeGid: null, bulkCreationId: null },
    });
  await enqueue(
    {
      type: REFERRALS_PROGRAM_REBUILD_JOB,
      shop,
      payload: { deleted: gid, generation },
      idempotencyKey: `referrals:program:rebuild:${shop}:${generation}`,
    },
    tx,
  );
  log.warn(
    { shop, discount: gid, kind, generation },
    "referral program discount deleted on Shopify",
  );
  return true;
}

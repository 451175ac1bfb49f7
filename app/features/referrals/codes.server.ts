import crypto from "node:crypto";
import { Prisma } from "@prisma/client";
import prisma from "~/db.server";
import {
  adminRequest,
  assertNoUserErrors,
  type AdminGraphql,
} from "~/platform/admin/client.server";
import { RetryableJobError } from "~/platform/jobs/errors.server";
import { enqueue } from "~/platform/jobs/queue.server";
import { makeCode, normalizeCode } from "./domain/codes";
import { normalizeEmail } from "./domain/identity";
import {
  REFERRALS_CODES_ADD,
  REFERRALS_CODES_ADDED,
  REFERRALS_CODE_REMOVE,
  REFERRALS_OWN_CODE_SET,
} from "./graphql";

// A referrer's code: made here (short, unambiguous, unique per shop — a collision draws again),
// then put on Shopify by a job: added to the program's code discount (in bulk, asynchronously:
// the job looks again until Shopify reports it done) and written on the referrer's customer
// record, where the Function reads it to refuse a referrer their own code.

export const REFERRALS_CODE_SYNC_JOB = "referrals.code.sync";

export interface ReferrerIdentity {
  customerGid: string | null;
  email: string | null;
  firstName: string | null;
  lastName?: string | null;
}

const random = (n: number) => crypto.randomInt(n);

/** The referrer (made on first ask) and their active or issued code, made if they have none. */
export async function referrerWithCode(shop: string, who: ReferrerIdentity) {
  const emailKey = normalizeEmail(who.email);
  const referrer =
    (who.customerGid
      ? await prisma.referrer.findUnique({
          where: { shop_customerGid: { shop, customerGid: who.customerGid } },
        })
      : null) ??
    (await prisma.referrer.create({
      data: {
        shop,
        customerGid: who.customerGid,
        email: who.email,
        emailKey,
        firstName: who.firstName,
        lastName: who.lastName ?? null,
      },
    }));
  const current = await prisma.referralCode.findFirst({
    where: { referrerId: referrer.id, status: { in: ["issued", "active"] } },
    orderBy: { createdAt: "desc" },
  });
  if (current) return { referrer, code: current };
  return { referrer, code: await issueCode(shop, referrer.id, referrer.firstName) };
}

/**
 * The code's trip to the program's code discount: once per code and discount generation (a
 * discount the merchant deleted and the app made again takes every live code again).
 */
export function enqueueCodeSync(
  shop: string,
  codeId: string,
  generation: number,
  db?: Parameters<typeof enqueue>[1],
) {
  return enqueue(
    {
      type: REFERRALS_CODE_SYNC_JOB,
      shop,
      payload: { codeId },
      idempotencyKey: `referral-code:${codeId}:sync${generation > 0 ? `:${generation}` : ""}`,
    },
    db,
  );
}

/** A new code for the referrer (first one, or after a leaked one was revoked). */
export async function issueCode(shop: string, referrerId: string, name: string | null) {
  for (let attempt = 0; attempt < 8; attempt++) {
    try {
      return await prisma.$transaction(async (tx) => {
        const code = await tx.referralCode.create({
          data: { shop, referrerId, code: makeCode(name, random) },
        });
        await enqueueCodeSync(shop, code.id, 0, tx);
        return code;
      });
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") continue;
      throw error;
    }
  }
  throw new Error("could not draw a free referral code in 8 attempts");
}

/** The sync job: add the code to the program's discount, then look until Shopify says done. */
export async function syncCode(shop: string, codeId: string, graphql: AdminGraphql) {
  const code = await prisma.referralCode.findUnique({
    where: { id: codeId },
    include: { referrer: true },
  });
  if (!code || code.status !== "issued") return;
  const program = await prisma.referralProgram.findUnique({ where: { shop } });
  if (!program?.codeDiscountGid)
    throw new RetryableJobError("the referral program's discount is not on Shopify yet", 60_000);
  if (!code.bulkCreationId) {
    const data = await adminRequest(graphql, REFERRALS_CODES_ADD, {
      discountId: program.codeDiscountGid,
      codes: [{ code: code.code }],
    });
    assertNoUserErrors("discountRedeemCodeBulkAdd", data.discountRedeemCodeBulkAdd?.userErrors);
    const id = data.discountRedeemCodeBulkAdd?.bulkCreation?.id;
    if (!id) throw new Error("discountRedeemCodeBulkAdd returned no bulk creation");
    await prisma.referralCode.update({ where: { id: code.id }, data: { bulkCreationId: id } });
    code.bulkCreationId = id;
  }
  const status = await adminRequest(graphql, REFERRALS_CODES_ADDED, { id: code.bulkCreationId });
  const creation = status.discountRedeemCodeBulkCreation;
  if (!creation?.done) throw new RetryableJobError(`code ${code.code} not added yet`, 5_000);
  const mine = creation.codes.nodes.find((n) => n.code === code.code);
  if (!mine?.discountRedeemCode) {
    // Taken on Shopify (a merchant's own code): this one is dropped and the referrer gets another.
    await prisma.referralCode.update({
      where: { id: code.id },
      data: { status: "revoked", revokedAt: new Date() },
    });
    await issueCode(shop, code.referrerId, code.referrer.firstName);
    return;
  }
  if (code.referrer.customerGid) {
    const data = await adminRequest(graphql, REFERRALS_OWN_CODE_SET, {
      metafields: [
        {
          ownerId: code.referrer.customerGid,
          namespace: "fitting_room",
          key: "referral_code",
          type: "single_line_text_field",
          value: code.code,
        },
      ],
    });
    assertNoUserErrors("metafieldsSet", data.metafieldsSet?.userErrors);
  }
  await prisma.referralCode.update({
    where: { id: code.id },
    data: { status: "active", redeemCodeGid: mine.discountRedeemCode.id },
  });
}

/** The removal job: a revoked code leaves the program's discount (its redeem code deleted). */
export async function removeCode(shop: string, codeId: string, graphql: AdminGraphql) {
  const code = await prisma.referralCode.findUnique({ where: { id: codeId } });
  const program = await prisma.referralProgram.findUnique({ where: { shop } });
  if (!code?.redeemCodeGid || !program?.codeDiscountGid) return;
  const data = await adminRequest(graphql, REFERRALS_CODE_REMOVE, {
    discountId: program.codeDiscountGid,
    ids: [code.redeemCodeGid],
  });
  assertNoUserErrors(
    "discountCodeRedeemCodeBulkDelete",
    data.discountCodeRedeemCodeBulkDelete?.userErrors,
  );
}

/**
 * Where a referral link sends the visitor: Shopify's /discount/<code> (the code kept for
 * checkout) and on to the store with ?ref=<code>, which Shopify records on the order's journey
 * and the theme embed turns into the cart attribute naming the referral. A code not (or no
 * longer) in use sends them to the store without it.
 */
export async function referralLinkTarget(shop: string, raw: string) {
  const code = await prisma.referralCode.findUnique({
    where: { shop_code: { shop, code: normalizeCode(raw) } },
    include: { referrer: { select: { firstName: true } } },
  });
  if (!code || code.status !== "active")
    return { valid: false as const, location: "/?referral=unknown" };
  // The referrer's first name (theirs to share: it is their link) lets the store say whose
  // link the friend came from; the theme embed keeps both on the cart as attributes.
  const query = new URLSearchParams({ ref: code.code });
  if (code.referrer.firstName) query.set("ref_name", code.referrer.firstName);
  const redirect = `/?${query}`;
  return {
    valid: true as const,
    location: `/discount/${encodeURIComponent(code.code)}?redirect=${encodeURIComponent(redirect)}`,
  };
}

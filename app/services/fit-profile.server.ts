import type { Prisma } from "@prisma/client";
import prisma from "~/db.server";
import {
  fitMetafieldValue,
  fitProfile,
  type FitEvidence,
  type FitProfile,
  type FitSource,
} from "~/domain/fit-profile";
import { METAFIELDS_SET_MUTATION } from "~/graphql/metafields";
import {
  adminRequest,
  assertNoUserErrors,
  type AdminGraphql,
} from "~/platform/admin/client.server";
import { performEffect } from "~/platform/effects.server";

// The customer's fit profile: evidence rows kept by the app, the profile derived from them, and
// its mirror in the customer metafield fitting_room.fit that the storefront and later orders read.

export async function fitProfileFor(shop: string, customerGid: string | null) {
  if (!customerGid) return null;
  const rows = await prisma.fitEvidence.findMany({ where: { shop, customerGid } });
  return fitProfile(
    rows.map((r): FitEvidence => ({
      size: r.size,
      width: r.width,
      source: r.source as FitSource,
      at: r.at.toISOString(),
    })),
  );
}

/** One row per (source, ref): recording the same confirmation twice changes nothing. */
export async function recordFitEvidence(
  input: {
    shop: string;
    customerGid: string;
    size: string;
    width: string;
    source: FitSource;
    sourceRef: string;
    at: Date;
  },
  db: Prisma.TransactionClient | typeof prisma = prisma,
) {
  const { shop, customerGid, source, sourceRef } = input;
  await db.fitEvidence.upsert({
    where: { shop_customerGid_source_sourceRef: { shop, customerGid, source, sourceRef } },
    create: input,
    update: { size: input.size, width: input.width, at: input.at },
  });
}

/** metafieldsSet is a plain overwrite: sending the same profile again is harmless. */
export async function writeFitMetafield(
  graphql: AdminGraphql,
  customerGid: string,
  profile: FitProfile,
) {
  const data = await adminRequest(graphql, METAFIELDS_SET_MUTATION, {
    metafields: [
      {
        ownerId: customerGid,
        namespace: "fitting_room",
        key: "fit",
        type: "json",
        value: fitMetafieldValue(profile),
      },
    ],
  });
  assertNoUserErrors("metafieldsSet", data.metafieldsSet?.userErrors);
}

/**
 * Writes the customer's current profile to the metafield, once per profile (the key holds the
 * evidence's instant): `keyPrefix` names what changed it (a case, a trial).
 */
export async function mirrorFitProfile(
  shop: string,
  customerGid: string | null,
  keyPrefix: string,
  graphql: AdminGraphql,
) {
  if (!customerGid) return;
  const profile = await fitProfileFor(shop, customerGid);
  if (!profile) return;
  await performEffect(
    {
      shop,
      key: `${keyPrefix}:fit-metafield:${profile.at}`,
      kind: "metafield.set",
      request: profile,
    },
    async () => {
      await writeFitMetafield(graphql, customerGid, profile);
      return { written: true };
    },
  );
}

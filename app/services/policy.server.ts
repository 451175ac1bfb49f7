import type { PolicyVersion } from "@prisma/client";
import prisma from "~/db.server";
import { withBusyRetry } from "~/platform/sqlite-busy.server";
import { defaultPolicy } from "~/domain/policy/defaults";
import { parseSectionForm, type FieldErrors } from "~/domain/policy/form";
import {
  policyDocumentSchema,
  type PolicyDocument,
  type PolicySection,
} from "~/domain/policy/schema";
import { storefrontPolicy } from "~/domain/policy/storefront";
import { enqueue } from "~/platform/jobs/queue.server";
import { isUniqueViolation } from "~/platform/db-errors.server";
import { shopLogger } from "~/platform/logger.server";
import { APP_INSTALLATION_ID_QUERY, METAFIELDS_SET_MUTATION } from "~/graphql/metafields";
import {
  adminRequest,
  assertNoUserErrors,
  type AdminGraphql,
} from "~/platform/admin/client.server";
import { performEffect } from "~/platform/effects.server";

export interface CurrentPolicy {
  version: number;
  document: PolicyDocument;
  createdAt: Date;
}

/** The job that takes a saved version to Shopify (app/jobs.server.ts). */
export const POLICY_PUBLISH_JOB = "policy.publish";

export const STOREFRONT_METAFIELD = { namespace: "fitting_room", key: "policy" } as const;

function toCurrent(row: PolicyVersion): CurrentPolicy {
  return {
    version: row.version,
    document: policyDocumentSchema.parse(JSON.parse(row.document)),
    createdAt: row.createdAt,
  };
}

/** The shop's newest policy; a shop that never saved one gets the defaults stored as version 1. */
export async function getCurrentPolicy(shop: string): Promise<CurrentPolicy> {
  const latest = await prisma.policyVersion.findFirst({
    where: { shop },
    orderBy: { version: "desc" },
  });
  if (latest) return toCurrent(latest);
  const shopRow = await prisma.shop.findUnique({ where: { domain: shop } });
  try {
    const created = await prisma.policyVersion.create({
      data: {
        shop,
        version: 1,
        document: JSON.stringify(defaultPolicy(shopRow?.currencyCode ?? "USD")),
        changed: "defaults",
        createdBy: "fitting-room",
      },
    });
    return toCurrent(created);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return getCurrentPolicy(shop);
  }
}

/** The exact policy a decision cited. */
export async function getPolicyVersion(
  shop: string,
  version: number,
): Promise<CurrentPolicy | null> {
  const row = await prisma.policyVersion.findUnique({ where: { shop_version: { shop, version } } });
  return row ? toCurrent(row) : null;
}

export async function listPolicyVersions(shop: string, take = 20) {
  return prisma.policyVersion.findMany({
    where: { shop },
    orderBy: { version: "desc" },
    take,
    select: { version: true, changed: true, createdBy: true, createdAt: true },
  });
}

export type SaveResult = { ok: true; version: number } | { ok: false; errors: FieldErrors };

/**
 * Validates a settings form for one section against the whole policy and, only if every field
 * is valid, stores it as a new version and queues its publication to the storefront metafield,
 * in one transaction.
 */
export async function savePolicySection(
  shop: string,
  section: PolicySection,
  entries: Iterable<[string, string]>,
  createdBy: string | null,
  expectedVersion?: number,
): Promise<SaveResult> {
  const current = await getCurrentPolicy(shop);
  if (expectedVersion !== undefined && expectedVersion !== current.version) {
    return {
      ok: false,
      errors: {
        _form: `Settings were changed elsewhere (now version ${current.version}). Reload and try again.`,
      },
    };
  }
  const parsed = parseSectionForm(current.document, section, entries);
  if (!parsed.ok) return parsed;
  const version = current.version + 1;
  try {
    await withBusyRetry(() =>
      prisma.$transaction(async (tx) => {
        await tx.policyVersion.create({
          data: {
            shop,
            version,
            document: JSON.stringify(parsed.document),
            changed: section,
            createdBy,
          },
        });
        await enqueue(
          {
            type: POLICY_PUBLISH_JOB,
            shop,
            payload: { version },
            idempotencyKey: `policy.publish:${shop}:${version}`,
          },
          tx,
        );
      }),
    );
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return {
      ok: false,
      errors: { _form: "Someone saved settings at the same moment. Reload and try again." },
    };
  }
  shopLogger(shop, { version, section }).info("policy saved");
  return { ok: true, version };
}

/** Writes the storefront part of a policy version to the app-owned metafield Liquid reads. */
export async function publishStorefrontPolicy(
  shop: string,
  version: number,
  graphql: AdminGraphql,
  /** Publishes the same version again (the shop's plan moved): part of the effect's key. */
  republishKey?: string,
): Promise<"published" | "superseded"> {
  const latest = await getCurrentPolicy(shop);
  // Publishing an older version after a newer one would roll the storefront back.
  if (latest.version !== version) return "superseded";
  const installation = await adminRequest(graphql, APP_INSTALLATION_ID_QUERY);
  const shopRow = await prisma.shop.findUnique({ where: { domain: shop } });
  const value = JSON.stringify(
    storefrontPolicy(latest.document, version, {
      plus: shopRow?.shopifyPlus ?? false,
      trialSellingPlanId: shopRow?.trialSellingPlanGid ?? null,
      trialFeeVariantId: shopRow?.trialFeeVariantGid ?? null,
    }),
  );
  await performEffect(
    {
      shop,
      key: `metafield:${STOREFRONT_METAFIELD.namespace}.${STOREFRONT_METAFIELD.key}:v${version}${republishKey ? `:${republishKey}` : ""}`,
      kind: "metafield.set",
      request: { version },
    },
    async () => {
      const data = await adminRequest(graphql, METAFIELDS_SET_MUTATION, {
        metafields: [
          {
            ownerId: installation.currentAppInstallation.id,
            namespace: STOREFRONT_METAFIELD.namespace,
            key: STOREFRONT_METAFIELD.key,
            type: "json",
            value,
          },
          // Checkout UI extensions read app metafields of the shop, not of the installation.
          {
            ownerId: installation.shop.id,
            namespace: `$app:${STOREFRONT_METAFIELD.namespace}`,
            key: STOREFRONT_METAFIELD.key,
            type: "json",
            value,
          },
        ],
      });
      assertNoUserErrors("metafieldsSet", data.metafieldsSet?.userErrors);
      return { metafieldId: data.metafieldsSet?.metafields?.[0]?.id ?? null };
    },
  );
  shopLogger(shop, { version }).info("storefront policy published");
  return "published";
}

import prisma from "~/db.server";
import { withBusyRetry } from "~/platform/sqlite-busy.server";
import { SHOP_DETAILS_QUERY } from "~/graphql/shop";
import { enqueue } from "~/platform/jobs/queue.server";
import { now } from "~/platform/clock.server";
import { shopLogger } from "~/platform/logger.server";
import { adminRequest, type AdminGraphql } from "~/platform/admin/client.server";

export const SHOP_SYNC_JOB = "shop.sync";

/** After OAuth / token exchange: the shop is (re)installed; its details are fetched by a job. */
export async function recordInstall(shop: string, scopes: string): Promise<void> {
  await prisma.shop.upsert({
    where: { domain: shop },
    create: { domain: shop, scopes },
    update: { uninstalledAt: null, scopes },
  });
  // One sync per install: a reinstall after an uninstall gets a fresh key.
  const installedAt = (await prisma.shop.findUniqueOrThrow({ where: { domain: shop } }))
    .installedAt;
  await enqueue({
    type: SHOP_SYNC_JOB,
    shop,
    payload: {},
    idempotencyKey: `shop.sync:${shop}:${installedAt.getTime()}:${scopes}`,
  });
  shopLogger(shop).info("shop installed");
}

export async function syncShopDetails(shop: string, graphql: AdminGraphql): Promise<void> {
  const data = await adminRequest(graphql, SHOP_DETAILS_QUERY);
  await prisma.shop.upsert({
    where: { domain: shop },
    create: {
      domain: shop,
      currencyCode: data.shop.currencyCode,
      ianaTimezone: data.shop.ianaTimezone,
      shopifyPlus: data.shop.plan.shopifyPlus,
    },
    update: {
      currencyCode: data.shop.currencyCode,
      ianaTimezone: data.shop.ianaTimezone,
      shopifyPlus: data.shop.plan.shopifyPlus,
    },
  });
}

/** app/uninstalled: the shop keeps its records (until shop/redact) but loses its sessions. */
export async function markUninstalled(shop: string): Promise<void> {
  await withBusyRetry(() =>
    prisma.$transaction([
      prisma.shop.upsert({
        where: { domain: shop },
        create: { domain: shop, uninstalledAt: now() },
        update: { uninstalledAt: now() },
      }),
      prisma.session.deleteMany({ where: { shop } }),
    ]),
  );
  shopLogger(shop).info("shop uninstalled; sessions removed");
}

export async function updateScopes(shop: string, scopes: string[]): Promise<void> {
  const scope = scopes.join(",");
  await withBusyRetry(() =>
    prisma.$transaction([
      prisma.session.updateMany({ where: { shop }, data: { scope } }),
      prisma.shop.updateMany({ where: { domain: shop }, data: { scopes: scope } }),
    ]),
  );
  shopLogger(shop, { scopes: scope }).info("scopes updated");
}

/** The shop's calendar zone (Shopify's ianaTimezone, kept from the install). */
export async function shopTimeZone(shop: string): Promise<string> {
  const row = await prisma.shop.findUnique({
    where: { domain: shop },
    select: { ianaTimezone: true },
  });
  return row?.ianaTimezone ?? "America/New_York";
}

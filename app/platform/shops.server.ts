import prisma from "~/db.server";
import { withBusyRetry } from "~/platform/sqlite-busy.server";
import { SHOP_DETAILS_QUERY, SHOP_PLAN_QUERY } from "~/graphql/shop";
import { enqueue } from "~/platform/jobs/queue.server";
import { now } from "~/platform/clock.server";
import { shopLogger } from "~/platform/logger.server";
import { adminRequest, type AdminGraphql } from "~/platform/admin/client.server";

export const SHOP_SYNC_JOB = "shop.sync";
export const SHOP_PLAN_JOB = "shop.plan";

/** After OAuth / token exchange: the shop is (re)installed; its details are fetched by a job. */
export async function recordInstall(shop: string, scopes: string): Promise<void> {
  const before = await prisma.shop.findUnique({
    where: { domain: shop },
    select: { uninstalledAt: true },
  });
  await prisma.shop.upsert({
    where: { domain: shop },
    // On the app's clock, as Shopify's X-Shopify-Triggered-At is on Shopify's (the sandbox's).
    create: { domain: shop, scopes, installedAt: now() },
    // A reinstall is a new install: an app/uninstalled from before it must not undo it.
    update: {
      uninstalledAt: null,
      scopes,
      ...(before?.uninstalledAt ? { installedAt: now() } : {}),
    },
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

/**
 * shop/update: the merchant changed something about the shop, maybe its plan. Its payload names
 * the plan only as `plan_name` / `plan_display_name` (free text such as "enterprise" or
 * "shopify_plus"), so the plan is read again from the Admin API's `plan.shopifyPlus` in a job.
 */
export async function recordShopUpdate(shop: string, deliveryId: string): Promise<void> {
  await enqueue({
    type: SHOP_PLAN_JOB,
    shop,
    payload: {},
    idempotencyKey: `shop.plan:${shop}:${deliveryId}`,
  });
}

/**
 * The shop's plan as Shopify has it now, kept on the shop row when it moved. Returns whether
 * the shop is on Plus and whether that changed since the app last looked.
 */
export async function refreshShopPlan(
  shop: string,
  graphql: AdminGraphql,
): Promise<{ plus: boolean; changed: boolean }> {
  const data = await adminRequest(graphql, SHOP_PLAN_QUERY);
  const plus = data.shop.plan.shopifyPlus;
  const { count } = await withBusyRetry(() =>
    prisma.shop.updateMany({
      where: { domain: shop, shopifyPlus: !plus },
      data: { shopifyPlus: plus },
    }),
  );
  if (count > 0) shopLogger(shop, { plus }).info("shop plan changed");
  return { plus, changed: count > 0 };
}

/**
 * app/uninstalled: the shop keeps its records (until shop/redact) but loses its sessions. An
 * uninstall Shopify sent before the shop's latest install (a quick reinstall, or a worker that
 * was behind) is old news: applied, it would drop every delivery of the new install.
 */
export async function markUninstalled(shop: string, triggeredAt: Date): Promise<void> {
  const row = await prisma.shop.findUnique({ where: { domain: shop } });
  if (row && row.uninstalledAt === null && row.installedAt > triggeredAt) {
    shopLogger(shop, { triggeredAt }).info("uninstall from before the latest install ignored");
    return;
  }
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

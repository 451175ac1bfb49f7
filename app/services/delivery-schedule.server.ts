import { localDate } from "~/domain/calendar";
import { deliverySchedule } from "~/domain/delivery";
import type { PolicyDocument } from "~/domain/policy/schema";
import { APP_INSTALLATION_ID_QUERY, METAFIELDS_SET_MUTATION } from "~/graphql/metafields";
import {
  adminRequest,
  assertNoUserErrors,
  type AdminGraphql,
} from "~/platform/admin/client.server";
import { now } from "~/platform/clock.server";
import { performEffect } from "~/platform/effects.server";
import { enqueue } from "~/platform/jobs/queue.server";
import { shopLogger } from "~/platform/logger.server";
import { getCurrentPolicy } from "./policy.server";

// The product page's delivery dates, published to the app metafield fitting_room.delivery that
// the Delivery block reads: no request per product page. Dates move with the calendar, so the
// schedule covers the coming weeks and a daily job republishes it; a missed day or two still
// leaves the page right, because every stretch carries the instant it ends.

export const DELIVERY_METAFIELD = { namespace: "fitting_room", key: "delivery" } as const;
export const DELIVERY_REFRESH_JOB = "storefront.delivery.refresh";
/** Days ahead the published schedule covers: a week of missed refreshes is still right. */
export const SCHEDULE_DAYS = 10;

/** Each policy's product-page dates (the registry composes them: services name no policy). */
export type StorefrontDates = (document: PolicyDocument, day: string) => Record<string, string[]>;

export async function publishDeliverySchedule(
  shop: string,
  graphql: AdminGraphql,
  policyDates: StorefrontDates = () => ({}),
) {
  const policy = await getCurrentPolicy(shop);
  const at = now();
  const { shipping } = policy.document;
  const day = localDate(at, shipping.timezone);
  const schedule = {
    version: policy.version,
    ...deliverySchedule(shipping, at, SCHEDULE_DAYS, (d) => policyDates(policy.document, d)),
  };
  await performEffect(
    {
      shop,
      key: `metafield:${DELIVERY_METAFIELD.namespace}.${DELIVERY_METAFIELD.key}:v${policy.version}:${day}`,
      kind: "metafield.set",
      request: { version: policy.version, day },
    },
    async () => {
      const installation = await adminRequest(graphql, APP_INSTALLATION_ID_QUERY);
      const data = await adminRequest(graphql, METAFIELDS_SET_MUTATION, {
        metafields: [
          {
            ownerId: installation.currentAppInstallation.id,
            namespace: DELIVERY_METAFIELD.namespace,
            key: DELIVERY_METAFIELD.key,
            type: "json",
            value: JSON.stringify(schedule),
          },
        ],
      });
      assertNoUserErrors("metafieldsSet", data.metafieldsSet?.userErrors);
      return { stretches: schedule.stretches.length };
    },
  );
  shopLogger(shop, { version: policy.version, day }).info("delivery schedule published");
  return { day, version: policy.version };
}

/** Tomorrow's refresh, once per shop and day however often today's publish runs. */
export async function scheduleNextDeliveryRefresh(shop: string, day: string) {
  const runAt = new Date(Date.parse(`${day}T00:00:00Z`) + 36 * 60 * 60 * 1000);
  await enqueue({
    type: DELIVERY_REFRESH_JOB,
    shop,
    payload: {},
    idempotencyKey: `${DELIVERY_REFRESH_JOB}:${shop}:${localDate(runAt, "UTC")}`,
    runAt,
  });
}

import type { MtoCase } from "@prisma/client";
import { startOfLocalDay } from "~/domain/calendar";
import type { AdminGraphql } from "~/platform/admin/client.server";
import { now } from "~/platform/clock.server";
import { performEffect } from "~/platform/effects.server";
import { mirrorFitProfile } from "~/services/fit-profile.server";
import { mtoFlow, updateCase } from "./case.server";
import type { CaseTerms } from "./domain/terms";
import {
  FIT_HOLD,
  PRODUCTION_HOLD,
  fetchOrder,
  fulfillmentOrderOf,
  reschedule,
} from "./fulfillment.server";
import { placeOurHold, releaseOurHold } from "./holds.server";

// Production is scheduled: the fit hold comes off and the fulfillment order is rescheduled to the
// ship date — or, when the pair is no longer on a scheduled fulfillment order (a size change
// moved it to a new line), a production hold stands in until that morning.

export async function scheduleProduction(c: MtoCase, terms: CaseTerms, graphql: AdminGraphql) {
  const shipDate = c.scheduledShipDate ?? c.promisedShipDate;
  const order = await fetchOrder(graphql, c.orderGid);
  const fo = fulfillmentOrderOf(order, c.lineItemGid);
  let status = fo.status;
  const fitHold = fo.fulfillmentHolds.find((h) => h.handle === FIT_HOLD);
  if (fitHold) status = (await releaseOurHold(c, graphql, fo.id, fitHold.id)) ?? status;
  const fulfillAt = startOfLocalDay(shipDate, terms.timeZone);
  let productionHoldGid: string | null = null;
  if (status === "SCHEDULED") {
    await performEffect(
      {
        shop: c.shop,
        key: `mto:${c.id}:reschedule:${fo.id}:${shipDate}`,
        kind: "fulfillment.reschedule",
        request: { fulfillAt },
      },
      () => reschedule(graphql, fo.id, fulfillAt),
    );
  } else if (status === "OPEN" || status === "ON_HOLD") {
    // Not a scheduled fulfillment order (a size change moved the pair to a new line): hold it
    // until the ship date instead; the job releases the hold that morning.
    productionHoldGid = await placeOurHold(
      c,
      graphql,
      fo,
      PRODUCTION_HOLD,
      `Made to order: in production until ${shipDate}`,
      `production-hold:${fo.id}`,
    );
  }
  if (c.path === "fitting_first") {
    await mtoFlow(c, graphql, "fit-confirmed", "fit-confirmed", {
      Size: [c.size, c.width].filter(Boolean).join(" / "),
      "Ship date": shipDate,
    });
    await mirrorFitProfile(c.shop, c.customerGid, `mto:${c.id}`, graphql);
  }
  return updateCase(
    c,
    {
      scheduledAt: now(),
      scheduledShipDate: shipDate,
      fulfillmentOrderGid: fo.id,
      fitHoldGid: null,
      productionHoldGid,
    },
    {
      kind: "production.scheduled",
      message: productionHoldGid
        ? `In production: held until ${shipDate}, then ships`
        : `In production: fulfillment scheduled for ${shipDate}`,
      dedupeKey: `scheduled:${fo.id}:${shipDate}`,
    },
  );
}

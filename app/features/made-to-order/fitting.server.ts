import type { MtoCase } from "@prisma/client";
import type { Logger } from "pino";
import type { AdminGraphql } from "~/platform/admin/client.server";
import { now } from "~/platform/clock.server";
import { performEffect } from "~/platform/effects.server";
import { TerminalJobError } from "~/platform/jobs/errors.server";
import { mtoFlow, sizeChangeOf, updateCase, type SizeChangeRequest } from "./case.server";
import type { CaseTerms } from "./domain/terms";
import {
  FIT_HOLD,
  editOrder,
  fetchOrder,
  fittingPairProduct,
  fulfillmentOrderOf,
  liveLineFor,
  variantInSize,
} from "./fulfillment.server";
import { placeOurHold } from "./holds.server";

// The fitting path's steps on Shopify: hold the made-to-order pair and add the fitting pair to the
// order (it ships now), and later swap the pair for the size the fitting showed.

export async function holdAndShipFittingPair(
  c: MtoCase,
  terms: CaseTerms,
  graphql: AdminGraphql,
  log: Logger,
) {
  const order = await fetchOrder(graphql, c.orderGid);
  const fo = fulfillmentOrderOf(order, c.lineItemGid);
  const holdGid = await placeOurHold(
    c,
    graphql,
    fo,
    FIT_HOLD,
    "Made to order: waiting for the shopper to confirm the fit",
    "fit-hold",
  );
  const fittingProduct = await fittingPairProduct(graphql, terms.fittingPairProductId);
  const fitting =
    fittingProduct && c.size ? await variantInSize(graphql, fittingProduct, c.size, c.width) : null;
  if (!fitting) {
    const reason = `No fitting pair in size ${c.variantTitle ?? "?"}: ship one by hand`;
    log.warn({ caseId: c.id }, reason);
    await mtoFlow(c, graphql, "attention:no-fitting-pair", "made-to-order-attention", {
      Reason: reason,
    });
    return updateCase(
      c,
      { holdPlacedAt: now(), fitHoldGid: holdGid, fulfillmentOrderGid: fo.id, escalatedAt: now() },
      {
        kind: "fitting_pair.missing",
        message: reason,
        dedupeKey: "fitting-missing",
      },
    );
  }
  const fittingLine = await performEffect(
    {
      shop: c.shop,
      key: `mto:${c.id}:fitting-pair`,
      kind: "order.edit",
      request: { variant: fitting.id },
    },
    () =>
      editOrder(graphql, c.orderGid, {
        addVariantGid: fitting.id,
        staffNote: `Fitting Room: fitting pair ${fitting.title} for ${c.title} ${c.variantTitle ?? ""}`,
      }),
    {
      reconcile: async () =>
        liveLineFor(await fetchOrder(graphql, c.orderGid), fitting.id) ?? undefined,
    },
  );
  return updateCase(
    c,
    {
      holdPlacedAt: now(),
      fitHoldGid: holdGid,
      fulfillmentOrderGid: fo.id,
      fittingPairVariantGid: fitting.id,
      fittingPairLineItemGid: fittingLine,
      fittingPairAddedAt: now(),
      status: "fitting_pair_to_ship",
    },
    {
      kind: "fitting_pair.added",
      message: `Made-to-order pair held; fitting pair ${fitting.title} added to the order to ship now`,
      dedupeKey: "fitting-added",
    },
  );
}

export async function changeSize(c: MtoCase, graphql: AdminGraphql, log: Logger) {
  const request = sizeChangeOf(c) as SizeChangeRequest;
  const needsMerchant = (reason: string) =>
    updateCase(
      c,
      { sizeChangeRequest: JSON.stringify({ ...request, status: "needs_merchant", reason }) },
      {
        kind: "size_change.needs_merchant",
        message: `Size change to ${request.size} / ${request.width} needs the merchant: ${reason}`,
        dedupeKey: `size-change-merchant:${request.size}/${request.width}:${now().toISOString()}`,
      },
    ).then(() =>
      mtoFlow(
        c,
        graphql,
        `attention:size-change:${request.size}/${request.width}`,
        "made-to-order-attention",
        {
          Reason: `Change the made-to-order pair on ${c.orderName} to ${request.size} / ${request.width}: ${reason}`,
        },
      ),
    );
  const target = c.productGid
    ? await variantInSize(graphql, c.productGid, request.size, request.width)
    : null;
  if (!target) return needsMerchant("the product has no variant in that size");
  if (target.priceMinor !== c.unitPriceMinor && !request.byMerchant)
    return needsMerchant("the new size has a different price");
  if (!c.variantGid) return needsMerchant("the ordered variant is unknown");
  let lineItemGid: string;
  try {
    lineItemGid = await performEffect(
      {
        shop: c.shop,
        key: `mto:${c.id}:size-change:${target.id}`,
        kind: "order.edit",
        request: { variant: target.id },
      },
      () =>
        editOrder(graphql, c.orderGid, {
          addVariantGid: target.id,
          removeVariantGid: c.variantGid as string,
          staffNote: `Fitting Room: size changed to ${target.title} after the fitting`,
        }),
      {
        reconcile: async () =>
          liveLineFor(await fetchOrder(graphql, c.orderGid), target.id) ?? undefined,
      },
    );
  } catch (error) {
    if (!(error instanceof TerminalJobError)) throw error;
    log.warn({ caseId: c.id, err: error.message }, "size change could not be made on the order");
    return needsMerchant(error.message);
  }
  return updateCase(
    c,
    {
      lineItemGid,
      variantGid: target.id,
      variantTitle: target.title,
      size: request.size,
      width: request.width,
      sizeChangeRequest: null,
      fitHoldGid: null,
      fulfillmentOrderGid: null,
    },
    {
      kind: "size_change.done",
      message: `Made-to-order line changed to ${target.title} on the order`,
      dedupeKey: `size-changed:${target.id}`,
    },
  );
}

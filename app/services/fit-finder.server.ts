import prisma from "~/db.server";
import { sizeAndWidth } from "~/domain/fit-profile";
import {
  recommendFit,
  type FitAnswers,
  type FitOutcome,
  type FitFeedback,
  type Recommendation,
} from "~/domain/fit-recommend";
import type { OrderPayload } from "~/domain/orders";
import type { FitPolicy } from "~/domain/policy/schema";
import { FIT_FINDER_PRODUCT_QUERY } from "~/graphql/fit";
import { adminRequest, type AdminGraphql } from "~/platform/admin/client.server";
import { shopLogger } from "~/platform/logger.server";
import { fitProfileFor } from "./fit-profile.server";
import { getCurrentPolicy } from "./policy.server";

// The fit finder: the shopper's answers, the store's own outcomes for the product, the size chart
// for its product type, and the recommender (app/domain/fit-recommend.ts) deciding between them.
// Each answer is kept; the cart line bought with it carries its id (line property _fit_answer),
// so the pair's outcome later counts for the next shopper and measures the finder.

export const FIT_ANSWER_PROPERTY = "_fit_answer";

export interface FinderProduct {
  productGid: string;
  productTitle: string;
  /** The product type; the chart row for it, else the "*" row. */
  productType: string;
}

/** Answers one address may send: a shopper comparing a dozen styles stays far below it. */
export const FIT_FINDER_LIMIT = { tries: 30, windowMs: 15 * 60_000 };

function chartFor(fit: FitPolicy, productType: string) {
  const row =
    fit.charts.find((c) => c.family.toLowerCase() === productType.trim().toLowerCase()) ??
    fit.charts.find((c) => c.family === "*");
  const family = row?.family ?? "*";
  return {
    family,
    // Stored and matched lower-cased: a merchant renaming "Heels" to "heels" keeps its evidence.
    familyKey: family.trim().toLowerCase(),
    chart: row ?? { offsetHalves: 0, widthRule: "as_usual" as const, between: "up" as const },
  };
}

const toOutcome = (r: {
  usualSize: string | null;
  usualWidth: string | null;
  size: string;
  width: string;
  result: string;
  feedback: string | null;
  source: string;
}): FitOutcome => ({
  usualSize: r.usualSize as string,
  usualWidth: r.usualWidth as string,
  size: r.size,
  width: r.width,
  result: r.result === "kept" ? "kept" : "returned",
  feedback: (r.feedback as FitFeedback | null) ?? null,
  source: r.source as FitOutcome["source"],
});

/**
 * Peers' outcomes for the product, and for the other styles of its family: only pairs whose
 * owner told the finder this usual size and width. The "*" chart row is no family: products
 * the chart does not name have nothing in common but the fallback.
 */
async function evidenceFor(shop: string, productGid: string, family: string, answers: FitAnswers) {
  const like = { shop, usualSize: answers.usualSize, usualWidth: answers.usualWidth };
  const [own, others] = await Promise.all([
    prisma.fitOutcome.findMany({ where: { ...like, productGid } }),
    family === "*"
      ? []
      : prisma.fitOutcome.findMany({ where: { ...like, family, productGid: { not: productGid } } }),
  ]);
  return { outcomes: own.map(toOutcome), familyOutcomes: others.map(toOutcome) };
}

/** A signed-in shopper whose size is confirmed gets it; anyone else the recommender's answer. */
export async function yourSize(shop: string, customerGid: string | null) {
  const profile = await fitProfileFor(shop, customerGid);
  return profile?.confirmed ? profile : null;
}

/** The product the shopper asks about, as the finder needs it (null when it does not exist). */
export async function finderProduct(graphql: AdminGraphql, productGid: string) {
  const data = await adminRequest(graphql, FIT_FINDER_PRODUCT_QUERY, { id: productGid });
  return data.product ?? null;
}

export async function recommendForShopper(input: {
  shop: string;
  customerGid: string | null;
  product: FinderProduct;
  answers: FitAnswers & { brands: string };
  /** Asked for a pair already ordered (the trial questionnaire): its outcome finds the answer. */
  line?: { orderGid: string; lineItemGid: string } | null;
}): Promise<{ answerId: string; recommendation: Recommendation; family: string }> {
  const { shop, product, answers } = input;
  const policy = await getCurrentPolicy(shop);
  const { family, familyKey, chart } = chartFor(policy.document.fit, product.productType);
  const recommendation = recommendFit({
    answers,
    ...(await evidenceFor(shop, product.productGid, familyKey, answers)),
    chart,
    minimumOutcomes: policy.document.fit.minimumOutcomes,
  });
  const row = await prisma.fitAnswer.create({
    data: {
      shop,
      customerGid: input.customerGid,
      productGid: product.productGid,
      productTitle: product.productTitle,
      family: familyKey,
      usualSize: answers.usualSize,
      usualWidth: answers.usualWidth,
      between: answers.between,
      notes: answers.notes.join(","),
      brands: answers.brands,
      recommendedSize: recommendation.size,
      recommendedWidth: recommendation.width,
      basis: recommendation.basis,
      confidence: recommendation.confidence,
      policyVersion: policy.version,
      orderGid: input.line?.orderGid ?? null,
      lineItemGid: input.line?.lineItemGid ?? null,
    },
  });
  shopLogger(shop, { answerId: row.id, basis: recommendation.basis }).info("fit recommended");
  return { answerId: row.id, recommendation, family };
}

/** orders/create: the lines bought with a finder answer, so their outcome can find it. */
export async function linkFitAnswers(shop: string, order: OrderPayload) {
  const orderGid = order.admin_graphql_api_id;
  if (!orderGid) return 0;
  let linked = 0;
  for (const line of order.line_items ?? []) {
    const id = line.properties?.find((p) => p.name === FIT_ANSWER_PROPERTY)?.value;
    if (typeof id !== "string" || !line.admin_graphql_api_id) continue;
    const { size, width } = sizeAndWidth(line.variant_title);
    const customerGid = order.customer?.admin_graphql_api_id ?? null;
    const { count } = await prisma.fitAnswer.updateMany({
      // Only an answer not yet bought with: a replayed property cannot move another order's.
      where: { shop, id, OR: [{ lineItemGid: null }, { lineItemGid: line.admin_graphql_api_id }] },
      data: {
        orderGid,
        lineItemGid: line.admin_graphql_api_id,
        orderedSize: size,
        orderedWidth: width,
        ...(customerGid ? { customerGid } : {}),
      },
    });
    linked += count;
  }
  return linked;
}

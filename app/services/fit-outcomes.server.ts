import type { Prisma } from "@prisma/client";
import prisma from "~/db.server";
import { isValidFit } from "~/domain/fit-profile";

// What a pair did here, reported by the policies (a kept trial pair, a confirmed fitting, a
// return with its fit feedback): one row per source and line, with what the shopper wears
// elsewhere when the finder asked them. The recommender's evidence and the Fit page's counts.

type Db = Prisma.TransactionClient | typeof prisma;

/** The returns portal's words for a fit problem, in the recommender's terms. */
const FEEDBACK: Record<string, string> = {
  too_tight: "too_small",
  too_loose: "too_large",
  heel_slip: "heel_slip",
  too_small: "too_small",
  too_large: "too_large",
  too_narrow: "too_narrow",
  too_wide: "too_wide",
  other: "other",
};

export interface OutcomeInput {
  shop: string;
  customerGid: string | null;
  productGid: string | null;
  productTitle: string | null;
  size: string | null;
  width: string | null;
  result: "kept" | "returned";
  feedback?: string | null;
  source: "fitting" | "trial" | "purchase" | "return" | "import";
  sourceRef: string;
  /** The order line the pair was bought on: finds the finder answer it was bought with. */
  lineItemGid?: string | null;
  at: Date;
}

async function answerFor(db: Db, input: OutcomeInput) {
  if (input.lineItemGid) {
    const linked = await db.fitAnswer.findFirst({
      where: { shop: input.shop, lineItemGid: input.lineItemGid },
    });
    if (linked) return linked;
  }
  if (!input.customerGid || !input.productGid) return null;
  // A shopper who used the finder for this product and then bought it without the property
  // (a theme that drops line properties) is still the same shopper with the same feet.
  return db.fitAnswer.findFirst({
    where: {
      shop: input.shop,
      customerGid: input.customerGid,
      productGid: input.productGid,
      createdAt: { lte: input.at },
    },
    orderBy: { createdAt: "desc" },
  });
}

/** Once per source and line: a retried job or a replayed webhook changes nothing. */
export async function recordFitOutcome(input: OutcomeInput, db: Db = prisma) {
  const { shop, source, sourceRef, size, width, productGid } = input;
  if (!productGid || !size || !width || !isValidFit(size, width)) return null;
  const answer = await answerFor(db, input);
  const feedback = input.feedback ? (FEEDBACK[input.feedback] ?? "other") : null;
  const data = {
    shop,
    customerGid: input.customerGid,
    productGid,
    productTitle: input.productTitle ?? "",
    size,
    width,
    result: input.result,
    feedback: input.result === "returned" ? feedback : null,
    source,
    sourceRef,
    usualSize: answer?.usualSize ?? null,
    usualWidth: answer?.usualWidth ?? null,
    answerId: answer?.id ?? null,
    family: answer?.family ?? null,
    followed: answer ? answer.recommendedSize === size && answer.recommendedWidth === width : null,
    at: input.at,
  };
  return db.fitOutcome.upsert({
    where: { shop_source_sourceRef: { shop, source, sourceRef } },
    create: data,
    update: {},
  });
}

export interface FitPageRow {
  productGid: string;
  product: string;
  size: string;
  width: string;
  kept: number;
  returned: number;
  feedback: Record<string, number>;
}

/** The Fit page: kept vs returned and why, per product and size; the finder's own hit rate. */
export async function fitPage(shop: string) {
  const outcomes = await prisma.fitOutcome.findMany({
    where: { shop },
    orderBy: [{ productTitle: "asc" }, { size: "asc" }, { width: "asc" }],
  });
  const rows = new Map<string, FitPageRow>();
  for (const o of outcomes) {
    const key = `${o.productGid}|${o.size}|${o.width}`;
    const row = rows.get(key) ?? {
      productGid: o.productGid,
      product: o.productTitle,
      size: o.size,
      width: o.width,
      kept: 0,
      returned: 0,
      feedback: {},
    };
    if (o.result === "kept") row.kept += 1;
    else {
      row.returned += 1;
      const why = o.feedback ?? "not_fit";
      row.feedback[why] = (row.feedback[why] ?? 0) + 1;
    }
    rows.set(key, row);
  }
  const withAnswer = outcomes.filter((o) => o.answerId);
  const followed = withAnswer.filter((o) => o.followed);
  const answers = await prisma.fitAnswer.count({ where: { shop } });
  const bought = await prisma.fitAnswer.count({ where: { shop, lineItemGid: { not: null } } });
  return {
    rows: [...rows.values()],
    finder: {
      answers,
      bought,
      followed: followed.length,
      followedKept: followed.filter((o) => o.result === "kept").length,
      notFollowed: withAnswer.length - followed.length,
      notFollowedKept: withAnswer.filter((o) => !o.followed && o.result === "kept").length,
    },
  };
}

import { isValidFit, WIDTHS } from "./fit-profile";
import type {
  FitFeedback,
  FootNote,
  FitAnswers,
  FitOutcome,
  EvidenceScope,
  SizeChart,
  RecommendInput,
  Recommendation,
  RecommendReason,
} from "./fit-recommend-types";

// "Find your size" for one product. A shopper tells us what they wear in other brands;
// shoppers who told us the same and then kept or returned a pair of it (or, while those are
// few, of another style of its family) are the best evidence of how it runs, so once there
// are enough of them their outcomes decide. Until then the merchant's size chart decides, and
// it is always computed so the storefront can show it beside the data. The result carries
// counts and structured reasons rather than sentences: the caller translates them. Pure: the
// storefront and the admin preview compute the same answer.

export type * from "./fit-recommend-types";

// Canonical orders, so the reasons read the same whatever order the answers arrived in.
const FOOT_NOTES: readonly FootNote[] = ["wide_forefoot", "narrow_heel", "high_instep"];
const FEEDBACKS: readonly FitFeedback[] = [
  "too_small",
  "too_large",
  "too_narrow",
  "too_wide",
  "heel_slip",
  "other",
];
const WIDTH_CODES = ["N", "M", "W", "XW"] as const;
const WIDTH_STEP: Record<SizeChart["widthRule"], number> = {
  as_usual: 0,
  one_wider: 1,
  one_narrower: -1,
};

/** A fit as steps from the smallest (4, Narrow), so moving half a size or a width is arithmetic. */
interface Steps {
  half: number;
  width: number;
}
const LAST_HALF = 16; // size 12
const LAST_WIDTH = WIDTHS.length - 1;

// Where a fit return says the shopper should have gone instead. A slipping heel is cured by a
// shorter shoe, not a narrower one: the widths differ across the forefoot. "other" names no
// direction, so it neither votes nor counts against the pair.
const SHIFT: Record<FitFeedback, Steps | null> = {
  too_small: { half: 1, width: 0 },
  too_large: { half: -1, width: 0 },
  heel_slip: { half: -1, width: 0 },
  too_narrow: { half: 0, width: 1 },
  too_wide: { half: 0, width: -1 },
  other: null,
};

const widthIndex = (width: string) => (WIDTHS as readonly string[]).indexOf(width);
const stepsOf = (size: string, width: string): Steps => ({
  half: Math.round((Number(size) - 4) * 2),
  width: widthIndex(width),
});
const fitOf = (s: Steps) => ({ size: String(4 + s.half / 2), width: WIDTHS[s.width] as string });
const keyOf = (s: Steps) => `${s.half}/${s.width}`;
const clamp = (n: number, max: number) => Math.min(max, Math.max(0, n));

/** Short width code for sentences: Narrow→N, Medium→M, Wide→W, Extra Wide→XW. */
export function widthCode(width: string): string {
  const code = WIDTH_CODES[widthIndex(width)];
  if (code === undefined) throw new Error(`width: "${width}" is not one of ${WIDTHS.join(", ")}`);
  return code;
}

function answersProblem(a: FitAnswers): string | null {
  if (!isValidFit(a.usualSize, "Medium"))
    return `usualSize: ${JSON.stringify(a.usualSize)} is not a US size from 4 to 12 in half sizes`;
  if (!isValidFit("8", a.usualWidth))
    return `usualWidth: ${JSON.stringify(a.usualWidth)} is not one of ${WIDTHS.join(", ")}`;
  if (typeof a.between !== "boolean")
    return `between: ${JSON.stringify(a.between)} is not a yes/no`;
  if (!Array.isArray(a.notes) || a.notes.some((n) => !FOOT_NOTES.includes(n)))
    return `notes: ${JSON.stringify(a.notes)} are not all of ${FOOT_NOTES.join(", ")}`;
  return null;
}

export function isValidAnswers(a: FitAnswers): boolean {
  return answersProblem(a) === null;
}

// The chart and the threshold are the merchant's settings: a fractional offset or threshold
// would yield a size no shoe has, so they are refused rather than rounded behind the merchant.
function settingsProblem(chart: SizeChart, minimumOutcomes: number): string | null {
  if (!Number.isInteger(chart.offsetHalves))
    return `offsetHalves: ${chart.offsetHalves} is not a whole number of half sizes`;
  if (!Object.hasOwn(WIDTH_STEP, chart.widthRule))
    return `widthRule: ${JSON.stringify(chart.widthRule)} is not a width rule`;
  if (chart.between !== "up" && chart.between !== "down")
    return `between: ${JSON.stringify(chart.between)} is not "up" or "down"`;
  if (!Number.isInteger(minimumOutcomes) || minimumOutcomes < 0)
    return `minimumOutcomes: ${minimumOutcomes} is not a count`;
  return null;
}

function noteEffect(
  note: FootNote,
  notes: ReadonlySet<FootNote>,
  roundedUp: boolean,
): "wider" | "half_down" | "none" {
  switch (note) {
    case "wide_forefoot":
      return "wider";
    // Half down keeps a narrow heel from slipping. For a shopper the chart already rounded up
    // between sizes it would only cancel that rounding, which the merchant chose for this last.
    case "narrow_heel":
      return roundedUp ? "none" : "half_down";
    // A high instep needs volume, which one width more gives; a wide forefoot has already
    // bought that width, and a second would leave the forefoot loose.
    case "high_instep":
      return notes.has("wide_forefoot") ? "none" : "wider";
  }
}

/** What the chart says for these answers, and why, step by step. */
function chartPick(answers: FitAnswers, chart: SizeChart) {
  const usual = stepsOf(answers.usualSize, answers.usualWidth);
  const notes = new Set(answers.notes);
  // A shopper between 8 and 8.5 answers 8: "up" takes the 8.5, "down" keeps the 8.
  const roundedUp = answers.between && chart.between === "up";
  let half = usual.half + chart.offsetHalves + (roundedUp ? 1 : 0);
  let width = usual.width + WIDTH_STEP[chart.widthRule];
  const reasons: RecommendReason[] = [
    { kind: "chart", offsetHalves: chart.offsetHalves, widthRule: chart.widthRule },
  ];
  if (answers.between) reasons.push({ kind: "between", direction: chart.between });
  for (const note of FOOT_NOTES.filter((n) => notes.has(n))) {
    const effect = noteEffect(note, notes, roundedUp);
    if (effect === "wider") width += 1;
    if (effect === "half_down") half -= 1;
    reasons.push({ kind: "note", note, effect });
  }
  // Clamped once, at the end: the adjustments describe one foot, and past the range the
  // nearest size the store makes is the best it can offer.
  return { steps: { half: clamp(half, LAST_HALF), width: clamp(width, LAST_WIDTH) }, reasons };
}

/** Where a return with fit feedback says the shopper belonged, or null for any other outcome. */
function shiftedTo(o: FitOutcome): Steps | null {
  const by = o.result === "returned" && o.feedback !== null ? SHIFT[o.feedback] : null;
  if (!by) return null;
  const from = stepsOf(o.size, o.width);
  return { half: from.half + by.half, width: from.width + by.width };
}

/**
 * Per fit: pairs kept, and the score — counted in half votes so it stays whole: 2 per pair
 * kept, −2 per fit return of it, +1 per fit return elsewhere that points to it (a return
 * says less about where the shopper belonged than a kept pair says about where they were).
 */
function tally(peers: readonly FitOutcome[]) {
  const kept = new Map<string, number>();
  const score = new Map<string, number>();
  const candidates: Steps[] = [];
  const seen = new Set<string>();
  const consider = (s: Steps) => {
    if (!seen.has(keyOf(s))) candidates.push(s);
    seen.add(keyOf(s));
  };
  const add = (map: Map<string, number>, s: Steps, n: number) =>
    map.set(keyOf(s), (map.get(keyOf(s)) ?? 0) + n);
  for (const o of peers) {
    const at = stepsOf(o.size, o.width);
    const to = shiftedTo(o);
    if (o.result === "kept") {
      consider(at);
      add(kept, at, 1);
      add(score, at, 2);
    } else if (to) {
      add(score, at, -2);
      add(score, to, 1);
      // Where returns point is a candidate even if no peer kept it yet: six pairs returned too
      // small say "half a size up", not "the next size someone happened to keep".
      if (to.half >= 0 && to.half <= LAST_HALF && to.width >= 0 && to.width <= LAST_WIDTH)
        consider(to);
    }
  }
  return {
    candidates,
    kept: (s: Steps) => kept.get(keyOf(s)) ?? 0,
    score: (s: Steps) => score.get(keyOf(s)) ?? 0,
  };
}

// Ties go to the fit nearest the chart (half a size and one width count as one step each):
// the chart is the merchant's knowledge of the last. Then to the larger size and the wider
// width: a roomy shoe can be taken in with an insole, a tight one cannot be let out.
function best(candidates: readonly Steps[], value: (s: Steps) => number, chart: Steps) {
  const distance = (s: Steps) => Math.abs(s.half - chart.half) + Math.abs(s.width - chart.width);
  return (
    [...candidates].sort(
      (a, b) =>
        value(b) - value(a) || distance(a) - distance(b) || b.half - a.half || b.width - a.width,
    )[0] ?? null
  );
}

/**
 * Why returns moved the pick off `from`: the largest feedback group among the fit returns of
 * `from` and the fit returns that point to the pick. Ties go to the order of FitFeedback.
 */
function returnsShift(peers: readonly FitOutcome[], from: Steps, pick: Steps): RecommendReason {
  const counts = new Map<FitFeedback, number>();
  for (const o of peers) {
    const to = shiftedTo(o);
    if (!to || !o.feedback) continue;
    if (keyOf(stepsOf(o.size, o.width)) === keyOf(from) || keyOf(to) === keyOf(pick))
      counts.set(o.feedback, (counts.get(o.feedback) ?? 0) + 1);
  }
  const [feedback, count] = FEEDBACKS.map((f) => [f, counts.get(f) ?? 0] as const).reduce(
    (top, next) => (next[1] > top[1] ? next : top),
  );
  return { kind: "returns_shift", from: fitOf(from), feedback, count };
}

function dataConfidence(kept: number, peersKept: number, peers: number, minimum: number) {
  // Compared in whole numbers so 7 of 10 is exactly the 70% it reads as.
  if (10 * kept >= 7 * peersKept && peers >= 2 * minimum) return "high";
  return 2 * kept >= peersKept ? "medium" : "low";
}

export function recommendFit(input: RecommendInput): Recommendation {
  const { answers, chart, minimumOutcomes } = input;
  const problem = answersProblem(answers) ?? settingsProblem(chart, minimumOutcomes);
  if (problem) throw new Error(problem);
  const fromChart = chartPick(answers, chart);
  // A pair outside the range the store makes is a bad import, not evidence.
  const like = (outcomes: readonly FitOutcome[]) =>
    outcomes.filter(
      (o) =>
        o.usualSize === answers.usualSize &&
        o.usualWidth === answers.usualWidth &&
        isValidFit(o.size, o.width),
    );
  const own = like(input.outcomes);
  const pooled = [...own, ...like(input.familyOutcomes ?? [])];
  // Returns alone say where a pair did not fit, not where one does: data decides only once
  // some peer kept a pair. The product's own peers first; its family's only when those are
  // too few, and said so, since the family's other lasts may run differently.
  const decides = (peers: readonly FitOutcome[]) =>
    peers.length >= minimumOutcomes && peers.some((o) => o.result === "kept");
  const scope: EvidenceScope = !decides(own) && pooled.length > own.length ? "family" : "product";
  const peers = scope === "family" ? pooled : own;
  const evidence = tally(peers);
  const keptFits = evidence.candidates.filter((c) => evidence.kept(c) > 0);
  const mostKept = best(keptFits, evidence.kept, fromChart.steps);
  const pick = decides(peers) ? best(evidence.candidates, evidence.score, fromChart.steps) : null;

  const recommended = pick ?? fromChart.steps;
  const counts = {
    peers: peers.length,
    peersKept: peers.filter((o) => o.result === "kept").length,
    keptRecommended: evidence.kept(recommended),
  };
  const returnedRecommended: Partial<Record<FitFeedback, number>> = {};
  for (const o of peers)
    if (
      o.result === "returned" &&
      o.feedback &&
      keyOf(stepsOf(o.size, o.width)) === keyOf(recommended)
    )
      returnedRecommended[o.feedback] = (returnedRecommended[o.feedback] ?? 0) + 1;
  const common = {
    ...fitOf(recommended),
    ...counts,
    returnedRecommended,
    chartSize: fitOf(fromChart.steps).size,
    chartWidth: fitOf(fromChart.steps).width,
    scope,
  };

  if (pick) {
    const reasons: RecommendReason[] = [{ kind: "from_data", scope, ...counts }];
    if (mostKept && keyOf(mostKept) !== keyOf(pick))
      reasons.push(returnsShift(peers, mostKept, pick));
    const { keptRecommended, peersKept } = counts;
    const confidence = dataConfidence(keptRecommended, peersKept, peers.length, minimumOutcomes);
    return { ...common, basis: "data", confidence, reasons };
  }
  // Enough peers, none of whom kept a pair: from_data says so (0 kept) before the chart speaks.
  const why: RecommendReason =
    peers.length < minimumOutcomes
      ? { kind: "thin_data", scope, peers: peers.length, needed: minimumOutcomes }
      : { kind: "from_data", scope, ...counts };
  // Thin data that agrees with the chart still raises it: peers kept most what it says.
  const agrees = mostKept !== null && keyOf(mostKept) === keyOf(fromChart.steps);
  return {
    ...common,
    basis: "chart",
    confidence: agrees ? "medium" : "low",
    reasons: [why, ...fromChart.reasons],
  };
}

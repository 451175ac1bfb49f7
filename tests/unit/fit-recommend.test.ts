import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isValidFit, SIZES, WIDTHS } from "~/domain/fit-profile";
import {
  isValidAnswers,
  recommendFit,
  widthCode,
  type FitAnswers,
  type FitFeedback,
  type FitOutcome,
  type FootNote,
  type RecommendInput,
  type SizeChart,
} from "~/domain/fit-recommend";

// The reference shopper wears 8 Medium elsewhere; the reference family runs true to size, and a
// shopper between sizes takes the larger. Ten peers are needed before their outcomes decide.
const chart: SizeChart = { offsetHalves: 0, widthRule: "as_usual", between: "up" };
const answers = (over: Partial<FitAnswers> = {}): FitAnswers => ({
  usualSize: "8",
  usualWidth: "Medium",
  between: false,
  notes: [],
  ...over,
});
const recommend = (over: Partial<RecommendInput> = {}) =>
  recommendFit({ answers: answers(), outcomes: [], chart, minimumOutcomes: 10, ...over });
const chartSays = (a: Partial<FitAnswers>, c: Partial<SizeChart> = {}) => {
  const r = recommend({ answers: answers(a), chart: { ...chart, ...c } });
  return `${r.size} ${widthCode(r.width)}`;
};

const outcome = (
  size: string,
  width: string,
  result: FitOutcome["result"],
  feedback: FitFeedback | null,
  n: number,
  usual: [string, string] = ["8", "Medium"],
): FitOutcome[] =>
  Array.from({ length: n }, () => ({
    usualSize: usual[0],
    usualWidth: usual[1],
    size,
    width,
    result,
    feedback,
    source: "trial" as const,
  }));
const kept = (size: string, width: string, n: number, usual?: [string, string]) =>
  outcome(size, width, "kept", null, n, usual);
const returned = (
  size: string,
  width: string,
  feedback: FitFeedback | null,
  n: number,
  usual?: [string, string],
) => outcome(size, width, "returned", feedback, n, usual);

describe("the size chart, alone", () => {
  it("answers a cold start: no outcomes, low confidence, and says the data is thin", () => {
    expect(recommend()).toEqual({
      size: "8",
      width: "Medium",
      basis: "chart",
      scope: "product",
      confidence: "low",
      peers: 0,
      peersKept: 0,
      keptRecommended: 0,
      returnedRecommended: {},
      chartSize: "8",
      chartWidth: "Medium",
      reasons: [
        { kind: "thin_data", scope: "product", peers: 0, needed: 10 },
        { kind: "chart", offsetHalves: 0, widthRule: "as_usual" },
      ],
    });
  });

  it("adds its offset in half sizes and applies each width rule", () => {
    expect(chartSays({}, { offsetHalves: 1 })).toBe("8.5 M");
    expect(chartSays({}, { offsetHalves: -2 })).toBe("7 M");
    expect(chartSays({ usualWidth: "Wide" }, { widthRule: "as_usual" })).toBe("8 W");
    expect(chartSays({ usualWidth: "Wide" }, { widthRule: "one_wider" })).toBe("8 XW");
    expect(chartSays({ usualWidth: "Wide" }, { widthRule: "one_narrower" })).toBe("8 M");
    expect(
      recommend({ chart: { offsetHalves: -1, widthRule: "one_wider", between: "up" } }).reasons,
    ).toContainEqual({ kind: "chart", offsetHalves: -1, widthRule: "one_wider" });
  });

  it("takes the larger of two sizes when the chart says up, the smaller when it says down", () => {
    expect(chartSays({ between: true }, { between: "up" })).toBe("8.5 M");
    expect(chartSays({ between: true }, { between: "down" })).toBe("8 M");
    expect(chartSays({ between: false }, { between: "up" })).toBe("8 M");
    const reasons = (c: SizeChart["between"], between = true) =>
      recommend({ answers: answers({ between }), chart: { ...chart, between: c } }).reasons;
    expect(reasons("up")).toContainEqual({ kind: "between", direction: "up" });
    expect(reasons("down")).toContainEqual({ kind: "between", direction: "down" });
    expect(reasons("up", false).some((r) => r.kind === "between")).toBe(false);
  });

  it("widens for a wide forefoot or a high instep, but only once for both", () => {
    const noteReasons = (notes: FootNote[]) =>
      recommend({ answers: answers({ notes }) }).reasons.filter((r) => r.kind === "note");
    expect(chartSays({ notes: ["wide_forefoot"] })).toBe("8 W");
    expect(noteReasons(["wide_forefoot"])).toEqual([
      { kind: "note", note: "wide_forefoot", effect: "wider" },
    ]);
    expect(chartSays({ notes: ["high_instep"] })).toBe("8 W");
    expect(noteReasons(["high_instep"])).toEqual([
      { kind: "note", note: "high_instep", effect: "wider" },
    ]);
    // In either order of answers, the forefoot has already bought the width.
    for (const notes of [
      ["wide_forefoot", "high_instep"],
      ["high_instep", "wide_forefoot"],
    ] as FootNote[][]) {
      expect(chartSays({ notes })).toBe("8 W");
      expect(noteReasons(notes)).toEqual([
        { kind: "note", note: "wide_forefoot", effect: "wider" },
        { kind: "note", note: "high_instep", effect: "none" },
      ]);
    }
  });

  it("goes half down for a narrow heel, unless that would undo a between-sizes step up", () => {
    const note = (a: Partial<FitAnswers>, c: Partial<SizeChart> = {}) =>
      recommend({ answers: answers(a), chart: { ...chart, ...c } }).reasons.find(
        (r) => r.kind === "note",
      );
    expect(chartSays({ notes: ["narrow_heel"] })).toBe("7.5 M");
    expect(note({ notes: ["narrow_heel"] })).toEqual({
      kind: "note",
      note: "narrow_heel",
      effect: "half_down",
    });
    expect(chartSays({ notes: ["narrow_heel"], between: true })).toBe("8.5 M");
    expect(note({ notes: ["narrow_heel"], between: true })).toMatchObject({ effect: "none" });
    // Rounded down already, nothing to undo: the heel still takes its half size.
    expect(chartSays({ notes: ["narrow_heel"], between: true }, { between: "down" })).toBe("7.5 M");
    expect(note({ notes: ["narrow_heel"], between: true }, { between: "down" })).toMatchObject({
      effect: "half_down",
    });
  });

  it("stays within 4 to 12 and Narrow to Extra Wide", () => {
    expect(chartSays({ usualSize: "4" }, { offsetHalves: -1 })).toBe("4 M");
    expect(chartSays({ usualSize: "4", notes: ["narrow_heel"] })).toBe("4 M");
    expect(chartSays({ usualSize: "12", between: true })).toBe("12 M");
    expect(chartSays({ usualSize: "11.5" }, { offsetHalves: 40 })).toBe("12 M");
    expect(chartSays({ usualWidth: "Narrow" }, { widthRule: "one_narrower" })).toBe("8 N");
    expect(
      chartSays({ usualWidth: "Extra Wide", notes: ["wide_forefoot"] }, { widthRule: "one_wider" }),
    ).toBe("8 XW");
    // Clamped once at the end: 12 + 1 (chart) − ½ (heel) is past 12, so still 12.
    expect(chartSays({ usualSize: "12", notes: ["narrow_heel"] }, { offsetHalves: 2 })).toBe(
      "12 M",
    );
  });
});

describe("the store's own evidence", () => {
  it("overrides the chart once minimumOutcomes peers have an outcome, not one before", () => {
    expect(recommend({ outcomes: kept("8", "Wide", 10) })).toMatchObject({
      size: "8",
      width: "Wide",
      basis: "data",
      chartSize: "8",
      chartWidth: "Medium",
      reasons: [
        { kind: "from_data", scope: "product", peers: 10, peersKept: 10, keptRecommended: 10 },
      ],
    });
    const nine = recommend({ outcomes: kept("8", "Wide", 9) });
    expect(nine).toMatchObject({ size: "8", width: "Medium", basis: "chart", peers: 9 });
    expect(nine.reasons[0]).toEqual({ kind: "thin_data", scope: "product", peers: 9, needed: 10 });
  });

  it("pools the family's other styles only while the product's own peers are too few", () => {
    // Four peers kept this product in 8 W; twelve kept another heel in 8.5 W.
    const own = kept("8", "Wide", 4);
    const family = kept("8.5", "Wide", 12);
    const pooled = recommend({ outcomes: own, familyOutcomes: family });
    expect(pooled).toMatchObject({ size: "8.5", width: "Wide", basis: "data", scope: "family" });
    expect(pooled.reasons[0]).toEqual({
      kind: "from_data",
      scope: "family",
      peers: 16,
      peersKept: 16,
      keptRecommended: 12,
    });
    // Ten of its own decide alone: the other styles' last may run differently.
    const alone = recommend({ outcomes: kept("8", "Wide", 10), familyOutcomes: family });
    expect(alone).toMatchObject({ size: "8", width: "Wide", scope: "product", peers: 10 });
    // Too few even pooled: the chart answers, and says how many of the family there were.
    const thin = recommend({ outcomes: own, familyOutcomes: kept("8.5", "Wide", 3) });
    expect(thin).toMatchObject({ basis: "chart", scope: "family", peers: 7 });
    expect(thin.reasons[0]).toEqual({ kind: "thin_data", scope: "family", peers: 7, needed: 10 });
    // Family peers who wear another size elsewhere are no evidence for this shopper.
    const strangers = recommend({
      outcomes: own,
      familyOutcomes: kept("9", "Wide", 12, ["9", "Wide"]),
    });
    expect(strangers).toMatchObject({ basis: "chart", scope: "product", peers: 4 });
  });

  it("moves off a size kept by 5 but returned too small by 6 to the next half size", () => {
    const outcomes = [...kept("8", "Wide", 5), ...returned("8", "Wide", "too_small", 6)];
    const r = recommend({ outcomes: [...outcomes, ...kept("8.5", "Wide", 1)] });
    expect(r).toMatchObject({ size: "8.5", width: "Wide", basis: "data", keptRecommended: 1 });
    expect(r.reasons).toEqual([
      { kind: "from_data", scope: "product", peers: 12, peersKept: 6, keptRecommended: 1 },
      {
        kind: "returns_shift",
        from: { size: "8", width: "Wide" },
        feedback: "too_small",
        count: 6,
      },
    ]);
    expect(r.returnedRecommended).toEqual({});
    // Without those returns the kept pairs decide, and nothing is said about a shift.
    const calm = recommend({ outcomes: [...kept("8", "Wide", 11), ...kept("8.5", "Wide", 1)] });
    expect(calm).toMatchObject({ size: "8", width: "Wide" });
    expect(calm.reasons.map((x) => x.kind)).toEqual(["from_data"]);
  });

  it("reads each kind of fit return as a vote for its neighbour", () => {
    // 8 W is kept most, and each neighbour by one peer; four returns of 8 W say which way to go.
    const around = [
      ...kept("8", "Wide", 3),
      ...kept("7.5", "Wide", 1),
      ...kept("8.5", "Wide", 1),
      ...kept("8", "Medium", 1),
      ...kept("8", "Extra Wide", 1),
    ];
    const cases: [FitFeedback, string][] = [
      ["too_small", "8.5 W"],
      ["too_large", "7.5 W"],
      ["heel_slip", "7.5 W"],
      ["too_narrow", "8 XW"],
      ["too_wide", "8 M"],
    ];
    for (const [feedback, expected] of cases) {
      const r = recommend({ outcomes: [...around, ...returned("8", "Wide", feedback, 4)] });
      expect(`${r.size} ${widthCode(r.width)}`, feedback).toBe(expected);
      expect(r.reasons[1], feedback).toEqual({
        kind: "returns_shift",
        from: { size: "8", width: "Wide" },
        feedback,
        count: 4,
      });
    }
  });

  it("weighs a fit return as a kept pair against its fit, and half that for where it points", () => {
    const pick = (usual: [string, string], outcomes: FitOutcome[]) => {
      const [usualSize, usualWidth] = usual;
      const r = recommend({ answers: answers({ usualSize, usualWidth }), outcomes });
      return { fit: `${r.size} ${widthCode(r.width)}`, shift: r.reasons[1] };
    };
    const m8: [string, string] = ["8", "Medium"];
    const w8: [string, string] = ["8", "Wide"];
    const m85: [string, string] = ["8.5", "Medium"];
    // Each case is an exact tie (3 − 2 = 1 against 1, 3 against 1 + 4 × ½), which the pair nearer
    // the chart wins: a heavier or lighter weight on either side would break it the other way.
    const penalised = (usual: [string, string], other: [string, string]) => [
      ...kept("8", "Wide", 3, usual),
      ...kept(other[0], other[1], 1, usual),
      ...returned("8", "Wide", "too_large", 2, usual),
      ...returned("9", "Narrow", null, 10, usual),
    ];
    expect(pick(m8, penalised(m8, ["8", "Medium"])).fit).toBe("8 M");
    expect(pick(w8, penalised(w8, ["8.5", "Wide"])).fit).toBe("8 W");
    const pointed = (usual: [string, string]) => [
      ...kept("8", "Wide", 3, usual),
      ...kept("8.5", "Wide", 1, usual),
      ...returned("8.5", "Medium", "too_narrow", 4, usual),
      ...returned("9", "Narrow", null, 10, usual),
    ];
    expect(pick(m8, pointed(m8)).fit).toBe("8 W");
    const moved = pick(m85, pointed(m85));
    expect(moved.fit).toBe("8.5 W");
    // Moved off 8 W by returns of another pair pointing to 8.5 W.
    expect(moved.shift).toEqual({
      kind: "returns_shift",
      from: { size: "8", width: "Wide" },
      feedback: "too_narrow",
      count: 4,
    });
  });

  it("names the commonest feedback behind a shift, the first listed among equals", () => {
    const outcomes = [
      ...kept("8", "Wide", 3),
      ...kept("8.5", "Wide", 1),
      ...returned("8", "Wide", "heel_slip", 2),
      ...returned("8", "Wide", "too_small", 2),
      ...returned("8", "Wide", null, 5),
    ];
    expect(recommend({ outcomes }).reasons[1]).toEqual({
      kind: "returns_shift",
      from: { size: "8", width: "Wide" },
      feedback: "too_small",
      count: 2,
    });
    const more = [...outcomes, ...returned("8", "Wide", "heel_slip", 1)];
    expect(recommend({ outcomes: more }).reasons[1]).toMatchObject({
      feedback: "heel_slip",
      count: 3,
    });
  });

  it("ignores returns for a non-fit reason or with other feedback, but reports them", () => {
    const outcomes = [
      ...kept("8", "Wide", 5),
      ...kept("8.5", "Wide", 1),
      ...returned("8", "Wide", null, 6),
      ...returned("8", "Wide", "other", 6),
    ];
    const r = recommend({ outcomes });
    expect(r).toMatchObject({ size: "8", width: "Wide", peers: 18, peersKept: 6 });
    expect(r.reasons.map((x) => x.kind)).toEqual(["from_data"]);
    expect(r.returnedRecommended).toEqual({ other: 6 });
  });

  it("counts only peers: the same usual size and width, and a pair the store makes", () => {
    const others = [
      ...kept("9", "Wide", 20, ["8.5", "Medium"]),
      ...kept("9", "Wide", 20, ["8", "Wide"]),
      ...kept("13", "Medium", 20),
      ...kept("8", "Huge", 20),
    ];
    expect(recommend({ outcomes: others })).toMatchObject({ basis: "chart", peers: 0 });
    expect(recommend({ outcomes: [...others, ...kept("8", "Wide", 10)] })).toMatchObject({
      size: "8",
      width: "Wide",
      basis: "data",
      peers: 10,
      peersKept: 10,
    });
  });

  it("breaks a tie toward the chart, then toward the larger size", () => {
    const pick = (outcomes: FitOutcome[]) => {
      const r = recommend({ outcomes, minimumOutcomes: 1 });
      return `${r.size} ${widthCode(r.width)}`;
    };
    expect(pick([...kept("8.5", "Medium", 3), ...kept("9", "Medium", 3)])).toBe("8.5 M");
    expect(pick([...kept("7.5", "Medium", 3), ...kept("9", "Medium", 3)])).toBe("7.5 M");
    expect(pick([...kept("7.5", "Medium", 3), ...kept("8.5", "Medium", 3)])).toBe("8.5 M");
    expect(pick([...kept("8", "Narrow", 3), ...kept("8", "Wide", 3)])).toBe("8 W");
  });

  it("falls back to the chart, saying so, when enough peers kept nothing", () => {
    const r = recommend({ outcomes: returned("9", "Wide", "too_large", 12) });
    expect(r).toMatchObject({ size: "8", width: "Medium", basis: "chart", confidence: "low" });
    expect(r.reasons).toEqual([
      { kind: "from_data", scope: "product", peers: 12, peersKept: 0, keptRecommended: 0 },
      { kind: "chart", offsetHalves: 0, widthRule: "as_usual" },
    ]);
  });

  it("gives the counts of 'of 37 who wear 8 M elsewhere and kept a pair, 29 kept 8 W'", () => {
    const outcomes = [
      ...kept("8", "Wide", 29),
      ...kept("8", "Medium", 8),
      ...returned("8", "Wide", "too_wide", 2),
      ...returned("8", "Wide", null, 1),
    ];
    const r = recommend({ outcomes });
    expect(r).toMatchObject({ size: "8", width: "Wide", basis: "data", confidence: "high" });
    expect(r.reasons).toEqual([
      { kind: "from_data", scope: "product", peers: 40, peersKept: 37, keptRecommended: 29 },
    ]);
    expect(r.returnedRecommended).toEqual({ too_wide: 2 });
    const a = answers();
    const sentence = `of ${r.peersKept} shoppers who wear ${a.usualSize} ${widthCode(a.usualWidth)} elsewhere and kept a pair, ${r.keptRecommended} kept ${r.size} ${widthCode(r.width)}`;
    expect(sentence).toBe("of 37 shoppers who wear 8 M elsewhere and kept a pair, 29 kept 8 W");
  });
});

describe("confidence", () => {
  const confidence = (outcomes: FitOutcome[], minimumOutcomes = 5) =>
    recommend({ outcomes, minimumOutcomes }).confidence;

  it("on data: high from 70% of keepers and twice the minimum of peers, medium from 50%", () => {
    const sevenOfTen = [...kept("8", "Wide", 7), ...kept("8", "Medium", 3)];
    expect(confidence(sevenOfTen)).toBe("high");
    // 6 of 10 (or 6 of 9) falls short of 70%; 5 of 10 is still half.
    expect(confidence([...kept("8", "Wide", 6), ...kept("8", "Medium", 4)])).toBe("medium");
    expect(confidence([...kept("8", "Wide", 6), ...kept("8", "Medium", 3)], 4)).toBe("medium");
    expect(
      confidence([...kept("8", "Wide", 5), ...kept("8", "Medium", 2), ...kept("8.5", "Medium", 3)]),
    ).toBe("medium");
    expect(
      confidence([...kept("8", "Wide", 4), ...kept("8", "Medium", 3), ...kept("8.5", "Medium", 3)]),
    ).toBe("low");
  });

  it("on data: 7 of 9 is only medium with 9 peers of 2 × 5, and high with a tenth peer", () => {
    const sevenOfNine = [...kept("8", "Wide", 7), ...kept("8", "Medium", 2)];
    expect(confidence(sevenOfNine)).toBe("medium");
    expect(confidence([...sevenOfNine, ...returned("9", "Wide", null, 1)])).toBe("high");
  });

  it("on the chart: low, or medium when the few peers kept most what the chart says", () => {
    expect(confidence([])).toBe("low");
    expect(confidence(kept("8", "Medium", 3), 10)).toBe("medium");
    expect(confidence([...kept("8", "Medium", 2), ...kept("8", "Wide", 2)], 10)).toBe("medium");
    expect(confidence([...kept("8", "Medium", 2), ...kept("8", "Wide", 3)], 10)).toBe("low");
    expect(confidence(returned("8", "Medium", "too_small", 3), 10)).toBe("low");
  });
});

describe("answers and settings", () => {
  it("refuses answers that name no size or width, naming the field", () => {
    const bad: [Partial<FitAnswers>, RegExp][] = [
      [{ usualSize: "13" }, /^usualSize: "13"/],
      [{ usualSize: "8.25" }, /^usualSize:/],
      [{ usualSize: "" }, /^usualSize:/],
      [{ usualWidth: "Huge" }, /^usualWidth: "Huge"/],
      [{ usualWidth: "medium" }, /^usualWidth:/],
      [{ notes: ["flat_foot" as FootNote] }, /^notes:/],
      [{ between: "yes" as unknown as boolean }, /^between:/],
    ];
    for (const [over, message] of bad) {
      expect(isValidAnswers(answers(over))).toBe(false);
      expect(() => recommend({ answers: answers(over) })).toThrow(message);
    }
    expect(isValidAnswers(answers({ usualSize: "12", usualWidth: "Extra Wide" }))).toBe(true);
    expect(isValidAnswers(answers({ notes: ["narrow_heel", "high_instep"], between: true }))).toBe(
      true,
    );
  });

  it("refuses a chart or threshold that would yield a size no shoe has", () => {
    expect(() => recommend({ chart: { ...chart, offsetHalves: 0.5 } })).toThrow(/^offsetHalves:/);
    expect(() => recommend({ minimumOutcomes: -1 })).toThrow(/^minimumOutcomes:/);
    expect(() => recommend({ minimumOutcomes: 2.5 })).toThrow(/^minimumOutcomes:/);
  });

  it("shortens widths for sentences", () => {
    expect(WIDTHS.map(widthCode)).toEqual(["N", "M", "W", "XW"]);
    expect(() => widthCode("Huge")).toThrow(/^width:/);
  });
});

describe("properties", () => {
  // Few usual sizes and pairs near them, so many outcomes are peers and many pairs collide.
  const usualSizes = ["7.5", "8", "8.5"];
  const arbAnswers = fc.record({
    usualSize: fc.constantFrom(...usualSizes),
    usualWidth: fc.constantFrom(...WIDTHS),
    between: fc.boolean(),
    notes: fc.subarray(["wide_forefoot", "narrow_heel", "high_instep"] as FootNote[]),
  });
  const arbOutcome = fc.record({
    usualSize: fc.constantFrom(...usualSizes),
    usualWidth: fc.constantFrom("Medium", "Wide"),
    size: fc.constantFrom("7", "7.5", "8", "8.5", "9"),
    width: fc.constantFrom(...WIDTHS),
    result: fc.constantFrom("kept" as const, "returned" as const),
    feedback: fc.constantFrom<FitFeedback | null>(
      "too_small",
      "too_large",
      "too_narrow",
      "too_wide",
      "heel_slip",
      "other",
      null,
    ),
    source: fc.constantFrom("fitting" as const, "trial" as const, "import" as const),
  });
  const arbChart = fc.record({
    offsetHalves: fc.integer({ min: -20, max: 20 }),
    widthRule: fc.constantFrom("as_usual" as const, "one_wider" as const, "one_narrower" as const),
    between: fc.constantFrom("up" as const, "down" as const),
  });
  // Three outcomes in four are made peers of the shopper, so data decides often.
  const arbInput = fc
    .record({
      answers: arbAnswers,
      outcomes: fc.array(arbOutcome, { maxLength: 60 }),
      chart: arbChart,
      minimumOutcomes: fc.integer({ min: 0, max: 8 }),
    })
    .map((input) => ({
      ...input,
      outcomes: input.outcomes.map((o, i) =>
        i % 4 === 3
          ? o
          : { ...o, usualSize: input.answers.usualSize, usualWidth: input.answers.usualWidth },
      ),
    }));

  it("always recommends a fit the store makes, on data or on the chart", () => {
    const extreme = fc.record({
      answers: fc.record({
        usualSize: fc.constantFrom(...SIZES),
        usualWidth: fc.constantFrom(...WIDTHS),
        between: fc.boolean(),
        notes: fc.subarray(["wide_forefoot", "narrow_heel", "high_instep"] as FootNote[]),
      }),
      outcomes: fc.array(arbOutcome, { maxLength: 60 }),
      chart: arbChart,
      minimumOutcomes: fc.integer({ min: 0, max: 8 }),
    });
    fc.assert(
      fc.property(fc.oneof(arbInput, extreme), (input) => {
        const r = recommendFit(input);
        expect(isValidFit(r.size, r.width)).toBe(true);
        expect(isValidFit(r.chartSize, r.chartWidth)).toBe(true);
      }),
    );
  });

  it("with no outcomes, is the chart's answer", () => {
    fc.assert(
      fc.property(arbInput, (input) => {
        const r = recommendFit({ ...input, outcomes: [] });
        expect(r).toMatchObject({ basis: "chart", confidence: "low", peers: 0 });
        expect([r.size, r.width]).toEqual([r.chartSize, r.chartWidth]);
        // The chart's answer does not depend on the evidence beside it.
        const withData = recommendFit(input);
        expect([withData.chartSize, withData.chartWidth]).toEqual([r.chartSize, r.chartWidth]);
      }),
    );
  });

  it("one more peer keeping the recommended pair keeps the pick and counts one more", () => {
    let onData = 0;
    fc.assert(
      fc.property(arbInput, (input) => {
        const before = recommendFit(input);
        if (before.basis !== "data") return;
        onData += 1;
        const { usualSize, usualWidth } = input.answers;
        const more: FitOutcome = {
          usualSize,
          usualWidth,
          size: before.size,
          width: before.width,
          result: "kept",
          feedback: null,
          source: "trial",
        };
        const after = recommendFit({ ...input, outcomes: [...input.outcomes, more] });
        expect([after.size, after.width, after.basis]).toEqual([before.size, before.width, "data"]);
        expect(after.keptRecommended).toBe(before.keptRecommended + 1);
        expect(after.peersKept).toBe(before.peersKept + 1);
        expect(after.peers).toBe(before.peers + 1);
      }),
      { numRuns: 300 },
    );
    expect(onData).toBeGreaterThan(50);
  });

  it("counts whole numbers, with keptRecommended ≤ peersKept ≤ peers", () => {
    fc.assert(
      fc.property(arbInput, (input) => {
        const r = recommendFit(input);
        const counts = [
          r.peers,
          r.peersKept,
          r.keptRecommended,
          ...Object.values(r.returnedRecommended),
        ];
        for (const n of counts) expect(Number.isInteger(n) && n >= 0).toBe(true);
        expect(r.keptRecommended).toBeLessThanOrEqual(r.peersKept);
        expect(r.peersKept).toBeLessThanOrEqual(r.peers);
        const returns = Object.values(r.returnedRecommended).reduce((a, b) => a + b, 0);
        expect(r.peersKept + returns).toBeLessThanOrEqual(r.peers);
        for (const reason of r.reasons)
          for (const v of Object.values(reason))
            if (typeof v === "number") expect(Number.isInteger(v), reason.kind).toBe(true);
      }),
    );
  });
});

describe("returns pointing past every kept pair", () => {
  it("follow the returns to a fit nobody kept yet rather than the next size someone kept", () => {
    const outcomes = [
      ...kept("8", "Wide", 5),
      ...returned("8", "Wide", "too_small", 6),
      ...kept("8", "Medium", 1),
    ];
    const r = recommend({ outcomes });
    expect(r).toMatchObject({ size: "8.5", width: "Wide", basis: "data", keptRecommended: 0 });
    expect(r.confidence).toBe("low");
    expect(r.reasons).toContainEqual({
      kind: "returns_shift",
      from: { size: "8", width: "Wide" },
      feedback: "too_small",
      count: 6,
    });
  });
});

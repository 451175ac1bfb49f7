// The fit finder's recommender, its inputs and outputs (app/domain/fit-recommend.ts).

export type FitFeedback =
  "too_small" | "too_large" | "too_narrow" | "too_wide" | "heel_slip" | "other";
export type FootNote = "wide_forefoot" | "narrow_heel" | "high_instep";

export interface FitAnswers {
  usualSize: string;
  usualWidth: string;
  /** Between two sizes in other brands (and answered the smaller as usualSize). */
  between: boolean;
  notes: readonly FootNote[];
}

/** One shopper's outcome with this family: what they wear elsewhere and what they kept or returned here. */
export interface FitOutcome {
  usualSize: string;
  usualWidth: string;
  /** The pair they had here. */
  size: string;
  width: string;
  result: "kept" | "returned";
  /** Returns only; null = returned for a non-fit reason. */
  feedback: FitFeedback | null;
  source: "fitting" | "trial" | "purchase" | "return" | "import";
}

export interface SizeChart {
  /** Half sizes added to the usual size: 1 = half a size up, -1 = half down. */
  offsetHalves: number;
  widthRule: "as_usual" | "one_wider" | "one_narrower";
  /** Between sizes: take the larger or the smaller. */
  between: "up" | "down";
}

export interface RecommendInput {
  answers: FitAnswers;
  /** Outcomes for this product. */
  outcomes: readonly FitOutcome[];
  /**
   * Outcomes for the other products of its family (product type): pooled with the product's
   * own only when those alone are too few to decide, since a last differs between styles.
   */
  familyOutcomes?: readonly FitOutcome[];
  chart: SizeChart;
  /** Outcomes of shoppers like this one (same usual size and width) needed before data overrides the chart. */
  minimumOutcomes: number;
}

export interface Recommendation {
  size: string;
  width: string;
  basis: "data" | "chart";
  /** Whose outcomes the counts are: this product's, or its whole family's. */
  scope: EvidenceScope;
  confidence: "high" | "medium" | "low";
  /** Shoppers like this one (same usual size and width) with an outcome in this family. */
  peers: number;
  /** Of them, how many kept a pair at all, and how many kept exactly the recommended size and width. */
  peersKept: number;
  keptRecommended: number;
  /** Returns of the recommended size and width by peers, by fit feedback. */
  returnedRecommended: Partial<Record<FitFeedback, number>>;
  /** What the chart alone says (shown beside data, and used when data is thin). */
  chartSize: string;
  chartWidth: string;
  /** Structured reasons, in order, for the caller to turn into translated sentences. */
  reasons: readonly RecommendReason[];
}

export type EvidenceScope = "product" | "family";

export type RecommendReason =
  | {
      kind: "from_data";
      scope: EvidenceScope;
      peers: number;
      peersKept: number;
      keptRecommended: number;
    }
  | { kind: "thin_data"; scope: EvidenceScope; peers: number; needed: number }
  | { kind: "chart"; offsetHalves: number; widthRule: SizeChart["widthRule"] }
  | { kind: "between"; direction: "up" | "down" }
  | { kind: "note"; note: FootNote; effect: "wider" | "half_down" | "none" }
  | {
      kind: "returns_shift";
      from: { size: string; width: string };
      feedback: FitFeedback;
      count: number;
    };

// A customer's fit profile: the size and width the shop knows for them, and how it knows. Made-to-
// order skips the fitting pair only for a confirmed size; the storefront and later orders read
// the profile. Evidence ranks by how directly it shows the fit: a size confirmed with a fitting
// pair or by the merchant beats a size merely kept from a trial or a purchase; among equals, the
// newest wins.

export type FitSource = "fitting" | "merchant" | "trial_kept" | "purchase_kept";

export interface FitEvidence {
  size: string;
  width: string;
  source: FitSource;
  /** ISO instant the evidence was recorded. */
  at: string;
}

export interface FitProfile extends FitEvidence {
  /** Whether made-to-order may start production without a fitting pair. */
  confirmed: boolean;
}

const RANK: Record<FitSource, number> = {
  fitting: 3,
  merchant: 3,
  trial_kept: 2,
  purchase_kept: 1,
};

const SIZE = /^(?:[4-9]|1[0-2])(?:\.5)?$/;
export const WIDTHS = ["Narrow", "Medium", "Wide", "Extra Wide"] as const;
/** US women's sizes 4 to 12 in half sizes, as the size pattern above accepts. */
export const SIZES = Array.from({ length: 17 }, (_, i) => String(4 + i / 2));

export function isValidFit(size: string, width: string): boolean {
  return SIZE.test(size) && (WIDTHS as readonly string[]).includes(width);
}

/** "8.5 / Wide" (a variant title) → size and width, when it names both. */
export function sizeAndWidth(variantTitle: string | null | undefined) {
  const parts = (variantTitle ?? "").split("/").map((p) => p.trim());
  const size = parts.find((p) => isValidFit(p, "Medium")) ?? null;
  const width = parts.find((p) => (WIDTHS as readonly string[]).includes(p)) ?? null;
  return { size, width };
}

/** The profile the evidence supports, or null when there is none. */
export function fitProfile(evidence: readonly FitEvidence[]): FitProfile | null {
  const valid = evidence.filter((e) => isValidFit(e.size, e.width));
  if (valid.length === 0) return null;
  const best = [...valid].sort(
    (a, b) => RANK[b.source] - RANK[a.source] || Date.parse(b.at) - Date.parse(a.at),
  )[0] as FitEvidence;
  // A size kept from a trial box was worn at home: enough to skip the fitting pair. A size
  // kept from a plain purchase was never confirmed as a fit.
  return { ...best, confirmed: RANK[best.source] >= RANK.trial_kept };
}

/** The metafield value the storefront and checkout read (customer.metafields.fitting_room.fit). */
export function fitMetafieldValue(profile: FitProfile): string {
  return JSON.stringify({
    size: profile.size,
    width: profile.width,
    confirmed: profile.confirmed,
    source: profile.source,
    at: profile.at,
  });
}

// Referral codes: short, read aloud and typed from a phone without ambiguity — no 0/O or 1/I —
// and unique per shop (the caller retries on a collision). A code is a word from the referrer's
// name (up to 6 letters of the alphabet) and 4 random characters: ALLY-7KQ2.

export const CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
const SUFFIX_LENGTH = 4;
const WORD_MAX = 6;

/** Every code the app issues has this shape; the discount Function recognises its own by it. */
export const CODE_PATTERN = "^[A-HJ-NP-Z2-9]{1,6}-[A-HJ-NP-Z2-9]{4}$";
const CODE_RE = new RegExp(CODE_PATTERN);

export function codeWord(name: string | null | undefined): string {
  const letters = (name ?? "")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toUpperCase()
    .split("")
    .filter((c) => CODE_ALPHABET.includes(c) && !/[0-9]/.test(c))
    .join("");
  return letters.slice(0, WORD_MAX) || "REF";
}

/** A new code; `random` returns integers in [0, n) (crypto in the app, seeded in tests). */
export function makeCode(name: string | null | undefined, random: (n: number) => number): string {
  let suffix = "";
  for (let i = 0; i < SUFFIX_LENGTH; i++) suffix += CODE_ALPHABET[random(CODE_ALPHABET.length)];
  return `${codeWord(name)}-${suffix}`;
}

/** What a shopper typed or a link carried, as the code it names: case and spaces ignored. */
export function normalizeCode(text: string): string {
  return text.trim().toUpperCase().replace(/\s+/g, "");
}

export function isReferralCode(text: string): boolean {
  return CODE_RE.test(normalizeCode(text));
}

/**
 * The code a referral link left on the visit Shopify recorded (the order's landing site, e.g.
 * "/?ref=MAYA-9G9W&ref_name=Maya"): the link still counts when the cart lost its attribute (the
 * theme embed off) and the friend removed the code. Null when there is none or it is not one.
 */
export function codeFromLandingSite(landing: string | null | undefined): string | null {
  if (!landing) return null;
  let ref: string | null;
  try {
    ref = new URL(landing, "https://store.invalid").searchParams.get("ref");
  } catch {
    return null;
  }
  if (!ref) return null;
  const code = normalizeCode(ref);
  return isReferralCode(code) ? code : null;
}

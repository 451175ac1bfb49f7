// Who a person is, for "is this friend new?" and "is this a self-referral?": the same mailbox
// written differently, the same door written differently. Pure and conservative: only
// providers known to ignore dots or +tags have them removed.

const IGNORES_DOTS = new Set(["gmail.com", "googlemail.com"]);
const IGNORES_PLUS_TAGS = new Set([
  "gmail.com",
  "googlemail.com",
  "outlook.com",
  "hotmail.com",
  "live.com",
  "icloud.com",
  "me.com",
  "fastmail.com",
  "proton.me",
  "protonmail.com",
]);
const DOMAIN_ALIASES: Record<string, string> = { "googlemail.com": "gmail.com" };

/** The mailbox an address delivers to: case, dots and +tags removed where the provider ignores them. */
export function normalizeEmail(email: string | null | undefined): string | null {
  const text = (email ?? "").trim().toLowerCase();
  const at = text.lastIndexOf("@");
  if (at <= 0 || at === text.length - 1) return null;
  let local = text.slice(0, at);
  const domain = text.slice(at + 1);
  if (IGNORES_PLUS_TAGS.has(domain)) local = local.split("+")[0] ?? local;
  if (IGNORES_DOTS.has(domain)) local = local.replace(/\./g, "");
  if (!local) return null;
  return `${local}@${DOMAIN_ALIASES[domain] ?? domain}`;
}

export interface PostalAddress {
  address1?: string | null;
  address2?: string | null;
  city?: string | null;
  zip?: string | null;
  countryCode?: string | null;
}

const WORDS: Record<string, string> = {
  street: "st",
  avenue: "ave",
  av: "ave",
  road: "rd",
  boulevard: "blvd",
  drive: "dr",
  lane: "ln",
  court: "ct",
  place: "pl",
  apartment: "apt",
  suite: "ste",
  unit: "apt",
  floor: "fl",
  north: "n",
  south: "s",
  east: "e",
  west: "w",
};

function words(text: string | null | undefined): string[] {
  return (text ?? "")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/#/g, " apt ")
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .split(" ")
    .filter(Boolean)
    .map((w) => WORDS[w] ?? w)
    .filter((w, i, all) => w !== all[i - 1]);
}

/** One key per door: "12 Main Street, Apt 4" and "12 main st #4" are the same address. */
export function addressKey(address: PostalAddress | null | undefined): string | null {
  if (!address) return null;
  const street = [...words(address.address1), ...words(address.address2)].join(" ");
  if (!street) return null;
  const zip = (address.zip ?? "").toUpperCase().replace(/[^A-Z0-9]/g, "");
  const place = zip || words(address.city).join(" ");
  return `${(address.countryCode ?? "").toUpperCase()}|${place}|${street}`;
}

/** What Shopify shows of a card on an order's transaction (CardPaymentDetails). */
export interface CardDetails {
  bin?: string | null;
  /** Masked, e.g. "•••• •••• •••• 4242". */
  number?: string | null;
  expirationMonth?: number | null;
  expirationYear?: number | null;
  name?: string | null;
}

/**
 * One key per card, from what Shopify shows of it: first six digits, last four, expiry and the
 * name on it. Shopify gives no card token to apps; these four together rarely collide across
 * people, and a match only flags the reward for the merchant. Null when a part is missing.
 */
export function cardKey(card: CardDetails | null | undefined): string | null {
  const bin = (card?.bin ?? "").replace(/\D/g, "");
  const last4 = (card?.number ?? "").replace(/\D/g, "").slice(-4);
  const month = card?.expirationMonth;
  const year = card?.expirationYear;
  if (bin.length < 6 || last4.length < 4 || !month || !year) return null;
  const name = (card?.name ?? "")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toUpperCase()
    .replace(/[^A-Z]+/g, " ")
    .trim();
  const expiry = `${String(month).padStart(2, "0")}/${String(year % 100).padStart(2, "0")}`;
  return `${bin.slice(0, 6)}|${last4}|${expiry}|${name}`;
}

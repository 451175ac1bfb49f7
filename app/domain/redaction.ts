// What a customers/redact leaves in place of the customer's words, and how stored text (webhook
// payloads, Admin API requests) is recognised as being about her. Pure: the compliance service
// and the platform's inbox redaction share it.

export const REDACTED = "[redacted]";

/**
 * A reason the app wrote around the shopper's words ("Exchange requested: <her text>"): the app's
 * prefix stays, because code reads it (an answered exchange clears its own reason) and a case
 * needing attention must keep needing it; what follows is hers and goes.
 */
export function redactedReason(text: string | null): string | null {
  if (text == null) return null;
  const colon = text.indexOf(": ");
  return colon > 0 ? `${text.slice(0, colon)}: ${REDACTED}` : REDACTED;
}

/** The same address: Shopify keeps the case she typed it in, per order. */
export function sameEmail(a: string | null | undefined, b: string | null | undefined): boolean {
  return Boolean(a && b && a.trim().toLowerCase() === b.trim().toLowerCase());
}

/**
 * A stored row (an order, a report, a referrer) is the customer's: her customer id, or her
 * address in any case (a database `contains` only narrows it down: one inside a longer address
 * is someone else's).
 */
export function isSubjectRow(
  row: { customerGid: string | null; email: string | null },
  subject: { customerGid: string | null; email: string | null },
): boolean {
  return (
    (subject.customerGid !== null && row.customerGid === subject.customerGid) ||
    sameEmail(row.email, subject.email)
  );
}

/** What identifies a customer inside stored text. */
export interface Mentions {
  /** Numeric Shopify ids (the customer's, her orders'): REST payloads carry them bare. */
  ids: string[];
  /** Lower-cased email addresses: Shopify keeps the case she typed, per order. */
  emails: string[];
}

function numericId(gid: string): string | null {
  return /\/(\d+)(?:\?.*)?$/.exec(gid)?.[1] ?? null;
}

export function mentionsOf(subject: {
  customerGid: string | null;
  email: string | null;
  orderGids: readonly string[];
}): Mentions {
  const gids = [subject.customerGid, ...subject.orderGids].filter((g): g is string => Boolean(g));
  return {
    ids: [...new Set(gids.map(numericId).filter((n): n is string => n !== null))],
    emails: subject.email ? [subject.email.trim().toLowerCase()] : [],
  };
}

export function hasMentions(m: Mentions): boolean {
  return m.ids.length > 0 || m.emails.length > 0;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * The text names the customer: her whole email in any case, or one of her ids as a whole number (a
 * GID's tail, `"id":191167`, `"customer_id":"191167"`) and not part of a longer number or a price.
 */
export function mentions(text: string | null, m: Mentions): boolean {
  if (!text) return false;
  const lower = text.toLowerCase();
  // A whole address: "ann@x.com" is not in "joann@x.com" nor in "ann@x.com.au".
  if (
    m.emails.some((e) =>
      new RegExp(`(?<![\\w.%+-])${escapeRegExp(e)}(?![\\w-]|\\.\\w)`).test(lower),
    )
  )
    return true;
  return m.ids.some((id) => new RegExp(`(?<![0-9.])${id}(?![0-9]|\\.[0-9])`).test(text));
}

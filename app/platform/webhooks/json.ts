// Shopify's REST-style payloads carry numeric ids beyond 2^53 (order_id, customer.id), which
// JSON.parse silently rounds. Integer literals of 16+ digits outside strings are read as strings
// instead, so an id taken from a payload is the id Shopify sent.
export function parseWebhookJson(raw: string): unknown {
  let out = "";
  let inString = false;
  let escaped = false;
  let i = 0;
  while (i < raw.length) {
    const ch = raw[i] as string;
    if (inString) {
      out += ch;
      if (escaped) escaped = false;
      else if (ch === "\\") escaped = true;
      else if (ch === '"') inString = false;
      i += 1;
      continue;
    }
    if (ch === '"') {
      inString = true;
      out += ch;
      i += 1;
      continue;
    }
    if (ch === "-" || (ch >= "0" && ch <= "9")) {
      let j = i + 1;
      while (j < raw.length && /[0-9.eE+-]/.test(raw[j] as string)) j += 1;
      const literal = raw.slice(i, j);
      const digits = literal.replace(/^-/, "");
      out += /^\d{16,}$/.test(digits) ? `"${literal}"` : literal;
      i = j;
      continue;
    }
    out += ch;
    i += 1;
  }
  return JSON.parse(out);
}

/** gid for a REST id that may have arrived as a number or (large) as a string. */
export function gidFor(type: string, id: unknown): string | null {
  if (typeof id === "string" && /^\d+$/.test(id)) return `gid://shopify/${type}/${id}`;
  if (typeof id === "number" && Number.isSafeInteger(id)) return `gid://shopify/${type}/${id}`;
  return null;
}

// Session tokens, HMACs and signatures arrive in query strings (App Bridge's `id_token`, the
// app proxy's `signature`, OAuth's `hmac`): a log line holding one is a credential on disk.

/** Query parameters whose values never reach a log: exact names and anything token-like. */
const SECRET_PARAM =
  /^(id_token|hmac|signature|session|code|state|host_token)$|token|secret|password/i;

export const REDACTED = "[redacted]";

/** The URL (absolute or a path with a query) with every secret parameter's value replaced. */
export function redactUrl(url: string): string {
  const query = url.indexOf("?");
  if (query < 0) return url;
  const hash = url.indexOf("#", query);
  const end = hash < 0 ? url.length : hash;
  const params = url
    .slice(query + 1, end)
    .split("&")
    .map((pair) => {
      const eq = pair.indexOf("=");
      if (eq < 0) return pair;
      let name = pair.slice(0, eq);
      try {
        name = decodeURIComponent(name.replace(/\+/g, " "));
      } catch {
        // a malformed escape is judged by its raw text
      }
      return SECRET_PARAM.test(name) ? `${pair.slice(0, eq)}=${REDACTED}` : pair;
    });
  return `${url.slice(0, query)}?${params.join("&")}${url.slice(end)}`;
}

/** Log fields pino replaces whole, wherever they sit one level down (pino `redact` paths). */
export const REDACTED_LOG_PATHS = [
  "*.accessToken",
  "*.email",
  "*.payload",
  ...["idToken", "id_token", "token", "sessionToken", "hmac", "signature", "secret"].flatMap(
    (key) => [key, `*.${key}`],
  ),
  "*.headers.authorization",
  '*.headers["x-shopify-hmac-sha256"]',
  "*.headers.cookie",
];

// Fields that hold a URL keep it readable with the secrets taken out.
const URL_FIELDS = ["url", "path", "originalUrl", "href", "location", "referer"];

/** pino's `formatters.log`: redacts query secrets in URL-valued fields of a log line. */
export function redactLogUrls(object: Record<string, unknown>): Record<string, unknown> {
  let out = object;
  for (const key of URL_FIELDS) {
    const value = object[key];
    if (typeof value === "string" && value.includes("?")) {
      if (out === object) out = { ...object };
      out[key] = redactUrl(value);
    }
  }
  return out;
}

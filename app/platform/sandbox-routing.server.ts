import { setAbstractFetchFunc } from "@shopify/shopify-api/runtime";
import { logger } from "./logger.server";
import { setClockRefresher, setClockSource } from "./clock.server";

// The app always calls https://<shop>.myshopify.com/… as in production. Only when
// FITTING_ROOM_SANDBOX_URL is set (offline demo, tests, benchmarks) are those requests sent to
// the local sandbox instead; without it this module changes nothing.
const SHOPIFY_HOST = /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/;

export function sandboxUrl(env: Record<string, string | undefined> = process.env): string | null {
  const value = env.FITTING_ROOM_SANDBOX_URL?.trim();
  return value ? value.replace(/\/$/, "") : null;
}

export function rewriteForSandbox(
  url: string,
  target: string,
): { url: string; shop: string } | null {
  const parsed = new URL(url);
  if (parsed.protocol !== "https:" || !SHOPIFY_HOST.test(parsed.hostname)) return null;
  return { url: `${target}${parsed.pathname}${parsed.search}`, shop: parsed.hostname };
}

export function installSandboxRouting(
  env: Record<string, string | undefined> = process.env,
): boolean {
  const target = sandboxUrl(env);
  if (!target) return false;
  const realFetch = globalThis.fetch;
  setAbstractFetchFunc(async (input, init) => {
    const original =
      typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    const routed = rewriteForSandbox(original, target);
    if (!routed) return realFetch(input, init);
    const headers = new Headers(init?.headers);
    headers.set("x-sandbox-shop", routed.shop);
    return realFetch(routed.url, { ...init, headers });
  });
  installSandboxClock(target, realFetch);
  logger.warn({ target }, "Shopify requests are routed to the offline sandbox");
  return true;
}

/** The sandbox's clock can be advanced (+7 days); scheduled jobs must see the same time. */
function installSandboxClock(target: string, realFetch: typeof fetch): void {
  let offsetMs = 0;
  setClockSource(() => Date.now() + offsetMs);
  const refresh = async () => {
    try {
      const response = await realFetch(`${target}/__sandbox/clock`);
      if (response.ok) offsetMs = ((await response.json()) as { offsetMs: number }).offsetMs;
    } catch {
      // The sandbox is restarting: keep the last known offset.
    }
  };
  setClockRefresher(refresh);
  void refresh();
  setInterval(() => void refresh(), 1000).unref();
}

/**
 * Offline sandbox only: its admin shell (another origin) frames the app the way
 * admin.shopify.com does, so it joins the frame-ancestors Shopify's headers allow.
 */
export function allowSandboxAdminFrame(
  headers: Headers,
  env: Record<string, string | undefined> = process.env,
): void {
  const target = sandboxUrl(env);
  const policy = headers.get("Content-Security-Policy");
  if (!target || !policy) return;
  headers.set(
    "Content-Security-Policy",
    policy.replace("frame-ancestors", `frame-ancestors ${new URL(target).origin}`),
  );
}

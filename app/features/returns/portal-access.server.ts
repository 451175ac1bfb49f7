import crypto from "node:crypto";
import prisma from "~/db.server";
import { allowTry } from "~/platform/rate-limit.server";
import { appConfig } from "~/platform/config.server";
import { now } from "~/platform/clock.server";

// Who may see an order in the return portal: the signed-in customer who placed it, or a guest
// who named its order number and email. A guest's match gives a signed, expiring token for that
// one order (HMAC with the app's secret), carried in a hidden field or the query string: the raw
// order id alone never opens anything. Misses say nothing about which half was wrong.

const TOKEN_TTL_MS = 2 * 3_600_000;

export const GUEST_LOOKUP_LIMIT = { tries: 5, windowMs: 15 * 60_000 };

function mac(secret: string, shop: string, orderId: string, expires: number) {
  return crypto
    .createHmac("sha256", secret)
    .update(`returns-guest|${shop}|${orderId}|${expires}`)
    .digest("base64url");
}

/** A token for one order of one shop, valid for two hours. */
export function signGuestToken(
  shop: string,
  orderId: string,
  at: Date = now(),
  secret = appConfig.apiSecret,
): string {
  const expires = Math.floor((at.getTime() + TOKEN_TTL_MS) / 1000);
  return `${orderId}.${expires}.${mac(secret, shop, orderId, expires)}`;
}

/** The order id a token opens, or null when it is forged, for another shop, or expired. */
export function verifyGuestToken(
  shop: string,
  token: string | null | undefined,
  at: Date = now(),
  secret = appConfig.apiSecret,
): string | null {
  const parts = (token ?? "").split(".");
  if (parts.length !== 3) return null;
  const [orderId, expiresText, signature] = parts as [string, string, string];
  const expires = Number(expiresText);
  if (!orderId || !Number.isInteger(expires) || expires * 1000 <= at.getTime()) return null;
  const expected = Buffer.from(mac(secret, shop, orderId, expires));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return null;
  return orderId;
}

// Guest lookups are limited per shop + IP and per order number, so neither one address nor many
// addresses can guess emails for an order; the counts are shared by every instance.

/** Order numbers as shoppers type them: "1001", "#1001", " # 1001 ". */
export function normalizeOrderName(text: string): string {
  const trimmed = text.replace(/\s+/g, "").toUpperCase();
  return trimmed.startsWith("#") ? trimmed : `#${trimmed}`;
}

export type GuestLookup =
  { ok: true; orderId: string; token: string } | { ok: false; reason: "no_match" | "rate_limited" };

export async function lookupGuestOrder(
  shop: string,
  input: { orderName: string; email: string; ip: string },
): Promise<GuestLookup> {
  const orderName = normalizeOrderName(input.orderName);
  const at = Date.now();
  // Both windows count the try, whichever refuses first.
  const byIp = await allowTry(shop, `returns-ip|${input.ip}`, GUEST_LOOKUP_LIMIT, at);
  const byOrder = await allowTry(shop, `returns-order|${orderName}`, GUEST_LOOKUP_LIMIT, at);
  if (!byIp || !byOrder) return { ok: false, reason: "rate_limited" };
  const email = input.email.trim().toLowerCase();
  const order = await prisma.returnOrder.findFirst({
    where: { shop, orderName, customerEmail: email },
    select: { id: true },
  });
  if (!order) return { ok: false, reason: "no_match" };
  return { ok: true, orderId: order.id, token: signGuestToken(shop, order.id) };
}

/** What a request proves: a signed-in customer, a guest token, or both. */
export interface ShopperAccess {
  customerGid: string | null;
  guestToken: string | null;
}

/** Whether the shopper may see this order: it is theirs, or their token names it. */
export function mayAccess(
  shop: string,
  order: { id: string; shop: string; customerGid: string | null },
  access: ShopperAccess,
): boolean {
  if (order.shop !== shop) return false;
  if (access.customerGid && order.customerGid === access.customerGid) return true;
  return verifyGuestToken(shop, access.guestToken) === order.id;
}

/** The order a guest token opens (null when forged, for another shop, or expired). */
export const guestOrderId = (shop: string, token: string | null) => verifyGuestToken(shop, token);

import crypto from "node:crypto";
import prisma from "~/db.server";

// A counter per key in the database, so every app instance counts the same tries (an in-memory
// window gives each instance its own allowance). A key's window opens at its first try and
// lasts `windowMs`; the next try after it opens a new one. Keys are hashed before they are
// stored: they carry shoppers' IP addresses.

export interface RateLimitRule {
  tries: number;
  windowMs: number;
}

function hashed(key: string): string {
  return crypto.createHash("sha256").update(key).digest("hex");
}

/** Counts this try against the shop's `key` and says whether it is within the rule. */
export async function allowTry(
  shop: string,
  key: string,
  rule: RateLimitRule,
  at = Date.now(),
): Promise<boolean> {
  // BigInt parameters: the column is a BIGINT on both providers.
  const start = BigInt(at);
  const expired = BigInt(at - rule.windowMs);
  // One statement, so two instances counting the same key at once both count (SQLite and
  // PostgreSQL both have ON CONFLICT … RETURNING).
  const rows = await prisma.$queryRaw<{ count: number | bigint }[]>`
    INSERT INTO "RateLimit" ("key", "shop", "windowStartMs", "count")
    VALUES (${hashed(`${shop}|${key}`)}, ${shop}, ${start}, 1)
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimit"."windowStartMs" <= ${expired} THEN 1
                     ELSE "RateLimit"."count" + 1 END,
      "windowStartMs" = CASE WHEN "RateLimit"."windowStartMs" <= ${expired} THEN ${start}
                             ELSE "RateLimit"."windowStartMs" END
    RETURNING "count"`;
  // The shop's old windows go now and then rather than on a schedule: one delete per ~500 tries.
  if (Math.random() < 0.002)
    await prisma.rateLimit.deleteMany({
      where: { shop, windowStartMs: { lt: BigInt(at - 86_400_000) } },
    });
  return Number(rows[0]?.count ?? Infinity) <= rule.tries;
}

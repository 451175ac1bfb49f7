import type { Prisma } from "@prisma/client";
import { isPostgres } from "~/db.server";
import { mentions, type Mentions } from "~/domain/redaction";

// Stored text about a customer outside the models that name her (webhook payloads, Admin API
// requests), found and blanked for a customers/redact. The database only narrows the rows down
// (a substring of an id, an email in any case); `mentions` decides on the text itself, so an
// order number 17771 is not taken for customer 777.

type Tx = Prisma.TransactionClient;

const REDACTED_JSON = '{"redacted":true}';

/**
 * `contains` ignoring case on either provider: PostgreSQL compares case-sensitively unless asked
 * (`mode` exists only there), SQLite's LIKE already ignores ASCII case and knows no `mode`.
 */
export function containsAnyCase(text: string): Prisma.StringNullableFilter {
  return (
    isPostgres ? { contains: text, mode: "insensitive" } : { contains: text }
  ) as Prisma.StringNullableFilter;
}

function narrowing(m: Mentions): Prisma.StringNullableFilter[] {
  return [...m.ids.map((id) => ({ contains: id })), ...m.emails.map(containsAnyCase)];
}

/**
 * Webhook deliveries whose payload mentions the customer lose it, and so do `alsoIds` (the
 * compliance request being processed, whatever it names). Returns how many lost it.
 */
export async function redactDeliveries(
  tx: Tx,
  shop: string,
  m: Mentions,
  alsoIds: readonly string[] = [],
): Promise<number> {
  const filters = narrowing(m);
  const rows = filters.length
    ? await tx.webhookDelivery.findMany({
        where: { shop, OR: filters.map((payload) => ({ payload })) },
        select: { id: true, payload: true },
      })
    : [];
  const ids = [...alsoIds, ...rows.filter((r) => mentions(r.payload, m)).map((r) => r.id)];
  if (ids.length === 0) return 0;
  const { count } = await tx.webhookDelivery.updateMany({
    where: { shop, id: { in: ids }, payload: { not: null } },
    data: { payload: null },
  });
  return count;
}

/**
 * Effects whose request or recorded result mentions the customer keep their key and status (a
 * retry must still find them done) but not what was sent or answered.
 */
export async function redactEffects(tx: Tx, shop: string, m: Mentions): Promise<number> {
  const filters = narrowing(m);
  if (filters.length === 0) return 0;
  const rows = await tx.effect.findMany({
    where: {
      shop,
      OR: filters.flatMap((f) => [{ request: f as Prisma.StringFilter }, { result: f }]),
    },
    select: { id: true, request: true, result: true },
  });
  const requests = rows.filter((r) => mentions(r.request, m)).map((r) => r.id);
  const results = rows.filter((r) => mentions(r.result, m)).map((r) => r.id);
  await tx.effect.updateMany({
    where: { shop, id: { in: results } },
    data: { result: REDACTED_JSON },
  });
  const { count } = await tx.effect.updateMany({
    where: { shop, id: { in: [...new Set([...requests, ...results])] } },
    data: { request: REDACTED_JSON },
  });
  return count;
}

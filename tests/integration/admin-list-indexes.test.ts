import { describe, expect, it } from "vitest";
import prisma, { isPostgres } from "~/db.server";

// The admin lists at volume (bench/admin-pages): each list query is answered from an index that
// starts with the shop and gives the list's order, so a page reads the rows it shows rather than
// every case the shop ever had. SQLite's plan names the index; a missing one shows as a SCAN of
// the table or a temporary B-tree for the ORDER BY.

const LISTS: { name: string; sql: string; index: string }[] = [
  {
    name: "Made-to-order: a queue, oldest first",
    sql: `SELECT "id" FROM "MtoCase" WHERE "shop" = 's' AND "status" = 'awaiting_fit' ORDER BY "orderedAt" ASC LIMIT 200`,
    index: "MtoCase_shop_status_orderedAt_idx",
  },
  {
    name: "Made-to-order: shipped, latest first",
    sql: `SELECT "id" FROM "MtoCase" WHERE "shop" = 's' AND "status" = 'shipped' ORDER BY "orderedAt" DESC LIMIT 200`,
    index: "MtoCase_shop_status_orderedAt_idx",
  },
  {
    name: "Returns: a work queue, longest waiting first",
    sql: `SELECT "id" FROM "ReturnCase" WHERE "shop" = 's' AND "status" IN ('to_review') ORDER BY "requestedAt" ASC LIMIT 250`,
    index: "ReturnCase_shop_status_requestedAt_idx",
  },
  {
    name: "Returns: the fit rollup's date range",
    sql: `SELECT "id" FROM "ReturnCase" WHERE "shop" = 's' AND "requestedAt" >= '2026-09-01' AND "requestedAt" <= '2026-12-01'`,
    index: "ReturnCase_shop_requestedAt_idx",
  },
  {
    name: "Referrals: a state, latest first",
    sql: `SELECT "id" FROM "ReferralCase" WHERE "shop" = 's' AND "status" = 'paid' ORDER BY "orderedAt" DESC LIMIT 50`,
    index: "ReferralCase_shop_status_orderedAt_idx",
  },
  {
    name: "Referrals: all, latest first",
    sql: `SELECT "id" FROM "ReferralCase" WHERE "shop" = 's' ORDER BY "orderedAt" DESC LIMIT 50`,
    index: "ReferralCase_shop_orderedAt_idx",
  },
  {
    name: "Referrals: ambassador applications, oldest first",
    sql: `SELECT "id" FROM "Referrer" WHERE "shop" = 's' AND "ambassadorStatus" = 'applied' ORDER BY "updatedAt" ASC LIMIT 50`,
    index: "Referrer_shop_ambassadorStatus_updatedAt_idx",
  },
];

describe.runIf(!isPostgres)("admin list indexes (SQLite query plans)", () => {
  it.each(LISTS)("$name uses $index, without a scan or a sort", async ({ sql, index }) => {
    const plan = await prisma.$queryRawUnsafe<{ detail: string }[]>(`EXPLAIN QUERY PLAN ${sql}`);
    const details = plan.map((p) => p.detail).join("\n");
    expect(details).toContain(`USING INDEX ${index}`);
    expect(details).not.toMatch(/TEMP B-TREE|SCAN "?\w+"?$/m);
  });
});

import { describe, expect, it } from "vitest";
import { createClient } from "@libsql/client";
import prisma, { isPostgres } from "~/db.server";
import { isBusyError, withBusyRetry } from "~/platform/sqlite-busy.server";
import { recordDelivery } from "~/platform/webhooks/inbox-writer.server";

describe("a busy SQLite database (another process writing)", () => {
  it("retries only busy failures", async () => {
    const busy = Object.assign(new Error("x"), { cause: { kind: "SocketTimeout" } });
    let calls = 0;
    await expect(
      withBusyRetry(async () => (++calls < 3 ? Promise.reject(busy) : "done")),
    ).resolves.toBe("done");
    expect(calls).toBe(3);
    calls = 0;
    await expect(
      withBusyRetry(async () => (++calls, Promise.reject(new Error("other")))),
    ).rejects.toThrow("other");
    expect(calls).toBe(1);
    expect(isBusyError(new Error("SQLITE_BUSY: database is locked"))).toBe(true);
  });

  it.runIf(!isPostgres)(
    "waits for a writer in another connection instead of failing the delivery",
    async () => {
      await prisma.shop.create({ data: { domain: "demo-shoes.myshopify.com" } });
      const other = createClient({ url: process.env.DATABASE_URL as string });
      await other.execute("BEGIN IMMEDIATE");
      await other.execute({
        sql: `INSERT INTO "Shop" ("domain", "updatedAt") VALUES (?, ?)`,
        args: ["locker.myshopify.com", Date.now()],
      });
      const pending = recordDelivery({
        id: "while-locked",
        shop: "demo-shoes.myshopify.com",
        topic: "orders/create",
        apiVersion: "2026-10",
        eventId: null,
        triggeredAt: null,
        payload: "{}",
      });
      await new Promise((r) => setTimeout(r, 300));
      await other.execute("COMMIT");
      other.close();
      await expect(pending).resolves.toBe("accepted");
      expect(await prisma.webhookDelivery.count({ where: { id: "while-locked" } })).toBe(1);
      expect(await prisma.job.count({ where: { idempotencyKey: "webhook:while-locked" } })).toBe(1);
    },
  );
});

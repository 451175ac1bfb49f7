// Applies prisma/postgres/migrations to a PostgreSQL database, bookkeeping in Prisma's own
// `_prisma_migrations` table. Prisma 6.19's JS schema engine cannot run `migrate deploy` through
// @prisma/adapter-pg (prisma/orm#27403: "Column type 'name' could not be deserialized"), and the
// binary engine cannot be downloaded here; see docs/decisions/0002-database.md.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

const LOCK_KEY = 72707369; // any constant: serialises concurrent deploys of this app

export async function deployPostgresMigrations(url, migrationsDir) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const applied = [];
  try {
    await client.query("SELECT pg_advisory_lock($1)", [LOCK_KEY]);
    await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL,
      "checksum" VARCHAR(64) NOT NULL,
      "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL,
      "logs" TEXT,
      "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`);
    const { rows } = await client.query(
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
    );
    const done = new Map(rows.map((r) => [r.migration_name, r]));
    const names = fs
      .readdirSync(migrationsDir)
      .filter((n) => fs.existsSync(path.join(migrationsDir, n, "migration.sql")))
      .sort();
    for (const name of names) {
      const sql = fs.readFileSync(path.join(migrationsDir, name, "migration.sql"), "utf8");
      const checksum = crypto.createHash("sha256").update(sql).digest("hex");
      const previous = done.get(name);
      if (previous?.finished_at) {
        if (previous.checksum !== checksum) {
          throw new Error(`migration ${name} was modified after it was applied`);
        }
        continue;
      }
      if (previous) throw new Error(`migration ${name} failed earlier; resolve it by hand first`);
      await client.query("BEGIN");
      try {
        await client.query(sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count)
           VALUES ($1, $2, now(), $3, 1)`,
          [crypto.randomUUID(), checksum, name],
        );
        await client.query("COMMIT");
        applied.push(name);
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`migration ${name} failed: ${error.message}`);
      }
    }
  } finally {
    await client.end();
  }
  return applied;
}

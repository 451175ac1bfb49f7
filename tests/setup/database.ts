import fs from "node:fs";
import path from "node:path";
import { beforeEach } from "vitest";
import { createClient } from "@libsql/client";
import pg from "pg";
import { deployPostgresMigrations } from "../../scripts/pg-migrate.mjs";

// Applies the real migrations to this worker's database once, and empties every table before
// each test, so tests run against the real schema and never see each other's rows.
const root = path.resolve(import.meta.dirname, "../..");
const url = process.env.DATABASE_URL as string;
const isPostgres = url.startsWith("postgres");

async function preparePostgres(): Promise<void> {
  const target = new URL(url);
  const name = target.pathname.slice(1);
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
  if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
  await deployPostgresMigrations(url, path.join(root, "prisma/postgres/migrations"));
  // graphile-worker's own schema (the PostgreSQL job engine), from its bundled SQL.
  const { runMigrations, Logger } = await import("graphile-worker");
  await runMigrations({ connectionString: url, logger: new Logger(() => () => {}) });
}

async function prepareSqlite(): Promise<void> {
  const client = createClient({ url });
  // As in production (app/platform/database.server.ts): WAL persists in the file.
  await client.execute("PRAGMA journal_mode = WAL");
  const existing = await client.execute(
    "SELECT name FROM sqlite_master WHERE type='table' AND name='Job'",
  );
  if (existing.rows.length === 0) {
    const dir = path.join(root, "prisma/migrations");
    for (const name of fs
      .readdirSync(dir)
      .filter((n) => fs.existsSync(path.join(dir, n, "migration.sql")))
      .sort()) {
      await client.executeMultiple(fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8"));
    }
  }
  client.close();
}

await (isPostgres ? preparePostgres() : prepareSqlite());

const { default: prisma } = await import("~/db.server");
const { Prisma } = await import("@prisma/client");
const TABLES = Prisma.dmmf.datamodel.models.map((m) => m.dbName ?? m.name);

beforeEach(async () => {
  if (isPostgres) {
    // An e2e file's app server and worker still poll between tests: TRUNCATE's exclusive locks
    // can meet their row locks in the other order, and PostgreSQL then aborts one side (40P01).
    const graphile = ["_private_jobs", "_private_job_queues"].map((t) => `graphile_worker.${t}`);
    const sql = `TRUNCATE ${[...TABLES.map((t) => `"${t}"`), ...graphile].join(", ")}`;
    for (let attempt = 1; ; attempt++) {
      try {
        await prisma.$executeRawUnsafe(sql);
        break;
      } catch (error) {
        if (attempt >= 5 || !/40P01|deadlock/.test(String(error))) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
      }
    }
  } else {
    for (const table of TABLES) await prisma.$executeRawUnsafe(`DELETE FROM "${table}"`);
  }
});

#!/usr/bin/env node
// One command for the database, whichever provider DATABASE_URL selects:
//   node scripts/db.mjs            generate the client for the provider (if needed) + apply migrations
//   node scripts/db.mjs sync       rewrite prisma/postgres/schema.prisma from prisma/schema.prisma
//   node scripts/db.mjs migration NAME   write a new migration for both providers (diff vs git HEAD)
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { deployPostgresMigrations } from "./pg-migrate.mjs";
import { databaseProvider, databaseUrl, schemaPath, sqliteFilePath } from "./database.mjs";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const prismaBin = path.join(root, "node_modules", ".bin", "prisma");
const marker = path.join(root, "node_modules", ".prisma", "client", ".provider");

// The CLI reads the schema's datasource url to learn the engine type; without a URL of the
// schema's own provider it falls back to downloading a query engine, which fails offline.
const placeholderUrl = {
  sqlite: `file:${path.join(os.tmpdir(), "fitting-room-placeholder.db")}`,
  postgresql: "postgresql://localhost/placeholder",
};

// `migrate diff` through the JS engine connects to a server even from an empty schema.
function diffUrl(provider) {
  if (provider === "sqlite") return placeholderUrl.sqlite;
  const url = process.env.DATABASE_URL ?? "";
  if (!url.startsWith("postgres")) {
    throw new Error(
      "new PostgreSQL migrations need DATABASE_URL=postgresql://… of a running server",
    );
  }
  return url;
}

function run(args, env = {}) {
  return execFileSync(prismaBin, args, {
    cwd: root,
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", ...env },
  }).toString();
}

export function postgresSchemaText(sqliteText) {
  return sqliteText
    .replace('provider = "sqlite"', 'provider = "postgresql"')
    .replace(
      /^\/\/ The one source[^\n]*\n\/\/ from this file[^\n]*\n/m,
      "// GENERATED from prisma/schema.prisma by scripts/db.mjs (provider swapped). Do not edit.\n",
    );
}

function sync() {
  const text = fs.readFileSync(schemaPath("sqlite"), "utf8");
  fs.mkdirSync(path.dirname(schemaPath("postgresql")), { recursive: true });
  fs.writeFileSync(schemaPath("postgresql"), postgresSchemaText(text));
}

function generate(provider) {
  const current = fs.existsSync(marker) ? fs.readFileSync(marker, "utf8") : "";
  const schemaStamp = `${provider}:${fs.statSync(schemaPath(provider)).mtimeMs}`;
  if (current === schemaStamp && !process.argv.includes("--force")) return;
  run(["generate", "--schema", schemaPath(provider)], { DATABASE_URL: placeholderUrl[provider] });
  fs.writeFileSync(marker, schemaStamp);
}

async function migrate() {
  const url = databaseUrl();
  const provider = databaseProvider(url);
  sync();
  generate(provider);
  if (provider === "sqlite") {
    fs.mkdirSync(path.dirname(sqliteFilePath(url)), { recursive: true });
    run(["migrate", "deploy"], { DATABASE_URL: url });
  } else {
    const migrations = path.join(path.dirname(schemaPath(provider)), "migrations");
    const applied = await deployPostgresMigrations(url, migrations);
    process.stdout.write(`applied ${applied.length} migration(s)\n`);
    // The job engine's schema (graphile_worker): its bundled SQL migrations, no download.
    const { runMigrations, Logger } = await import("graphile-worker");
    await runMigrations({ connectionString: url, logger: new Logger(() => () => {}) });
  }
  process.stdout.write(`database ready (${provider})\n`);
}

function newMigration(name) {
  if (!/^[a-z0-9_]+$/.test(name ?? "")) throw new Error("migration NAME: use a-z, 0-9 and _");
  sync();
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "fr-schema-"));
  for (const provider of ["sqlite", "postgresql"]) {
    const dir = path.dirname(schemaPath(provider));
    const migrationsDir = path.join(dir, "migrations");
    const hasHistory = fs.existsSync(migrationsDir) && fs.readdirSync(migrationsDir).length > 1;
    const from = ["--from-empty"];
    if (hasHistory) {
      const previous = execFileSync("git", ["show", "HEAD:prisma/schema.prisma"], {
        cwd: root,
      }).toString();
      const file = path.join(tmp, `${provider}.prisma`);
      fs.writeFileSync(file, provider === "sqlite" ? previous : postgresSchemaText(previous));
      from.splice(0, 1, "--from-schema-datamodel", file);
    }
    const sql = run(
      ["migrate", "diff", ...from, "--to-schema-datamodel", schemaPath(provider), "--script"],
      { DATABASE_URL: diffUrl(provider) },
    );
    const target = path.join(migrationsDir, `${stamp}_${name}`);
    fs.mkdirSync(target, { recursive: true });
    fs.writeFileSync(path.join(target, "migration.sql"), sql);
    fs.writeFileSync(
      path.join(migrationsDir, "migration_lock.toml"),
      `# Please do not edit this file manually\nprovider = "${provider}"\n`,
    );
    process.stdout.write(`wrote ${path.relative(root, target)}\n`);
  }
}

const [command, arg] = process.argv.slice(2).filter((a) => !a.startsWith("--"));
if (import.meta.url === `file://${process.argv[1]}`) {
  if (!command || command === "migrate") await migrate();
  else if (command === "sync") sync();
  else if (command === "migration") newMigration(arg);
  else throw new Error(`unknown command ${command}`);
}

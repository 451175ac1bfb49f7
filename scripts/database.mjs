// Which database this process uses, decided once from DATABASE_URL. Shared by prisma.config.ts,
// the set-up scripts and the app so the three can never disagree.
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export const DEFAULT_SQLITE_FILE = path.join(root, "data", "fitting-room.db");

export function databaseUrl(env = process.env) {
  return env.DATABASE_URL && env.DATABASE_URL.trim() !== ""
    ? env.DATABASE_URL
    : `file:${DEFAULT_SQLITE_FILE}`;
}

export function databaseProvider(url = databaseUrl()) {
  if (/^postgres(ql)?:\/\//.test(url)) return "postgresql";
  if (url.startsWith("file:")) return "sqlite";
  throw new Error(
    `DATABASE_URL must start with file: or postgresql:// (got ${url.split(":")[0]}:)`,
  );
}

export function schemaPath(provider = databaseProvider()) {
  return provider === "postgresql"
    ? path.join(root, "prisma", "postgres", "schema.prisma")
    : path.join(root, "prisma", "schema.prisma");
}

export function sqliteFilePath(url) {
  return url.replace(/^file:/, "");
}

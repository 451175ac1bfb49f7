import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

// Every test worker gets its own database (epic-stack style): a SQLite file per worker, or with
// TEST_DATABASE_URL=postgresql://… one PostgreSQL database per worker on that server.
const worker = process.env.VITEST_POOL_ID ?? "0";

process.env.NODE_ENV = "test";
process.env.SHOPIFY_API_KEY ??= "test-api-key";
process.env.SHOPIFY_API_SECRET ??= "test-api-secret";
process.env.SHOPIFY_APP_URL ??= "https://fitting-room.test";
process.env.FITTING_ROOM_WORKER = "off";
delete process.env.FITTING_ROOM_SANDBOX_URL;

const base = process.env.TEST_DATABASE_URL;
if (base && /^postgres(ql)?:\/\//.test(base)) {
  const url = new URL(base);
  url.pathname = `/${url.pathname.replace(/^\//, "") || "fitting_room_test"}_w${worker}`;
  process.env.DATABASE_URL = url.toString();
} else {
  // The migrations' names are in the file name: a file left by an earlier run whose process id
  // comes round again must not be mistaken for a database with today's schema.
  const migrations = fs
    .readdirSync(path.resolve(import.meta.dirname, "../../prisma/migrations"))
    .sort()
    .join(",");
  const schema = crypto.createHash("sha1").update(migrations).digest("hex").slice(0, 8);
  process.env.DATABASE_URL = `file:${path.join(os.tmpdir(), `fitting-room-test-${schema}-${process.pid}-w${worker}.db`)}`;
}

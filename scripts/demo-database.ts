import path from "node:path";
import type { PrismaClient } from "@prisma/client";

// The database of a running `npm run demo`, which always keeps its app's rows in data/demo.db
// (scripts/demo.mjs): scripts that drive the demo read its job table to know when the app is done.
export async function demoPrisma(): Promise<PrismaClient> {
  process.env.DATABASE_URL = `file:${path.resolve(import.meta.dirname, "..", "data", "demo.db")}`;
  // Imported only now: the app's client reads DATABASE_URL when it is first loaded.
  return (await import("~/db.server")).default;
}

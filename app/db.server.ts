import { PrismaClient } from "@prisma/client";
import { PrismaPg } from "@prisma/adapter-pg";
import { databaseProvider, databaseUrl } from "../scripts/database.mjs";
import { BusyRetryingLibSQL } from "./platform/sqlite-busy.server";

// One client per process. The provider follows DATABASE_URL (SQLite file by default, PostgreSQL
// for scale-out); the generated client matches it because `npm run setup` generates it so.
export function createPrismaClient(url = databaseUrl()): PrismaClient {
  const adapter =
    databaseProvider(url) === "postgresql"
      ? new PrismaPg({ connectionString: url })
      : new BusyRetryingLibSQL({ url });
  return new PrismaClient({ adapter });
}

declare global {
  var __fittingRoomPrisma: PrismaClient | undefined;
}

// Reused across Remix dev rebuilds, which re-evaluate modules.
const prisma = (globalThis.__fittingRoomPrisma ??= createPrismaClient());

export const isPostgres = databaseProvider(databaseUrl()) === "postgresql";

export default prisma;

import { defineConfig } from "prisma/config";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { PrismaPg } from "@prisma/adapter-pg";
import { databaseProvider, databaseUrl, schemaPath } from "./scripts/database.mjs";

// Prisma 6.19's JS schema engine runs migrations through a driver adapter, so nothing is
// downloaded at install or run time (docs/decisions/0002-database.md).
const url = databaseUrl();
const provider = databaseProvider(url);

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: schemaPath(provider),
  async adapter() {
    return provider === "postgresql"
      ? new PrismaPg({ connectionString: url })
      : new PrismaLibSQL({ url });
  },
});

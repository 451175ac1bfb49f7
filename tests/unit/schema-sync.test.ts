import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { postgresSchemaText } from "../../scripts/db.mjs";
import { COUNTRY_CODES, CURRENCY_CODES } from "~/domain/codes";
import { projectRoot, rawAdminIntrospection } from "../support/operations";

const read = (p: string) => fs.readFileSync(path.join(projectRoot, p), "utf8");
const migrations = (dir: string) =>
  fs
    .readdirSync(path.join(projectRoot, dir))
    .filter((n) => fs.existsSync(path.join(projectRoot, dir, n, "migration.sql")));

describe("the two database providers", () => {
  it("have the same models: the PostgreSQL schema is derived from the SQLite one", () => {
    expect(read("prisma/postgres/schema.prisma")).toBe(
      postgresSchemaText(read("prisma/schema.prisma")),
    );
    expect(read("prisma/postgres/schema.prisma")).toContain('provider = "postgresql"');
  });

  it("have the same migrations, by name", () => {
    expect(migrations("prisma/postgres/migrations")).toEqual(migrations("prisma/migrations"));
    expect(migrations("prisma/migrations").length).toBeGreaterThan(0);
  });
});

describe("ISO codes", () => {
  it("match the CountryCode and CurrencyCode enums of the committed Admin schema", () => {
    const enumValues = (name: string) =>
      (
        rawAdminIntrospection().types.find((t) => t.name === name) as unknown as {
          enumValues: { name: string }[];
        }
      ).enumValues.map((v) => v.name);
    expect([...COUNTRY_CODES]).toEqual(enumValues("CountryCode").filter((c) => c !== "ZZ"));
    expect([...CURRENCY_CODES]).toEqual(enumValues("CurrencyCode").filter((c) => c !== "XXX"));
  });
});

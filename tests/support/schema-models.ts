import fs from "node:fs";
import path from "node:path";

// The Prisma schema's models as the tests need them. The generated client's runtime DMMF carries
// only names and kinds (no defaults, optionality or relation keys), so the schema file is read.

export interface SchemaField {
  name: string;
  type: string;
  optional: boolean;
  list: boolean;
  hasDefault: boolean;
  updatedAt: boolean;
  /** For a relation field: its own key fields and the parent's fields they point at. */
  relation: { from: string[]; to: string[] } | null;
  scalar: boolean;
}

export interface SchemaModel {
  name: string;
  fields: SchemaField[];
}

const SCALARS = new Set([
  "String",
  "Int",
  "BigInt",
  "Float",
  "Decimal",
  "Boolean",
  "DateTime",
  "Json",
  "Bytes",
]);

export function schemaModels(
  file = path.resolve(import.meta.dirname, "../../prisma/schema.prisma"),
): SchemaModel[] {
  const text = fs.readFileSync(file, "utf8");
  const models: SchemaModel[] = [];
  for (const match of text.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)) {
    const fields: SchemaField[] = [];
    for (const raw of match[2]!.split("\n")) {
      const line = raw.replace(/\/\/.*$/, "").trim();
      const parts = /^(\w+)\s+(\w+)(\[\])?(\?)?\s*(.*)$/.exec(line);
      if (!parts || line.startsWith("@@")) continue;
      const [, name, type, list, optional, rest] = parts;
      const relation = /@relation\([^)]*fields:\s*\[([^\]]*)\][^)]*references:\s*\[([^\]]*)\]/.exec(
        rest ?? "",
      );
      const split = (s: string) =>
        s
          .split(",")
          .map((x) => x.trim())
          .filter(Boolean);
      fields.push({
        name: name!,
        type: type!,
        optional: Boolean(optional),
        list: Boolean(list),
        hasDefault: /@default\(/.test(rest ?? ""),
        updatedAt: /@updatedAt/.test(rest ?? ""),
        relation: relation ? { from: split(relation[1]!), to: split(relation[2]!) } : null,
        scalar: SCALARS.has(type!),
      });
    }
    models.push({ name: match[1]!, fields });
  }
  return models;
}

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildClientSchema, type GraphQLSchema, type IntrospectionQuery } from "graphql";

// The real, pinned Admin schema the app's codegen uses: the sandbox executes over it so an
// operation Shopify would reject for its shape is rejected here too.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
export const ADMIN_SCHEMA_FILE = path.join(root, "app/types/admin-2026-10.schema.json");

let cached: GraphQLSchema | null = null;

export function adminSchema(): GraphQLSchema {
  if (!cached) {
    const json = JSON.parse(fs.readFileSync(ADMIN_SCHEMA_FILE, "utf8")) as {
      data: IntrospectionQuery;
    };
    cached = buildClientSchema(json.data);
  }
  return cached;
}

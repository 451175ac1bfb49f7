import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "types" && dir.endsWith("app") ? [] : walk(full);
    return /\.(ts|tsx)$/.test(entry.name) ? [full] : [];
  });
}

/** Every `#graphql` document in the app, with the file it is in. */
export function appGraphqlDocuments(): { file: string; source: string }[] {
  return walk(path.join(root, "app")).flatMap((file) => {
    const text = fs.readFileSync(file, "utf8");
    return [...text.matchAll(/`#graphql([\s\S]*?)`/g)].map((m) => ({
      file: path.relative(root, file),
      source: m[1] ?? "",
    }));
  });
}

export function rawAdminIntrospection(): {
  types: { name: string; fields: { name: string; requiredAccess?: string | null }[] | null }[];
} {
  const json = JSON.parse(
    fs.readFileSync(path.join(root, "app/types/admin-2026-10.schema.json"), "utf8"),
  );
  return json.data.__schema;
}

export const projectRoot = root;

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

/** The app's hand-written sources (generated types left out). */
export function appSourceFiles(): string[] {
  return walk(path.join(root, "app"));
}

/**
 * Every `#graphql` document in the app, with the file it is in and its constant's name, and with
 * the fragments it interpolates (`${SOME_FRAGMENT}`) resolved to their text, as Shopify gets it.
 */
export function appGraphqlDocuments(): { file: string; name: string; source: string }[] {
  const raw = walk(path.join(root, "app")).flatMap((file) => {
    const text = fs.readFileSync(file, "utf8");
    return [...text.matchAll(/export const (\w+) = `#graphql([\s\S]*?)`/g)].map((m) => ({
      file: path.relative(root, file),
      name: m[1] ?? "",
      source: m[2] ?? "",
    }));
  });
  const byName = new Map(raw.map((d) => [d.name, d.source]));
  const resolve = (source: string, depth = 0): string =>
    source.replace(/\$\{(\w+)\}/g, (_, name: string) => {
      const fragment = byName.get(name);
      if (fragment === undefined || depth > 5) throw new Error(`unknown fragment \${${name}}`);
      return resolve(fragment, depth + 1);
    });
  return raw.map((d) => ({ ...d, source: resolve(d.source) }));
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

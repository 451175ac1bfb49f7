import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { describe, expect, it } from "vitest";

// The storefront's budget for every theme app extension: each block's script at most 4 KB
// gzipped, and no script or stylesheet that blocks rendering (scripts are deferred, styles inline).

const root = path.resolve(import.meta.dirname, "../../extensions");
const themes = fs
  .readdirSync(root)
  .filter((d) => fs.existsSync(path.join(root, d, "blocks")))
  .map((d) => path.join(root, d));

describe("theme app extension assets", () => {
  it("has blocks to check", () => {
    expect(themes.length).toBeGreaterThan(0);
  });

  for (const dir of themes) {
    const assets = path.join(dir, "assets");
    for (const file of fs.existsSync(assets) ? fs.readdirSync(assets) : [])
      it(`${path.basename(dir)}/assets/${file} is at most 4 KB gzipped`, () => {
        const gzipped = zlib.gzipSync(fs.readFileSync(path.join(assets, file))).length;
        expect(gzipped).toBeLessThanOrEqual(4096);
      });
    for (const file of fs.readdirSync(path.join(dir, "blocks")))
      it(`${path.basename(dir)}/blocks/${file} loads nothing that blocks rendering`, () => {
        const text = fs.readFileSync(path.join(dir, "blocks", file), "utf8");
        for (const tag of text.match(/<script\b[^>]*>/g) ?? [])
          expect(tag).toMatch(/\sdefer(=|\s|>)|\sasync(=|\s|>)|type="application\/json"/);
        expect(text).not.toMatch(/<link\b[^>]*rel="stylesheet"/);
        expect(text).not.toMatch(/stylesheet_tag/);
      });
  }
});

// Every theme locale says what English says: the same keys and the same {{ placeholders }}, so a
// block never shows a raw key or drops an amount in French.
describe("theme app extension translations", () => {
  const flatten = (o: Record<string, unknown>, prefix = ""): Record<string, string> =>
    Object.entries(o).reduce<Record<string, string>>((all, [k, v]) => {
      const key = prefix ? `${prefix}.${k}` : k;
      return typeof v === "string"
        ? { ...all, [key]: v }
        : { ...all, ...flatten(v as Record<string, unknown>, key) };
    }, {});
  const placeholders = (s: string) =>
    [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

  for (const dir of themes) {
    const locales = path.join(dir, "locales");
    const read = (f: string) =>
      flatten(
        JSON.parse(fs.readFileSync(path.join(locales, f), "utf8")) as Record<string, unknown>,
      );
    const others = fs.readdirSync(locales).filter((f) => f !== "en.default.json");
    it(`${path.basename(dir)} has a French translation`, () => {
      expect(others).toContain("fr.json");
    });
    for (const file of others)
      it(`${path.basename(dir)}/locales/${file} has every English key, with its placeholders`, () => {
        const en = read("en.default.json");
        const other = read(file);
        expect(Object.keys(other).sort()).toEqual(Object.keys(en).sort());
        for (const [key, text] of Object.entries(en)) {
          expect(placeholders(other[key]!), key).toEqual(placeholders(text));
          expect(other[key], key).not.toBe(text);
        }
      });
  }
});

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

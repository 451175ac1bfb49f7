#!/usr/bin/env node
// Prints what each theme app extension block costs a product page: its script (assets/*.js it
// loads, deferred) and its inline CSS, gzipped, against the 4 KB script budget
// (tests/unit/theme-assets.test.ts fails over budget; this prints the figures).
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const extensions = path.join(root, "extensions");
const gz = (text) => zlib.gzipSync(Buffer.from(text)).length;
const rows = [];
for (const ext of fs.readdirSync(extensions)) {
  const blocks = path.join(extensions, ext, "blocks");
  if (!fs.existsSync(blocks)) continue;
  for (const file of fs.readdirSync(blocks).filter((f) => f.endsWith(".liquid"))) {
    const source = fs.readFileSync(path.join(blocks, file), "utf8");
    const scripts = [...source.matchAll(/'([\w-]+\.js)'\s*\|\s*asset_url/g)].map((m) => m[1]);
    const js = scripts.reduce(
      (sum, s) => sum + gz(fs.readFileSync(path.join(extensions, ext, "assets", s), "utf8")),
      0,
    );
    const css = [...source.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join("");
    rows.push({
      block: `${ext}/${file.replace(".liquid", "")}`,
      scripts,
      js,
      css: css ? gz(css) : 0,
    });
  }
}
const width = Math.max(...rows.map((r) => r.block.length));
console.log(`${"block".padEnd(width)}  JS gzip  CSS gzip  scripts`);
for (const r of rows)
  console.log(
    `${r.block.padEnd(width)}  ${String(r.js).padStart(7)}  ${String(r.css).padStart(8)}  ${r.scripts.join(", ") || "(none)"}${r.js > 4096 ? "  OVER 4 KB" : ""}`,
  );
console.log("bytes; budget: 4096 bytes of script per block, no render-blocking request");

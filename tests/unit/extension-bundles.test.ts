import path from "node:path";
import zlib from "node:zlib";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

// Shopify refuses checkout UI extensions over 64 KB compressed (2025-10+). Bundle ours the way
// the CLI does (esbuild, ESM, minified, Preact's automatic JSX) and check the limit; the figure
// is printed so growth is visible in CI logs.

const root = path.resolve(import.meta.dirname, "../..");

describe("checkout UI extension bundle", () => {
  it("stays under Shopify's 64 KB compressed limit", async () => {
    const result = await build({
      entryPoints: [path.join(root, "extensions/trial-checkout-terms/src/Checkout.tsx")],
      bundle: true,
      write: false,
      format: "esm",
      minify: true,
      target: "es2020",
      jsx: "automatic",
      jsxImportSource: "preact",
      logLevel: "silent",
    });
    const code = result.outputFiles[0]!.contents;
    const gzipped = zlib.gzipSync(code).length;
    console.info(`trial-checkout-terms: ${code.length} bytes, ${gzipped} gzipped`);
    expect(gzipped).toBeLessThan(64 * 1024);
    expect(code.length).toBeGreaterThan(1000); // a real bundle, not an empty one
  });
});

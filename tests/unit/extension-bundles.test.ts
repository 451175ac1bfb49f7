import path from "node:path";
import zlib from "node:zlib";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

// Shopify refuses UI extensions over 64 KB compressed (2025-10+). Bundle ours the way
// the CLI does (esbuild, ESM, minified, Preact's automatic JSX) and check the limit; the figure
// is printed so growth is visible in CI logs.

const root = path.resolve(import.meta.dirname, "../..");

// Every Preact UI extension (checkout and customer account alike) is held to the limit.
const UI_EXTENSIONS = [
  "trial-checkout-terms/src/Checkout.tsx",
  "order-status-customer-account/src/OrderStatus.tsx",
];

describe("UI extension bundles", () => {
  it.each(UI_EXTENSIONS)("%s stays under Shopify's 64 KB compressed limit", async (entry) => {
    const result = await build({
      entryPoints: [path.join(root, "extensions", entry)],
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
    console.info(`${entry.split("/")[0]}: ${code.length} bytes, ${gzipped} gzipped`);
    expect(gzipped).toBeLessThan(64 * 1024);
    expect(code.length).toBeGreaterThan(1000); // a real bundle, not an empty one
  });
});

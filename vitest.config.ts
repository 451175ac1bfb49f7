import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "~": path.resolve(import.meta.dirname, "app") } },
  test: {
    include: [
      "tests/**/*.test.{ts,tsx}",
      "app/**/*.test.{ts,tsx}",
      "extensions/*/tests/**/*.test.{ts,tsx}",
    ],
    server: { deps: { inline: ["@shopify/ui-extensions-tester"] } },
    globalSetup: ["tests/setup/global.ts"],
    setupFiles: ["tests/setup/env.ts", "tests/setup/database.ts"],
    pool: "forks",
    reporters: ["default", "./tests/setup/summary-reporter.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

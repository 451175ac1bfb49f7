import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";

export default tseslint.config(
  {
    ignores: [
      "node_modules/**",
      "build/**",
      "public/build/**",
      "app/types/**",
      "extensions/*/dist/**",
      "extensions/*/generated/**",
      "data/**",
      "scripts/*.d.mts",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
    },
  },
  {
    // App code logs through pino with shop and ids; console is for scripts and tests only.
    files: ["app/**/*.{ts,tsx}", "extensions/**/*.{ts,tsx}"],
    rules: { "no-console": "error" },
  },
  {
    // Served to the browser in place of Shopify's App Bridge script: plain ES5-style browser JS.
    files: ["tests/sandbox/admin-shell/**/*.js", "extensions/*/assets/**/*.js"],
    languageOptions: { globals: globals.browser, sourceType: "script" },
    rules: { "@typescript-eslint/no-this-alias": "off" },
  },
  {
    files: ["scripts/**/*.mjs", "bench/**/*.{ts,mjs}", "tests/**/*.{ts,tsx}"],
    languageOptions: { globals: globals.node },
  },
);

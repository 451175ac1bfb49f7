#!/usr/bin/env node
// Extensions run on Shopify's domains and call the app by its full URL, which they cannot read at
// run time: write it into the customer-account extensions from shopify.app.toml's
// `application_url` (the one place it is set; `shopify app config` updates it). Run by setup.
import fs from "node:fs";

const toml = fs.readFileSync("shopify.app.toml", "utf8");
const url = /^application_url\s*=\s*"([^"]+)"/m.exec(toml)?.[1];
if (!url || !/^https:\/\/[^\s/]+/.test(url))
  throw new Error("shopify.app.toml: application_url must be an https URL");
const files = [
  "extensions/returns-customer-account/src/app-url.ts",
  "extensions/order-status-customer-account/src/app-url.ts",
];
const text = `// Written by scripts/extension-app-url.mjs from shopify.app.toml (application_url).\nexport const APP_URL = ${JSON.stringify(url.replace(/\/$/, ""))};\n`;
for (const file of files)
  if (!fs.existsSync(file) || fs.readFileSync(file, "utf8") !== text) fs.writeFileSync(file, text);

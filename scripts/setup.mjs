#!/usr/bin/env node
// `npm run setup`: everything a fresh checkout needs before it can run or test, offline:
// a local .env (if none), typed GraphQL (codegen from the committed schema), the database.
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";

if (!fs.existsSync(".env")) {
  fs.writeFileSync(
    ".env",
    [
      "# Local development values written by `npm run setup`. For a real store use `shopify app dev`.",
      "SHOPIFY_API_KEY=fitting-room-local-client-id",
      `SHOPIFY_API_SECRET=${crypto.randomBytes(24).toString("hex")}`,
      "SHOPIFY_APP_URL=https://localhost:3000",
      "PORT=3000",
      "",
    ].join("\n"),
  );
  console.log("wrote .env with local development values");
}

const run = (cmd, args) => execFileSync(cmd, args, { stdio: "inherit" });
run("node", ["scripts/extension-app-url.mjs"]);
run("npx", ["graphql-codegen"]);
run("npx", ["graphql-codegen", "--project", "trialValidation"]);
run("npx", ["graphql-codegen", "--project", "referralDiscount"]);
run("node", ["scripts/db.mjs"]);

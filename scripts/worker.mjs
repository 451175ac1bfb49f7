#!/usr/bin/env node
// `npm run worker`: the job worker as its own process (app/worker.cli.ts), with .env loaded.
import { spawn } from "node:child_process";
import { loadDotEnv } from "./env.mjs";

loadDotEnv();
const child = spawn("npx", ["tsx", "--tsconfig", "tsconfig.json", "app/worker.cli.ts"], {
  stdio: "inherit",
  env: process.env,
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));

#!/usr/bin/env node
// `npm run worker`: the job worker as its own process (app/worker.cli.ts), with .env loaded.
// TypeScript is loaded in the worker's own process (node --import tsx): no npx and no tsx CLI in
// between, whose signal relay could exit 143 before the worker had finished or released its
// running jobs (SHUTDOWN_GRACE_MS). The exit waits for the worker's own shutdown.
import { spawn } from "node:child_process";
import path from "node:path";
import { loadDotEnv } from "./env.mjs";

loadDotEnv();
const root = path.resolve(import.meta.dirname, "..");
const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "app/worker.cli.ts")], {
  cwd: root,
  stdio: "inherit",
  env: process.env,
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

#!/usr/bin/env node
// `npm run worker`: the job worker as its own process (app/worker.cli.ts), with .env loaded.
// tsx is run by node directly (no npx in between) and the exit waits for the worker's own
// shutdown: it finishes or releases its running jobs (SHUTDOWN_GRACE_MS) before it exits.
import { spawn } from "node:child_process";
import path from "node:path";
import { loadDotEnv } from "./env.mjs";

loadDotEnv();
const root = path.resolve(import.meta.dirname, "..");
const child = spawn(
  process.execPath,
  [
    path.join(root, "node_modules/tsx/dist/cli.mjs"),
    "--tsconfig",
    "tsconfig.json",
    "app/worker.cli.ts",
  ],
  { stdio: "inherit", env: process.env },
);
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

#!/usr/bin/env node
// `npm start`: the production build with the job worker inside (FITTING_ROOM_WORKER=off to
// run it separately with `npm run worker`). Reads .env when present.
import { spawn } from "node:child_process";
import { loadDotEnv } from "./env.mjs";

loadDotEnv();
const child = spawn("npx", ["remix-serve", "./build/index.js"], {
  stdio: "inherit",
  env: process.env,
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));

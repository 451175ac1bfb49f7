#!/usr/bin/env node
// `npm start`: the production build with the job worker inside (FITTING_ROOM_WORKER=off to
// run it separately with `npm run worker`). Reads .env when present. The server runs in this
// process (scripts/serve.mjs), so a SIGTERM reaches the code that stops the worker.
import { loadDotEnv } from "./env.mjs";

loadDotEnv();
await import("./serve.mjs");

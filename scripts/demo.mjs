#!/usr/bin/env node
// `npm run demo`: the app's main job on a fresh machine, offline. Sets up (codegen, SQLite
// database, .env), builds, starts the sandbox (an offline Shopify with the demo store) and the
// app with its job worker against it, installs the app in the demo shop, and prints the URLs.
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { loadDotEnv } from "./env.mjs";

const root = path.resolve(import.meta.dirname, "..");
const appPort = Number(process.env.DEMO_APP_PORT ?? 3000);
const sandboxPort = Number(process.env.DEMO_SANDBOX_PORT ?? 4000);
const shop = "ally-demo.myshopify.com";
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: "inherit" });

// The sandbox starts empty every time, so the demo's app starts with an empty database of its
// own too: a second run must not remember purchase options the new sandbox never had.
const demoDb = path.join(root, "data", "demo.db");
for (const file of [demoDb, `${demoDb}-journal`, `${demoDb}-wal`, `${demoDb}-shm`])
  fs.rmSync(file, { force: true });
process.env.DATABASE_URL = `file:${demoDb}`;

run(process.execPath, ["scripts/setup.mjs"]);
run(process.execPath, ["node_modules/@remix-run/dev/dist/cli.js", "build"]);
loadDotEnv(path.join(root, ".env"));

// Same site as the sandbox (127.0.0.1): the shell frames the app, and a cross-site frame gets no
// sessionStorage in Chromium, which Remix needs for client-side navigation.
const appUrl = `http://127.0.0.1:${appPort}`;
const sandboxUrl = `http://127.0.0.1:${sandboxPort}`;
const children = [];
let stopping = false;
// The app finishes or releases its running jobs and closes its database (scripts/serve.mjs):
// the demo exits once every child has, or after the app's grace period and a margin.
function stopAll(signal, code) {
  if (stopping) return;
  stopping = true;
  const running = children.filter((c) => c.exitCode === null && c.signalCode === null);
  for (const c of running) c.kill(signal);
  setTimeout(() => {
    for (const c of running) c.kill("SIGKILL");
    process.exit(code || 1);
  }, 20_000).unref();
  Promise.all(running.map((c) => new Promise((r) => c.once("exit", r)))).then(() =>
    process.exit(code),
  );
}
function start(name, args, env) {
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ["ignore", "inherit", "inherit"],
  });
  child.on("exit", (code) => {
    if (stopping) return;
    console.error(`${name} exited (${code}); stopping the demo`);
    stopAll("SIGTERM", code ?? 1);
  });
  children.push(child);
}

start("sandbox", ["node_modules/tsx/dist/cli.mjs", "tests/sandbox/main.ts"], {
  SANDBOX_PORT: String(sandboxPort),
  SANDBOX_APP_URL: appUrl,
});
start("app", ["scripts/serve.mjs", "./build/index.js"], {
  NODE_ENV: "production",
  PORT: String(appPort),
  SHOPIFY_APP_URL: `https://localhost:${appPort}`,
  FITTING_ROOM_SANDBOX_URL: sandboxUrl,
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => stopAll(signal, 0));

async function waitFor(url) {
  for (let i = 0; i < 200; i += 1) {
    try {
      const response = await fetch(url, { headers: { "User-Agent": "Mozilla/5.0" } });
      if (response.status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`${url} did not come up`);
}
await waitFor(`${sandboxUrl}/__sandbox/clock`);
await waitFor(`${appUrl}/auth/login`);
const install = await fetch(`${sandboxUrl}/__sandbox/install`, {
  method: "POST",
  body: JSON.stringify({ shop }),
}).then((r) => r.json());

console.log(`
Fitting Room demo is running (offline; Ctrl-C stops it). App installed in ${shop}: HTTP ${install.status}.

  Admin (the app inside a stand-in Shopify admin):  ${sandboxUrl}/admin?shop=${shop}
  Settings:                                          ${sandboxUrl}/admin?shop=${shop}&path=/app/settings
  Trials:                                            ${sandboxUrl}/admin?shop=${shop}&path=/app/trials
  Made-to-order:                                     ${sandboxUrl}/admin?shop=${shop}&path=/app/made-to-order
  Returns:                                           ${sandboxUrl}/admin?shop=${shop}&path=/app/returns
  Referrals:                                         ${sandboxUrl}/admin?shop=${shop}&path=/app/referrals
  Fit (the fit finder's evidence, size imports):     ${sandboxUrl}/admin?shop=${shop}&path=/app/fit
  Storefront product page (trial, delivery, size):   ${sandboxUrl}/store/products/little-black-heels
  Sign in as a demo shopper:                         ${sandboxUrl}/store/account
  Cart and checkout:                                 ${sandboxUrl}/store/cart
  Shopper's keep/return page (app proxy):            ${sandboxUrl}/apps/fitting-room/trial
  Shopper's fit confirmation page (app proxy):       ${sandboxUrl}/apps/fitting-room/fit
  Shopper's return portal (app proxy):               ${sandboxUrl}/apps/fitting-room/returns
  Sandbox control API (see tests/sandbox/README.md): ${sandboxUrl}/__sandbox/state
  The app itself:                                    ${appUrl}
`);

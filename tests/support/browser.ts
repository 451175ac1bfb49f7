import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import bundledChromium from "@sparticuz/chromium";
import { chromium, type Browser, type Page } from "playwright-core";
import { projectRoot } from "./operations";

export const DESKTOP_CHROME =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36";

const DEBIAN_CHROMIUM = "/usr/bin/chromium";

// Keep the browser off the closed network and away from a GPU the machine does not have.
const PROJECT_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

// Of @sparticuz/chromium's serverless flags, these would change what a test sees:
// --single-process closes the browser when a second context opens (each newPage() is one), and
// the other two let pages do what a shopper's Chrome forbids, so a test could pass here and
// fail in the wild.
const REFUSED_BUNDLED_FLAGS = new Set([
  "--single-process",
  "--disable-web-security",
  "--allow-running-insecure-content",
]);

export interface ChromiumChoice {
  executablePath: string;
  args: string[];
  source: "CHROMIUM_PATH" | typeof DEBIAN_CHROMIUM | "@sparticuz/chromium";
}

/**
 * The Chromium to run: CHROMIUM_PATH when set, else Debian's when installed (faster to start,
 * what .ci/run installs), else the one inside the @sparticuz/chromium npm package, so that
 * `npm ci && npm test` needs nothing but npm.
 */
export async function findChromium(): Promise<ChromiumChoice> {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!fs.existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist`);
    return { executablePath: fromEnv, args: PROJECT_FLAGS, source: "CHROMIUM_PATH" };
  }
  if (fs.existsSync(DEBIAN_CHROMIUM))
    return { executablePath: DEBIAN_CHROMIUM, args: PROJECT_FLAGS, source: DEBIAN_CHROMIUM };
  const args = bundledChromium.args.filter((flag) => !REFUSED_BUNDLED_FLAGS.has(flag));
  return {
    executablePath: await unpackBundledChromium(),
    args: [...new Set([...PROJECT_FLAGS, ...args])],
    source: "@sparticuz/chromium",
  };
}

export async function launchBrowser(): Promise<Browser> {
  const { executablePath, args } = await findChromium();
  return chromium.launch({ executablePath, args, headless: true });
}

const BUNDLED_VERSION = (
  JSON.parse(
    fs.readFileSync(
      path.join(projectRoot, "node_modules/@sparticuz/chromium/package.json"),
      "utf8",
    ),
  ) as { version: string }
).version;

/**
 * Unpacks the package's Brotli-compressed Chromium (no network) once per machine and version.
 * The package unpacks into os.tmpdir() and trusts any /tmp/chromium it finds there, whatever
 * its version or however half-written; a directory of our own, a lock against parallel test
 * workers and a mark written last keep a run from starting a binary that is not the whole one.
 */
async function unpackBundledChromium(): Promise<string> {
  const dir = path.join(os.tmpdir(), `fitting-room-chromium-${BUNDLED_VERSION}`);
  const binary = path.join(dir, "chromium");
  const complete = path.join(dir, ".complete");
  if (fs.existsSync(complete)) return binary;
  return withLock(`${dir}.lock`, async () => {
    if (fs.existsSync(complete)) return binary;
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    // The package reads os.tmpdir() synchronously when it starts: point it at our directory
    // for that moment only.
    const previous = process.env.TMPDIR;
    process.env.TMPDIR = dir;
    let unpacking: Promise<string>;
    try {
      unpacking = bundledChromium.executablePath();
    } finally {
      if (previous === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = previous;
    }
    const unpacked = await unpacking;
    if (unpacked !== binary)
      throw new Error(`@sparticuz/chromium unpacked to ${unpacked}, expected ${binary}`);
    fs.writeFileSync(complete, BUNDLED_VERSION);
    return binary;
  });
}

async function withLock<T>(lock: string, work: () => Promise<T>): Promise<T> {
  const start = Date.now();
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    // Unpacking takes seconds: a lock older than two minutes was left by a killed process.
    const age = Date.now() - (fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
    if (age > 120_000) fs.rmSync(lock, { recursive: true, force: true });
    else if (Date.now() - start > 180_000) throw new Error(`still locked: ${lock}`);
    else await new Promise((r) => setTimeout(r, 200));
  }
  try {
    return await work();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

const STAND_IN = fs.readFileSync(
  path.join(projectRoot, "tests/sandbox/admin-shell/app-bridge-stand-in.js"),
  "utf8",
);

/** Serves the App Bridge stand-in for Shopify's CDN script and blocks every other outside host. */
export async function routeShopifyCdn(page: Page): Promise<void> {
  await page.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === "127.0.0.1" || url.hostname === "localhost") return route.continue();
    if (url.pathname.endsWith("/app-bridge.js"))
      return route.fulfill({ contentType: "application/javascript", body: STAND_IN });
    return route.fulfill({ status: 204, body: "" });
  });
}

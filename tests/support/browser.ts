import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { projectRoot } from "./operations";

export const DESKTOP_CHROME =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36";

// Debian's Chromium (installed by .ci/run), flags that keep it off the closed network.
export async function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!fs.existsSync(executablePath))
    throw new Error(`Chromium not found at ${executablePath}: apt-get install -y chromium`);
  return chromium.launch({
    executablePath,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
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

import { chromium } from "playwright-core";

// The browser the walkthrough scripts use: the machine's Chromium, a desktop-sized page, and a
// desktop Chrome user agent (Shopify's library answers "HeadlessChrome", a bot, with 410 Gone).
export async function walkthroughBrowser() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu"],
  });
  const page = await browser.newPage({
    viewport: { width: 1280, height: 900 },
    userAgent:
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36",
  });
  return { browser, page };
}

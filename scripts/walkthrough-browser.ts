import { DESKTOP_CHROME, launchBrowser } from "../tests/support/browser";

// The browser the walkthrough scripts use: the tests' Chromium (CHROMIUM_PATH, Debian's, or the
// one inside @sparticuz/chromium), a desktop-sized page, and a desktop Chrome user agent
// (Shopify's library answers "HeadlessChrome", a bot, with 410 Gone).
export async function walkthroughBrowser() {
  const browser = await launchBrowser();
  const page = await browser.newPage({
    viewport: { width: 1280, height: 900 },
    userAgent: DESKTOP_CHROME,
  });
  return { browser, page };
}

// Screenshots of a walk through the running demo (`npm run demo`), for notes and reviews:
// admin shell (Overview, Settings, Trials, a trial), storefront product page with the app block,
// the shopper's keep/return page. Usage: npx tsx scripts/walkthrough.ts [outDir] [sandboxUrl]
import fs from "node:fs";
import path from "node:path";
import { walkthroughBrowser } from "./walkthrough-browser";

const outDir = path.resolve(process.argv[2] ?? "walkthrough");
const sandbox = process.argv[3] ?? "http://127.0.0.1:4000";
const shop = "ally-demo.myshopify.com";
fs.mkdirSync(outDir, { recursive: true });

const { browser, page } = await walkthroughBrowser();
async function shot(name: string, url: string, waitFor: string) {
  await page.goto(url);
  const frame = page.frameLocator("iframe").first();
  const inFrame = url.includes("/admin?");
  await (inFrame ? frame.getByText(waitFor).last() : page.getByText(waitFor).last()).waitFor({
    timeout: 30_000,
  });
  await page.waitForTimeout(500);
  await page.screenshot({ path: path.join(outDir, `${name}.png`), fullPage: true });
  console.log(`${name}.png  ${url}`);
}

const state = (await (await fetch(`${sandbox}/__sandbox/state`)).json()) as {
  orders: { id: string; name: string }[];
};
await shot("1-overview", `${sandbox}/admin?shop=${shop}`, "to collect this week");
await shot(
  "2-settings-trial",
  `${sandbox}/admin?shop=${shop}&path=/app/settings/trial`,
  "At-home trial",
);
await shot("3-trials", `${sandbox}/admin?shop=${shop}&path=/app/trials`, "Trial day");
if (state.orders.length > 0) {
  // The first trial's page: timeline, money movements, actions.
  await page.frameLocator("iframe").first().getByText(state.orders[0]!.name).last().click();
  const frame = page.frameLocator("iframe").first();
  await frame.getByText("Timeline").last().waitFor({ timeout: 30_000 });
  await page.waitForTimeout(500);
  await page.screenshot({ path: path.join(outDir, "3b-trial.png"), fullPage: true });
  console.log("3b-trial.png  (a trial's page)");
}
await page.goto(`${sandbox}/store/account?email=olivia%40example.com`);
await shot("4-product-page", `${sandbox}/store/products/little-black-heels`, "Try at home");
await shot("5-keep-return", `${sandbox}/apps/fitting-room/trial`, "Your home trial");
if (state.orders.length > 0)
  console.log(`orders in the demo: ${state.orders.map((o) => o.name).join(", ")}`);
await browser.close();

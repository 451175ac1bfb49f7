// Made-to-order through the running demo (`npm run demo`), in a browser, with screenshots: a
// sold-out size on the product page with its ship date, the order, the fitting pair shipped and
// delivered, the fit confirmed on the storefront page, the Made-to-order queue and the case.
// Prints the sandbox ledger for the order. Usage: npx tsx scripts/mto-walkthrough.ts [outDir]
import fs from "node:fs";
import path from "node:path";
import { advanceSandboxClock, waitForDueWork } from "../tests/support/due-work";
import { demoPrisma } from "./demo-database";
import { walkthroughBrowser } from "./walkthrough-browser";

const outDir = path.resolve(process.argv[2] ?? "walkthrough");
const sandbox = process.argv[3] ?? "http://127.0.0.1:4000";
const shop = "ally-demo.myshopify.com";
fs.mkdirSync(outDir, { recursive: true });
const control = async (route: string, body?: unknown) =>
  (await (
    await fetch(
      `${sandbox}/__sandbox${route}`,
      body ? { method: "POST", body: JSON.stringify(body) } : {},
    )
  ).json()) as Record<string, unknown>;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
// The demo app's job table tells when it has done what a step set off (never a fixed sleep).
const prisma = await demoPrisma();

const { browser, page } = await walkthroughBrowser();
const shot = async (name: string) => {
  await page.waitForTimeout(500);
  await page.screenshot({ path: path.join(outDir, `${name}.png`), fullPage: true });
  console.log(`${name}.png`);
};

await page.goto(`${sandbox}/store/account?email=olivia%40example.com`);
await page.goto(`${sandbox}/store/products/little-black-heels`);
await page.locator("label", { hasText: "10 Extra Wide" }).first().click();
const date = page.locator("[data-fr-mto-date][data-ship-date]");
await date.waitFor({ timeout: 30_000 });
console.log(
  `product page: "${await date.textContent()}" (${await date.getAttribute("data-ship-date")})`,
);
await page.locator("[data-fitting-room-mto]").scrollIntoViewIfNeeded();
await shot("6-made-to-order-product-page");
await page.getByRole("button", { name: "Order made to order" }).click();
await page.getByRole("button", { name: "Place order" }).click();
const orderGid = (await page.locator("[data-order-id]").textContent())!.trim();
const id = orderGid.split("/").pop();
console.log(`order ${(await page.locator("[data-order-name]").textContent())!.trim()} ${orderGid}`);

// The app holds the pair and adds the fitting pair; then the warehouse ships what it can.
for (let i = 0; ; i += 1) {
  const order = (await control(`/orders/${id}`)) as { lines?: unknown[] };
  if ((order.lines ?? []).length > 1) break;
  if (i === 120) throw new Error(`the app added no fitting pair to ${orderGid} in 60 s`);
  await sleep(500);
}
await control(`/orders/${id}/fulfil`, {});
await control(`/orders/${id}/deliver`, {});
await advanceSandboxClock(sandbox, prisma, { days: 2 });

await page.goto(`${sandbox}/apps/fitting-room/fit`);
await page.getByRole("button", { name: "Confirm my size" }).first().waitFor();
await shot("7-fit-confirmation");
await page.getByRole("button", { name: "Confirm my size" }).first().click();
const result = page.locator("[data-result]");
await result.waitFor();
console.log(`fit page: "${await result.textContent()}"`);
await waitForDueWork(sandbox, prisma);

await page.goto(
  `${sandbox}/admin?shop=${shop}&path=${encodeURIComponent("/app/made-to-order?queue=in_production")}`,
);
const frame = page.frameLocator("iframe").first();
await frame.getByText("In production").last().waitFor({ timeout: 30_000 });
await shot("8-made-to-order-queue");
await frame.locator("[data-ship-date]").last().click();
await frame.getByText("Timeline").last().waitFor({ timeout: 30_000 });
await shot("8b-made-to-order-case");

const ledger = (await (await fetch(`${sandbox}/__sandbox/ledger`)).json()) as {
  kind: string;
  orderGid?: string;
  details?: Record<string, unknown>;
}[];
console.log("ledger for the order:");
for (const e of ledger.filter((e) => e.orderGid === orderGid))
  console.log(`  ${e.kind} ${JSON.stringify(e.details ?? {}).slice(0, 140)}`);
await browser.close();
await prisma.$disconnect();

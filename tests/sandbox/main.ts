// The sandbox as a process: `npx tsx tests/sandbox/main.ts` (started by `npm run demo`).
// Env: SANDBOX_PORT (4000), SANDBOX_APP_URL (where the app runs, for webhooks, the admin shell
// and the app proxy), SHOPIFY_API_KEY / SHOPIFY_API_SECRET (the app's credentials), SCOPES.
import { createSandbox, startSandboxServer } from "./server";
import { DEMO_SHOP, seedDemoStore } from "./seed";

const port = Number(process.env.SANDBOX_PORT ?? 4000);
const sandbox = createSandbox({
  apiKey: process.env.SHOPIFY_API_KEY ?? "sandbox-api-key",
  apiSecret: process.env.SHOPIFY_API_SECRET ?? "sandbox-api-secret",
  scopes: process.env.SCOPES ?? "",
  appUrl: process.env.SANDBOX_APP_URL ?? null,
  publicUrl: `http://127.0.0.1:${port}`,
});
seedDemoStore(sandbox.store, DEMO_SHOP);
const server = await startSandboxServer(sandbox, port);
process.stdout.write(`sandbox listening on ${server.url} (shop ${DEMO_SHOP})\n`);
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.once(signal, () => void server.close().then(() => process.exit(0)));

import { afterAll, beforeAll, beforeEach } from "vitest";
import { installSandboxRouting } from "~/lib/sandbox-routing.server";
import { startSandboxServer } from "../sandbox/server";
import { SandboxStore } from "../sandbox/store";

/**
 * Starts the offline Shopify for this test file and routes the app's Admin API calls to it,
 * exactly as FITTING_ROOM_SANDBOX_URL does for the demo. The store is fresh for every test.
 */
export function startSandbox() {
  const context = { store: new SandboxStore(), url: "" };
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const server = await startSandboxServer(context.store);
    context.url = server.url;
    close = server.close;
    installSandboxRouting({ FITTING_ROOM_SANDBOX_URL: server.url });
  });
  beforeEach(() => {
    context.store.shops.clear();
    context.store.ledger.length = 0;
  });
  afterAll(async () => close?.());
  return context;
}

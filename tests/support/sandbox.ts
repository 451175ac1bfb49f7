import { afterAll, beforeAll, beforeEach } from "vitest";
import { installSandboxRouting } from "~/platform/sandbox-routing.server";
import { resetClock } from "~/platform/clock.server";
import { createSandbox, startSandboxServer, type Sandbox } from "../sandbox/server";
import { SandboxStore } from "../sandbox/store";

/**
 * Starts the offline Shopify for this test file (with the test app's credentials) and routes
 * the app's Admin API calls to it, exactly as FITTING_ROOM_SANDBOX_URL does for the demo. The
 * store is fresh for every test. Pass `appUrl` to have it send webhooks to a running app.
 */
export function startSandbox(options: { appUrl?: () => string | null } = {}) {
  const store = new SandboxStore();
  const context: { store: SandboxStore; url: string; sandbox: Sandbox } = {
    store,
    url: "",
    sandbox: createSandbox(
      {
        apiKey: process.env.SHOPIFY_API_KEY,
        apiSecret: process.env.SHOPIFY_API_SECRET,
        appUrl: null,
      },
      store,
    ),
  };
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const server = await startSandboxServer(context.sandbox);
    context.url = server.url;
    close = server.close;
    installSandboxRouting({ FITTING_ROOM_SANDBOX_URL: server.url });
  });
  beforeEach(() => {
    store.reset();
    context.sandbox.outbox.deliveries = [];
    const appUrl = options.appUrl?.() ?? null;
    context.sandbox.config.appUrl = appUrl;
    context.sandbox.outbox.configure(
      appUrl
        ? { appUrl, apiSecret: context.sandbox.config.apiSecret, apiVersion: "2026-10" }
        : null,
    );
  });
  afterAll(async () => {
    resetClock();
    await close?.();
  });
  return context;
}

import { describe, expect, it } from "vitest";
import {
  allowSandboxAdminFrame,
  installSandboxRouting,
  sandboxUrl,
} from "~/platform/sandbox-routing.server";
import { loader as appLoader } from "~/routes/app";
import { installShop, adminRequest } from "../support/shopify";

// Production has no FITTING_ROOM_SANDBOX_URL: nothing of the sandbox may be reachable or enabled.
describe("without FITTING_ROOM_SANDBOX_URL", () => {
  it("installs no routing and loads no App Bridge stand-in", async () => {
    expect(process.env.FITTING_ROOM_SANDBOX_URL).toBeUndefined();
    expect(sandboxUrl()).toBeNull();
    expect(installSandboxRouting({})).toBe(false);
    await installShop(null, "demo-shoes.myshopify.com");
    const response = await appLoader({
      request: adminRequest("demo-shoes.myshopify.com", "/app"),
      params: {},
      context: {},
    });
    expect(await response.json()).toMatchObject({ sandboxAppBridge: null });
  });

  it("leaves Shopify's frame-ancestors policy untouched (and extends it only in sandbox mode)", () => {
    const policy = "frame-ancestors https://demo-shoes.myshopify.com https://admin.shopify.com;";
    const production = new Headers({ "Content-Security-Policy": policy });
    allowSandboxAdminFrame(production);
    expect(production.get("Content-Security-Policy")).toBe(policy);
    const sandboxed = new Headers({ "Content-Security-Policy": policy });
    allowSandboxAdminFrame(sandboxed, { FITTING_ROOM_SANDBOX_URL: "http://127.0.0.1:4000" });
    expect(sandboxed.get("Content-Security-Policy")).toBe(
      `frame-ancestors http://127.0.0.1:4000 https://demo-shoes.myshopify.com https://admin.shopify.com;`,
    );
  });
});

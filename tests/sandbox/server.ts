import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { executeAdmin, type GraphqlRequestBody } from "./admin/executor";
import { exchangeToken, mintSessionToken, type AppCredentials } from "./auth";
import { handleControl } from "./control";
import { Lifecycle } from "./lifecycle";
import { adminShellHtml } from "./shell";
import { forwardAppProxy, renderStorefront } from "./storefront";
import { cartDrop, handleCart } from "./storefront-cart";
import { SandboxStore } from "./store";
import { Outbox } from "./webhooks";

// The offline Shopify. One HTTP server:
//   /admin/api/2026-10/graphql.json   Admin GraphQL (shop in X-Sandbox-Shop, set by the app's routing)
//   /admin/oauth/access_token         token exchange
//   /admin?shop=…                     admin shell framing the app
//   /cdn/app-bridge.js                App Bridge stand-in
//   /store/…, /apps/fitting-room/…    storefront and app proxy
//   /__sandbox/…                      control API (tests/sandbox/README.md)

export const SANDBOX_API_VERSION = "2026-10";
const ADMIN_GRAPHQL = /^\/admin\/api\/(\d{4}-\d{2})\/graphql\.json$/;
const STAND_IN = path.join(import.meta.dirname, "admin-shell/app-bridge-stand-in.js");

export interface SandboxConfig extends AppCredentials {
  appUrl: string | null;
  publicUrl: string;
}

export interface Sandbox {
  store: SandboxStore;
  outbox: Outbox;
  lifecycle: Lifecycle;
  config: SandboxConfig;
  handle: (request: Request) => Promise<Response>;
  install: (shop: string) => Promise<{ shop: string; status: number }>;
}

export function createSandbox(
  config: Partial<SandboxConfig> = {},
  store = new SandboxStore(),
): Sandbox {
  const full: SandboxConfig = {
    apiKey: config.apiKey ?? "sandbox-api-key",
    apiSecret: config.apiSecret ?? "sandbox-api-secret",
    scopes: config.scopes ?? "",
    appUrl: config.appUrl ?? null,
    publicUrl: config.publicUrl ?? "http://127.0.0.1:4000",
  };
  const outbox = new Outbox(
    store,
    full.appUrl
      ? { appUrl: full.appUrl, apiSecret: full.apiSecret, apiVersion: SANDBOX_API_VERSION }
      : null,
  );
  // Webhooks the app's Admin calls cause use the shop's delivery mode (POST /webhooks/mode).
  store.emit = (shop, topic, payload, mode) =>
    outbox.emit(shop, topic, payload, mode ?? store.shops.get(shop)?.webhookMode ?? "normal");
  const sandbox: Sandbox = {
    store,
    outbox,
    lifecycle: new Lifecycle(store, outbox),
    config: full,
    handle: (request) => handleSandboxRequest(sandbox, request),
    // What opening the app from the admin does: the app exchanges the session token for an
    // offline access token and records the install.
    install: async (shop) => {
      if (!full.appUrl) return { shop, status: 0 };
      const token = mintSessionToken(shop, full, Date.now());
      const host = Buffer.from(
        `admin.shopify.com/store/${shop.replace(".myshopify.com", "")}`,
      ).toString("base64url");
      const response = await fetch(
        `${full.appUrl}/app?shop=${shop}&host=${host}&embedded=1&id_token=${token}`,
        {
          headers: { "User-Agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0 Safari/537.36" },
        },
      );
      await response.arrayBuffer();
      return { shop, status: response.status };
    },
  };
  return sandbox;
}

function customerFromCookie(request: Request): string | null {
  const match = /(?:^|;\s*)sandbox_customer=(\d+)/.exec(request.headers.get("cookie") ?? "");
  return match?.[1] ?? null;
}

export async function handleSandboxRequest(sandbox: Sandbox, request: Request): Promise<Response> {
  const { store, config } = sandbox;
  const url = new URL(request.url);
  const shopHeader = request.headers.get("x-sandbox-shop") ?? "";

  const graphql = ADMIN_GRAPHQL.exec(url.pathname);
  if (graphql && request.method === "POST") {
    const shop = store.shops.get(shopHeader);
    if (!shop) return Response.json({ errors: `Unavailable Shop: ${shopHeader}` }, { status: 404 });
    if (!shop.accessTokens.has(request.headers.get("x-shopify-access-token") ?? "")) {
      return Response.json(
        { errors: "[API] Invalid API key or access token (unrecognized login or wrong password)" },
        { status: 401 },
      );
    }
    if (graphql[1] !== SANDBOX_API_VERSION) {
      return Response.json(
        { errors: `sandbox serves API version ${SANDBOX_API_VERSION} only, not ${graphql[1]}` },
        { status: 404 },
      );
    }
    if (shop.faults.serverErrors > 0) {
      shop.faults.serverErrors -= 1;
      return new Response("Bad Gateway", { status: 502 });
    }
    const result = await executeAdmin(
      store,
      shopHeader,
      (await request.json()) as GraphqlRequestBody,
    );
    // The call took effect but its answer never reached the app (a timeout, a crash): the app
    // must find out from Shopify's state, not by doing it again.
    if (shop.faults.lostResponses > 0) {
      shop.faults.lostResponses -= 1;
      return new Response("Gateway Timeout", { status: 504 });
    }
    return Response.json(result);
  }
  if (url.pathname === "/admin/oauth/access_token" && request.method === "POST") {
    const result = exchangeToken(
      store,
      shopHeader,
      (await request.json()) as Record<string, unknown>,
      config,
    );
    return Response.json(result.body, { status: result.status });
  }
  if (url.pathname === "/admin" && request.method === "GET") {
    const shop = url.searchParams.get("shop") ?? [...store.shops.keys()][0] ?? "";
    if (!config.appUrl)
      return new Response("The sandbox was started without an app URL", { status: 503 });
    const html = adminShellHtml({
      shop,
      appUrl: config.appUrl,
      sandboxUrl: config.publicUrl,
      path: url.searchParams.get("path") ?? "/app",
    });
    return new Response(html, { headers: { "Content-Type": "text/html; charset=utf-8" } });
  }
  if (url.pathname === "/cdn/app-bridge.js") {
    const prelude = `window.__FITTING_ROOM_SHELL__ = ${JSON.stringify({ tokenUrl: `${config.publicUrl}/__sandbox/session-token` })};\n`;
    return new Response(prelude + fs.readFileSync(STAND_IN, "utf8"), {
      headers: { "Content-Type": "application/javascript", "Access-Control-Allow-Origin": "*" },
    });
  }
  if (url.pathname.startsWith("/__sandbox")) return handleControl(sandbox, request, url.pathname);

  const storefrontShop = [...store.shops.values()][0];
  if (storefrontShop && url.pathname.startsWith("/apps/fitting-room")) {
    if (!config.appUrl)
      return new Response("The sandbox was started without an app URL", { status: 503 });
    return forwardAppProxy(request, {
      shop: storefrontShop.domain,
      appUrl: config.appUrl,
      apiSecret: config.apiSecret,
      customerId: customerFromCookie(request),
      nowMs: Date.now(), // signatures carry real time: Shopify libraries reject stale timestamps
    });
  }
  if (storefrontShop && url.pathname === "/store/account") {
    const email = url.searchParams.get("email");
    const customer = storefrontShop.customers.find((c) => c.email === email);
    if (customer)
      return new Response(null, {
        status: 302,
        headers: {
          Location: "/store",
          "Set-Cookie": `sandbox_customer=${customer.legacyId}; Path=/`,
        },
      });
    const list = storefrontShop.customers
      .map(
        (c) =>
          `<li><a href="/store/account?email=${encodeURIComponent(c.email)}">${c.firstName} ${c.lastName} (${c.country})</a></li>`,
      )
      .join("");
    return new Response(`<!doctype html><h1>Sign in as</h1><ul>${list}</ul>`, {
      headers: { "Content-Type": "text/html; charset=utf-8" },
    });
  }
  if (url.pathname.startsWith("/extension-assets/")) {
    const file = path.basename(url.pathname);
    const extensions = path.resolve(import.meta.dirname, "../../extensions");
    for (const ext of fs.existsSync(extensions) ? fs.readdirSync(extensions) : []) {
      const asset = path.join(extensions, ext, "assets", file);
      if (fs.existsSync(asset))
        return new Response(fs.readFileSync(asset), {
          headers: { "Content-Type": file.endsWith(".js") ? "text/javascript" : "text/css" },
        });
    }
    return new Response("Not found", { status: 404 });
  }
  if (
    storefrontShop &&
    (url.pathname.startsWith("/store/c") || url.pathname.startsWith("/store/discount/"))
  ) {
    const customerId = customerFromCookie(request);
    const email = storefrontShop.customers.find((c) => c.legacyId === customerId)?.email ?? null;
    const cart = await handleCart(request, storefrontShop, sandbox.lifecycle, email);
    if (cart) return cart;
  }
  if (storefrontShop && url.pathname === "/localization" && request.method === "POST") {
    // Shopify's localization form: the country chosen stays chosen, back to return_to.
    const form = new URLSearchParams(await request.text());
    const code = form.get("country_code")?.toUpperCase() ?? "";
    const back = form.get("return_to") ?? "/store";
    if (form.get("form_type") !== "localization" || !/^[A-Z]{2}$/.test(code))
      return new Response("not a localization form", { status: 422 });
    return new Response(null, {
      status: 302,
      headers: {
        Location: back.startsWith("/") && !back.startsWith("//") ? back : "/store",
        "Set-Cookie": `sandbox_country=${code}; Path=/`,
      },
    });
  }
  if (storefrontShop && url.pathname.startsWith("/store")) {
    const chosen = /(?:^|;\s*)sandbox_country=([A-Z]{2})/.exec(request.headers.get("cookie") ?? "");
    const country = chosen?.[1] ?? null;
    const page = await renderStorefront(
      store,
      storefrontShop,
      url.pathname,
      customerFromCookie(request),
      country,
      cartDrop(request),
    );
    return new Response(page.html, {
      status: page.status,
      headers: { "Content-Type": "text/html; charset=utf-8" },
    });
  }
  return Response.json(
    { error: `not simulated: ${request.method} ${url.pathname}` },
    { status: 404 },
  );
}

/** Serves a sandbox over HTTP on loopback; `port` 0 picks a free one. */
export async function startSandboxServer(
  sandboxOrStore: Sandbox | SandboxStore,
  port = 0,
): Promise<{ url: string; sandbox: Sandbox; close: () => Promise<void> }> {
  const sandbox =
    sandboxOrStore instanceof SandboxStore ? createSandbox({}, sandboxOrStore) : sandboxOrStore;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers))
        if (typeof v === "string") headers.set(k, v);
      const request = new Request(`http://${req.headers.host ?? "localhost"}${req.url ?? "/"}`, {
        method: req.method,
        headers,
        body: req.method === "GET" || req.method === "HEAD" ? undefined : Buffer.concat(chunks),
      });
      sandbox
        .handle(request)
        .then(async (response) => {
          const out: Record<string, string | string[]> = {};
          response.headers.forEach((value, key) => (out[key] = value));
          const cookies = response.headers.getSetCookie();
          if (cookies.length) out["set-cookie"] = cookies;
          res.writeHead(response.status, out);
          res.end(Buffer.from(await response.arrayBuffer()));
        })
        .catch((error: unknown) => {
          res.writeHead(500, { "content-type": "application/json" });
          res.end(JSON.stringify({ error: String(error) }));
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const address = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${address.port}`;
  if (sandbox.config.publicUrl === "http://127.0.0.1:4000" && address.port !== 4000)
    sandbox.config.publicUrl = url;
  sandbox.outbox.start();
  return {
    url,
    sandbox,
    close: () =>
      new Promise<void>((resolve) => {
        sandbox.outbox.stop();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

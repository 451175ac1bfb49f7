import http from "node:http";
import type { AddressInfo } from "node:net";
import { executeAdmin, type GraphqlRequestBody } from "./admin/executor";
import { type SandboxStore } from "./store";

// The sandbox over HTTP: https://<shop>.myshopify.com/admin/api/<version>/graphql.json reaches
// it as /admin/api/<version>/graphql.json with the shop in X-Sandbox-Shop (set by the app's
// sandbox routing), authenticated by the access token the shop issued.

const ADMIN_GRAPHQL = /^\/admin\/api\/(\d{4}-\d{2})\/graphql\.json$/;
export const SANDBOX_API_VERSION = "2026-10";

export async function handleSandboxRequest(
  store: SandboxStore,
  request: Request,
): Promise<Response> {
  const url = new URL(request.url);
  const match = ADMIN_GRAPHQL.exec(url.pathname);
  if (match && request.method === "POST") {
    const shopDomain = request.headers.get("x-sandbox-shop") ?? "";
    const shop = store.shops.get(shopDomain);
    if (!shop) return Response.json({ errors: `Unavailable Shop: ${shopDomain}` }, { status: 404 });
    const token = request.headers.get("x-shopify-access-token") ?? "";
    if (!shop.accessTokens.has(token)) {
      return Response.json(
        { errors: "[API] Invalid API key or access token (unrecognized login or wrong password)" },
        { status: 401 },
      );
    }
    if (match[1] !== SANDBOX_API_VERSION) {
      return Response.json(
        { errors: `sandbox serves API version ${SANDBOX_API_VERSION} only, not ${match[1]}` },
        { status: 404 },
      );
    }
    const body = (await request.json()) as GraphqlRequestBody;
    return Response.json(await executeAdmin(store, shopDomain, body));
  }
  return Response.json(
    { error: `not simulated: ${request.method} ${url.pathname}` },
    { status: 404 },
  );
}

export async function startSandboxServer(
  store: SandboxStore,
  port = 0,
): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers))
        if (typeof v === "string") headers.set(k, v);
      const request = new Request(`http://localhost${req.url ?? "/"}`, {
        method: req.method,
        headers,
        body: req.method === "GET" || req.method === "HEAD" ? undefined : Buffer.concat(chunks),
      });
      handleSandboxRequest(store, request)
        .then(async (response) => {
          res.writeHead(response.status, Object.fromEntries(response.headers));
          res.end(Buffer.from(await response.arrayBuffer()));
        })
        .catch((error: unknown) => {
          res.writeHead(500, { "content-type": "application/json" });
          res.end(JSON.stringify({ errors: String(error) }));
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

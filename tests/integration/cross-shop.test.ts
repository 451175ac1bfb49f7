/// <reference types="vite/client" />
import crypto, { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { proxyRequest } from "../support/proxy";
import { adminRequest, installShop, sessionToken } from "../support/shopify";
import { startSandbox } from "../support/sandbox";
import { schemaModels, type SchemaField } from "../support/schema-models";

// Every route of the app (admin pages and their actions, storefront proxy pages, the customer
// account API, and any route added later: they are found by glob) called as shop B with shop A's
// ids: an id route answers 404, no answer carries anything of shop A, and shop A's rows are
// exactly as they were. Shop A has one row in every table, filled from the schema itself, so a
// new model is covered without editing this test.

const A = "shop-a.myshopify.com";
const B = "shop-b.myshopify.com";
const SECRET = "A-SECRET";
const context = startSandbox();

type Row = Record<string, unknown>;
const MODELS = schemaModels();
let gidSerial = 987650000;

function scalarFor(model: string, field: SchemaField): unknown {
  if (field.name === "shop") return A;
  if (model === "Shop" && field.name === "domain") return A;
  switch (field.type) {
    case "String":
      // Ids in Shopify's shape, so routes that check the shape go on to look them up.
      return field.name.endsWith("Gid")
        ? `gid://shopify/${field.name[0]!.toUpperCase()}${field.name.slice(1, -3)}/${gidSerial++}`
        : `${SECRET}-${model}-${field.name}`;
    case "Int":
      return 1;
    case "BigInt":
      return 1n;
    case "Float":
    case "Decimal":
      return 1;
    case "Boolean":
      return false;
    case "DateTime":
      return new Date("2026-11-01T12:00:00Z");
    case "Json":
      return {};
    default:
      throw new Error(`no test value for ${model}.${field.name}: ${field.type}`);
  }
}

const seeding = new Set<string>();

async function seedRow(name: string, seeded: Map<string, Row>): Promise<Row> {
  const known = seeded.get(name);
  if (known) return known;
  const model = MODELS.find((m) => m.name === name)!;
  const data: Row = {};
  seeding.add(name);
  for (const field of model.fields) {
    if (!field.relation) continue;
    if (seeding.has(field.type)) {
      // A relation back to a row being made: leave the optional link empty.
      for (const from of field.relation.from) data[from] = null;
      continue;
    }
    const parent = await seedRow(field.type, seeded);
    field.relation.from.forEach((from, i) => {
      data[from] = parent[field.relation!.to[i]!];
    });
  }
  for (const field of model.fields) {
    if (!field.scalar || field.name in data || field.updatedAt) continue;
    // Generated ids and defaulted numbers, flags and dates are left to the schema; every text
    // gets shop A's marker, so a leak of any column shows in an answer.
    if (field.hasDefault && (field.name === "id" || field.type !== "String")) continue;
    data[field.name] = scalarFor(name, field);
  }
  const delegate = (
    prisma as unknown as Record<string, { create(a: { data: Row }): Promise<Row> }>
  )[name[0]!.toLowerCase() + name.slice(1)]!;
  const row = await delegate.create({ data }).catch((error: unknown) => {
    throw new Error(`seeding ${name} ${JSON.stringify(data)}: ${String(error)}`);
  });
  seeded.set(name, row);
  seeding.delete(name);
  return row;
}

async function seedShopA(): Promise<Map<string, Row>> {
  const seeded = new Map<string, Row>();
  for (const model of MODELS) await seedRow(model.name, seeded);
  return seeded;
}

/** Every row of every table that belongs to shop A (or to its rows), for the before/after check. */
async function shopAState(): Promise<string> {
  const dump: Record<string, unknown> = {};
  for (const model of MODELS) {
    const delegate = (prisma as unknown as Record<string, { findMany(): Promise<Row[]> }>)[
      model.name[0]!.toLowerCase() + model.name.slice(1)
    ]!;
    dump[model.name] = (await delegate.findMany()).filter((row) =>
      JSON.stringify(row, (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v)).match(
        /A-SECRET|shop-a\.myshopify|98765\d{4}/,
      ),
    );
  }
  return JSON.stringify(dump, (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v));
}

type RouteModule = {
  loader?: (args: { request: Request; params: Record<string, string>; context: object }) => unknown;
  action?: (args: { request: Request; params: Record<string, string>; context: object }) => unknown;
};
const ROUTES = import.meta.glob<RouteModule>("../../app/routes/*.tsx", { eager: true });

/** Which of shop A's rows an id in a route's path names. A new id route must be added here. */
const PARAM_ROWS: Record<string, (rows: Map<string, Row>) => string> = {
  "app.trials.$id": (r) => String(r.get("Trial")!.id),
  "app.made-to-order.$id": (r) => String(r.get("MtoCase")!.id),
  "app.returns.$id": (r) => String(r.get("ReturnCase")!.id),
  "app.referrals.$id": (r) => String(r.get("ReferralCase")!.id),
  "proxy.returns.$id": (r) => String(r.get("ReturnCase")!.id),
  "proxy.r.$code": (r) => String(r.get("ReferralCode")!.code),
  // Settings sections are the shop's own, by name: B sees B's.
  "app.settings.$section": () => "returns",
};

/** Form fields naming shop A's rows, for actions that take their ids in the body. */
function foreignFields(rows: Map<string, Row>): Record<string, string> {
  const fields: Record<string, string> = { action: "approve" };
  for (const [model, row] of rows) {
    fields[`${model[0]!.toLowerCase()}${model.slice(1)}Id`] = String(row.id ?? "");
    for (const [key, value] of Object.entries(row))
      if (key.endsWith("Gid") && typeof value === "string") fields[key] = value;
  }
  for (const key of ["id", "caseId", "referrerId", "codeId", "trialId", "lineId"])
    fields[key] ??= String(rows.get("ReturnCase")!.id);
  return fields;
}

function pathOf(file: string, rows: Map<string, Row>): { name: string; path: string } {
  const name = file.replace(/^.*\/routes\//, "").replace(/\.tsx$/, "");
  const segments = name.split(".").map((segment) => {
    if (segment === "_index") return "";
    if (segment === "$") return "anything";
    if (segment.startsWith("$")) {
      const id = PARAM_ROWS[name];
      if (!id) throw new Error(`${name}: say in PARAM_ROWS which of shop A's rows its id names`);
      return encodeURIComponent(id(rows));
    }
    return segment;
  });
  return { name, path: `/${segments.filter(Boolean).join("/")}` };
}

function requestAs(name: string, path: string, init: RequestInit): Request | null {
  if (name.startsWith("app.") || name === "app") return adminRequest(B, path, init);
  if (name.startsWith("proxy."))
    return proxyRequest(B, path.replace(/^\/proxy/, ""), "424242", init);
  if (name.startsWith("api.customer-account.")) {
    const url = new URL(`https://fitting-room.test${path}`);
    return new Request(url, {
      ...init,
      headers: {
        authorization: `Bearer ${sessionToken(B, "gid://shopify/Customer/424242")}`,
        origin: "https://extensions.shopifycdn.com",
      },
    });
  }
  return null; // webhooks (tests/integration/webhooks.test.ts), auth and the login page
}

/** What a response tells its caller: the body and where it sends them. */
async function textOf(response: Response): Promise<string> {
  return `${response.headers.get("location") ?? ""}\n${await response.text()}`;
}

async function answer(call: () => unknown): Promise<{ status: number; body: string }> {
  try {
    const result = await call();
    if (result instanceof Response) return { status: result.status, body: await textOf(result) };
    return { status: 200, body: JSON.stringify(result ?? null) };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, body: await textOf(thrown) };
    return { status: 500, body: String(thrown) };
  }
}

describe("cross-shop", () => {
  it("every route called as shop B with shop A's ids: 404 for an id, nothing of A, no change to A", async () => {
    const rows = await seedShopA();
    await installShop(context.store, B);
    const before = await shopAState();
    const aIds = [...rows.values()].map((r) => String(r.id ?? "")).filter((id) => id.length > 8);
    const results: string[] = [];

    for (const [file, module] of Object.entries(ROUTES)) {
      const { name, path } = pathOf(file, rows);
      const hasId = /\.\$[a-z]/.test(name) && !name.endsWith("$section");
      // A referral link with a code this shop does not know goes to the store's home page, as
      // any unknown code does: a shopper following an old link still lands somewhere.
      const expected = name === "proxy.r.$code" ? 302 : 404;
      for (const method of ["GET", "POST"] as const) {
        const fn = method === "GET" ? module.loader : module.action;
        if (!fn) continue;
        const body = new URLSearchParams(foreignFields(rows));
        const request = requestAs(
          name,
          path,
          method === "GET" ? {} : { method, body, headers: {} },
        );
        if (!request) continue;
        const params: Record<string, string> = {};
        if (hasId) params[name.split(".$")[1]!] = decodeURIComponent(path.split("/").pop()!);
        if (name.endsWith("$section")) params.section = "returns";
        const { status, body: text } = await answer(() => fn({ request, params, context: {} }));
        results.push(`${method} ${name} ${status}`);
        expect(status, `${method} ${name}`).toBeLessThan(500);
        if (hasId) expect(status, `${method} ${name}`).toBe(expected);
        expect(text, `${method} ${name}`).not.toContain(SECRET);
        expect(text, `${method} ${name}`).not.toContain(A);
        for (const id of aIds) expect(text, `${method} ${name}`).not.toContain(id);
      }
    }
    expect(await shopAState()).toBe(before);
    // The glob found the app's routes: admin pages, id pages, storefront pages and the API.
    expect(results.length).toBeGreaterThan(30);
    expect(results.filter((r) => / 404$/.test(r)).length).toBeGreaterThanOrEqual(8);
  });
});

function forgedToken(
  claims: Record<string, unknown>,
  options: { alg?: string; secret?: string } = {},
) {
  const now = Math.floor(Date.now() / 1000);
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const header = encode({ alg: options.alg ?? "HS256", typ: "JWT" });
  const payload = encode({
    iss: `https://${B}/admin`,
    dest: `https://${B}`,
    aud: process.env.SHOPIFY_API_KEY,
    sub: "4242",
    exp: now + 60,
    nbf: now - 5,
    iat: now - 5,
    jti: crypto.randomUUID(),
    sid: crypto.randomUUID(),
    ...claims,
  });
  const signature =
    options.alg === "none"
      ? ""
      : createHmac("sha256", options.secret ?? (process.env.SHOPIFY_API_SECRET as string))
          .update(`${header}.${payload}`)
          .digest("base64url");
  return `${header}.${payload}.${signature}`;
}

describe("session tokens", () => {
  const now = () => Math.floor(Date.now() / 1000);
  const BAD_TOKENS: Record<string, () => string> = {
    expired: () => forgedToken({ exp: now() - 120, iat: now() - 180, nbf: now() - 180 }),
    "not yet valid": () => forgedToken({ nbf: now() + 600, iat: now() + 600 }),
    "wrong audience": () => forgedToken({ aud: "another-app" }),
    "destination not installed": () =>
      forgedToken({
        iss: "https://nobody.myshopify.com/admin",
        dest: "https://nobody.myshopify.com",
      }),
    "issuer is another shop": () => forgedToken({ iss: `https://${A}/admin` }),
    "alg none": () => forgedToken({}, { alg: "none" }),
    "another app's secret": () => forgedToken({}, { secret: "another-app-secret" }),
    "not a JWT": () => "not-a-token",
  };

  it("every admin route refuses every kind of bad token with 401 and writes nothing", async () => {
    await installShop(context.store, A);
    await installShop(context.store, B);
    const before = await shopAState();
    const admin = Object.entries(ROUTES).filter(([file]) => /\/routes\/app[.]/.test(file));
    let tried = 0;
    for (const [file, module] of admin) {
      const name = file.replace(/^.*\/routes\//, "").replace(/\.tsx$/, "");
      for (const [kind, token] of Object.entries(BAD_TOKENS)) {
        for (const method of ["GET", "POST"] as const) {
          const fn = method === "GET" ? module.loader : module.action;
          if (!fn) continue;
          const request = adminRequest(B, `/${name.replace(/\./g, "/")}`, {
            method,
            ...(method === "POST" ? { body: new URLSearchParams({ action: "approve" }) } : {}),
          });
          request.headers.set("Authorization", `Bearer ${token()}`);
          const { status } = await answer(() =>
            fn({ request, params: { id: "x", section: "returns" }, context: {} }),
          );
          expect(status, `${method} ${name} with a token ${kind}`).toBe(401);
          tried++;
        }
      }
    }
    expect(await shopAState()).toBe(before);
    expect(await prisma.session.count()).toBe(2);
    expect(tried).toBeGreaterThan(100);
  });
});

describe("bodies that are not forms", () => {
  const BODIES: Record<string, () => RequestInit> = {
    JSON: () => ({
      body: JSON.stringify({ action: "approve" }),
      headers: { "content-type": "application/json" },
    }),
    "broken multipart": () => ({
      body: '--xyz\r\nContent-Disposition: form-data; name="action"\r\n\r\napprove',
      headers: { "content-type": "multipart/form-data; boundary=xyz" },
    }),
    "multipart without a boundary": () => ({
      body: "action=approve",
      headers: { "content-type": "multipart/form-data" },
    }),
    "no content type": () => ({ body: new Blob(["action=approve"]) }),
  };

  it("every page's action answers 4xx (not 500) to a JSON or broken body, and writes nothing", async () => {
    await installShop(context.store, B);
    const before = await shopAState();
    let tried = 0;
    for (const [file, module] of Object.entries(ROUTES)) {
      if (!module.action) continue;
      const name = file.replace(/^.*\/routes\//, "").replace(/\.tsx$/, "");
      if (!/^(app|proxy)\./.test(name)) continue;
      for (const [kind, init] of Object.entries(BODIES)) {
        const { body, headers } = init();
        const request = name.startsWith("app.")
          ? adminRequest(B, `/${name.replace(/\./g, "/")}`, { method: "POST", body, headers })
          : proxyRequest(B, `/${name.slice("proxy.".length).replace(/\./g, "/")}`, "424242", {
              method: "POST",
              body,
              headers,
            });
        const { status } = await answer(() =>
          module.action!({ request, params: { section: "returns" }, context: {} }),
        );
        expect(status, `POST ${name} with a ${kind} body`).toBeGreaterThanOrEqual(400);
        expect(status, `POST ${name} with a ${kind} body`).toBeLessThan(500);
        tried++;
      }
    }
    expect(await shopAState()).toBe(before);
    expect(tried).toBeGreaterThan(40);
  });
});

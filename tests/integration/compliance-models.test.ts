import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { Prisma } from "@prisma/client";
import prisma from "~/db.server";
import { asText as text, rowsOfEveryModel } from "../support/dump";
import {
  MODELS_WITHOUT_CUSTOMER_DATA,
  MODELS_WITH_CUSTOMER_DATA,
  eraseShop,
  redactCustomer,
} from "~/compliance.server";

// Every model, driven by the schema: a field whose name says "personal data" in a model declared
// without customer data must be explained here, and in a model with customer data it must be
// gone after customers/redact. One row per model is seeded for two customers (every field filled
// from its name), one is redacted, and no value of hers may be left in any table; shop/redact
// must leave no row of the shop in any model.

const SHOP = "demo-shoes.myshopify.com";
const OTHER_SHOP = "other-shop.myshopify.com";

/** Field names that say a field may hold personal data (case-insensitive). */
const PERSONAL =
  /email|firstname|lastname|customername|friendname|^name$|address|phone|customergid|customerid|note|message|reason|questionnaire|handle/i;
/** Text fields the app writes whole payloads, requests and timelines' data into. */
const CARRIERS = /^(payload|request|data|report)$|^Effect\.result$/;

/** Fields that look personal and are not, each with the reason. */
const NOT_PERSONAL: Record<string, string> = {
  "Session.firstName": "the shop's staff member signed in, not a customer; erased with the shop",
  "Session.lastName": "the shop's staff member signed in, not a customer; erased with the shop",
  "Session.email": "the shop's staff member signed in, not a customer; erased with the shop",
  "Session.emailVerified": "a flag of the staff member's account",
  "ShopOrder.name": "the order's number (#1001), not a person's name",
  "ReturnCaseLine.reason": "Shopify's ReturnReason code (SIZE_TOO_SMALL…), chosen from a list",
  "ReturnCase.reviewReason": "the policy's reason for a review, written by the app",
  "ReturnCase.declineReason": "Shopify's ReturnDeclineReason code, chosen by the merchant",
  "ReferralCase.voidReason": "the reward rule that voided the reward, written by the app",
  "FitAnswer.notes":
    "foot-shape options ticked in the fit finder; the answer is unlinked from her and kept for the shop's fit statistics",
};

/** Models with customer data whose row a redaction may leave exactly as it was. */
// ReferralCode is not here: its code is made from her first name, so redaction retires it.
const KEPT_BY_REDACTION: Record<string, string> = {};

interface Person {
  tag: string;
  shop: string;
  index: number;
  email: string;
  customerGid: string;
  customerId: string;
  orderGid: string;
  name: string;
  typed: string;
  address: string;
}

const her = (shop = SHOP): Person => ({
  tag: "p1",
  shop,
  index: 0,
  email: "Olivia.Doe@Example.com",
  customerGid: "gid://shopify/Customer/191167",
  customerId: "191167",
  orderGid: "gid://shopify/Order/299938",
  name: "Olivia",
  typed: "please swap them for a wider pair",
  address: "12 Rue Oberkampf",
});
const someoneElse = (shop = SHOP): Person => ({
  tag: "p2",
  shop,
  index: 1,
  email: "maya@else.com",
  customerGid: "gid://shopify/Customer/777",
  customerId: "777",
  orderGid: "gid://shopify/Order/555555",
  name: "Maya",
  typed: "keep the red ones aside",
  address: "9 Elm Street",
});

interface FieldSpec {
  name: string;
  type: string;
  list: boolean;
  id: boolean;
  generated: boolean;
  relationFields: string[];
}

/** A `trialId` without a declared relation still points at a Trial. */
function parentOf(field: string): string | null {
  const m = /^(\w+)Id$/.exec(field);
  const model = m && (m[1] as string).charAt(0).toUpperCase() + (m[1] as string).slice(1);
  return model && MODEL_NAMES.has(model) ? model : null;
}

/** Attributes the runtime dmmf leaves out (ids, defaults, foreign keys), read from the schema. */
function schemaFields(): Map<string, FieldSpec[]> {
  const text = fs.readFileSync(
    path.resolve(import.meta.dirname, "../../prisma/schema.prisma"),
    "utf8",
  );
  const out = new Map<string, FieldSpec[]>();
  for (const block of text.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)) {
    const fields: FieldSpec[] = [];
    for (const line of (block[2] as string).split("\n")) {
      const m = /^\s*(\w+)\s+(\w+)(\[\])?\??\s*(.*)$/.exec(line.replace(/\/\/.*$/, ""));
      if (!m) continue;
      const attrs = m[4] as string;
      fields.push({
        name: m[1] as string,
        type: m[2] as string,
        list: Boolean(m[3]),
        id: /@id\b/.test(attrs),
        generated: /@default\((cuid|now|autoincrement)\(\)\)|@updatedAt/.test(attrs),
        relationFields: /@relation\(fields: \[([\w, ]+)\]/.exec(attrs)?.[1]?.split(/,\s*/) ?? [],
      });
    }
    out.set(block[1] as string, fields);
  }
  return out;
}

const SCHEMA = schemaFields();
const MODELS = Prisma.dmmf.datamodel.models;
const MODEL_NAMES = new Set(MODELS.map((m) => m.name));
interface Delegate {
  create(args: { data: Record<string, unknown> }): Promise<Record<string, unknown>>;
}
const delegate = (model: string) =>
  (prisma as unknown as Record<string, Delegate>)[model.charAt(0).toLowerCase() + model.slice(1)]!;

function mentionJson(p: Person): string {
  return JSON.stringify({
    customer: { id: Number(p.customerId), email: p.email, first_name: p.name },
    admin_graphql_api_customer_id: p.customerGid,
    shipping_address: { address1: p.address },
    note: p.typed,
  });
}

function personalValue(field: string, p: Person): string {
  const f = field.toLowerCase();
  if (f.includes("email")) return f.includes("key") ? p.email.toLowerCase() : p.email;
  if (f.includes("customergid") || f.includes("customerid")) return p.customerGid;
  if (f.includes("address")) return f.endsWith("keys") ? JSON.stringify([p.address]) : p.address;
  if (f.includes("name")) return p.name;
  return `${p.typed} (${p.name})`;
}

function valueFor(model: string, field: FieldSpec, p: Person, parents: Map<string, string>) {
  const key = `${model}.${field.name}`;
  const personal = MODELS_WITH_CUSTOMER_DATA.includes(model) && !NOT_PERSONAL[key];
  if (field.name === "shop" || (model === "Shop" && field.name === "domain")) return p.shop;
  if (field.name === "orderGid") return p.orderGid;
  if (personal && PERSONAL.test(field.name)) return personalValue(field.name, p);
  if (personal && (CARRIERS.test(field.name) || CARRIERS.test(key))) return mentionJson(p);
  switch (field.type) {
    case "String":
      return `${p.tag}-${model}-${field.name}`;
    case "Int":
      return p.index + 1;
    case "BigInt":
      return BigInt(p.index + 1);
    case "Float":
      return p.index + 1;
    case "Boolean":
      return false;
    case "DateTime":
      return new Date("2026-11-02T10:00:00Z");
    default:
      throw new Error(`${key}: no seed value for ${field.type} (parents ${[...parents.keys()]})`);
  }
}

/** One row of every model for the person, parents first; returns model → row id. */
async function seedEveryModel(p: Person, skip = new Set<string>()): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const pending = MODELS.map((m) => m.name).filter((m) => !skip.has(m));
  while (pending.length > 0) {
    const ready = pending.findIndex((model) =>
      (SCHEMA.get(model) ?? []).every((f) => {
        const parent = f.relationFields.length > 0 ? f.type : parentOf(f.name);
        return !parent || parent === model || ids.has(parent) || skip.has(parent);
      }),
    );
    if (ready < 0) throw new Error(`cannot order ${pending.join(", ")}`);
    const [model] = pending.splice(ready, 1) as [string];
    const fields = SCHEMA.get(model) ?? [];
    const foreign = new Map<string, string>();
    for (const f of fields) {
      for (const fk of f.relationFields) foreign.set(fk, ids.get(f.type) as string);
      const parent = parentOf(f.name);
      if (parent && ids.has(parent) && !foreign.has(f.name))
        foreign.set(f.name, ids.get(parent) as string);
    }
    const data: Record<string, unknown> = {};
    for (const f of fields) {
      const scalar = ["String", "Int", "BigInt", "Float", "Boolean", "DateTime"].includes(f.type);
      if (!scalar || f.list) continue;
      if (foreign.has(f.name)) data[f.name] = foreign.get(f.name);
      else if (f.id && !f.generated && f.name === "id") data[f.name] = `${p.tag}-${model}`;
      else if (!f.generated) data[f.name] = valueFor(model, f, p, ids);
    }
    const row = await delegate(model).create({ data });
    ids.set(model, String(row.id ?? row.domain ?? row.shop));
  }
  return ids;
}

/** What of the person is still stored: her values found in the dump, by model. */
function leftOf(dump: Record<string, unknown[]>, p: Person): string[] {
  const id = new RegExp(`(?<![0-9.])${p.customerId}(?![0-9]|\\.[0-9])`);
  return Object.entries(dump).flatMap(([model, rows]) => {
    const lower = text(rows).toLowerCase();
    const found = [p.email, p.customerGid, p.name, p.typed, p.address].filter((v) =>
      lower.includes(v.toLowerCase()),
    );
    if (id.test(text(rows))) found.push(`id ${p.customerId}`);
    return found.map((v) => `${model}: ${v}`);
  });
}

describe("personal data in every model", () => {
  it("a model declared without customer data has no field that looks personal, unless explained", () => {
    const unexplained = MODELS.filter((m) => MODELS_WITHOUT_CUSTOMER_DATA[m.name] !== undefined)
      .flatMap((m) => m.fields.map((f) => `${m.name}.${f.name}`))
      .filter((key) => PERSONAL.test(key.split(".")[1] as string) && !NOT_PERSONAL[key]);
    expect(unexplained).toEqual([]);
  });

  it("customers/redact leaves nothing of her in any model, and everything of the other customer", async () => {
    const olivia = her();
    const maya = someoneElse();
    await seedEveryModel(olivia);
    // One shop row and one referral program per shop.
    await seedEveryModel(maya, new Set(["Shop", "ReferralProgram"]));
    const before = await rowsOfEveryModel();
    expect(leftOf(before, olivia).length).toBeGreaterThan(0);

    // Shopify's request names her in lower case; she typed her address with capitals.
    await redactCustomer(SHOP, {
      customerGid: olivia.customerGid,
      email: olivia.email.toLowerCase(),
      orderGids: [],
    });
    const after = await rowsOfEveryModel();
    expect(leftOf(after, olivia)).toEqual([]);
    expect(leftOf(after, maya)).toEqual(leftOf(before, maya));

    // Every model holding customer data had her row blanked or erased.
    const untouched = MODELS_WITH_CUSTOMER_DATA.filter((model) => {
      if (KEPT_BY_REDACTION[model]) return false;
      const mine = (rows: Record<string, unknown>[]) =>
        rows
          .filter((r) => String(r.id).startsWith(olivia.tag) || text(r).includes(olivia.tag))
          .map(({ updatedAt: _u, ...r }) => text(r));
      const was = mine(before[model] ?? []);
      return was.length > 0 && text(was) === text(mine(after[model] ?? []));
    });
    expect(untouched).toEqual([]);
  });

  it("shop/redact leaves no row of the shop in any model, and every row of another shop", async () => {
    await seedEveryModel(her(SHOP));
    await seedEveryModel(someoneElse(OTHER_SHOP));
    const before = await rowsOfEveryModel();
    await eraseShop(SHOP);
    const after = await rowsOfEveryModel();
    const left = Object.entries(after)
      .filter(([, rows]) => rows.some((r) => text(r).includes("p1-") || text(r).includes(SHOP)))
      .map(([model]) => model);
    expect(left).toEqual([]);
    for (const { name } of MODELS) expect(after[name], name).toHaveLength(before[name]!.length / 2);
  });
});

import fs from "node:fs";
import path from "node:path";
import type { SandboxAppDiscount, SandboxShop } from "../store";
import { connection } from "./connection";
import { mergeMetafieldInputs } from "./validations";
import type { ResolverContext } from "./resolvers";

// App discounts on the app's discount Functions (the referral reward): discountCodeAppCreate /
// Update, discountAutomaticAppCreate / Update, discountRedeemCodeBulkAdd (≤ 250 codes a call,
// reported asynchronously: the payload says not done, the bulk creation query says what was
// added and what failed), discountCodeRedeemCodeBulkDelete, and the nodes the app reads back.
// Checkout runs the Function (functions.ts: runCheckoutDiscounts).

type Args = Record<string, unknown>;
type MetafieldInput = { namespace: string; key: string; type: string; value: string };
type DiscountError = { field: string[] | null; message: string; code: string | null };

const extensionsDir = path.resolve(import.meta.dirname, "../../../extensions");
const MAX_APP_DISCOUNTS = 25;
const MAX_BULK_CODES = 250;

function isDiscountFunction(handle: string): boolean {
  const toml = path.join(extensionsDir, handle, "shopify.extension.toml");
  return (
    fs.existsSync(toml) &&
    /target\s*=\s*"cart\.lines\.discounts\.generate\.run"/.test(fs.readFileSync(toml, "utf8"))
  );
}

interface AppDiscountInput {
  title?: string | null;
  code?: string | null;
  functionHandle?: string | null;
  functionId?: string | null;
  discountClasses?: string[] | null;
  combinesWith?: Partial<SandboxAppDiscount["combinesWith"]> | null;
  appliesOncePerCustomer?: boolean | null;
  startsAt?: string | null;
  endsAt?: string | null;
  metafields?: MetafieldInput[] | null;
}

/** Every code of the shop, basic and app, lower-cased: codes are unique per shop. */
function codeTaken(shop: SandboxShop, code: string): boolean {
  const c = code.toLowerCase();
  return (
    shop.discountCodes.some((d) => d.code.toLowerCase() === c) ||
    shop.appDiscounts.some((d) => d.codes.some((x) => x.code.toLowerCase() === c))
  );
}

export function discountStatus(
  d: SandboxAppDiscount,
  now: string,
): "ACTIVE" | "SCHEDULED" | "EXPIRED" {
  if (d.startsAt > now) return "SCHEDULED";
  if (d.endsAt && d.endsAt <= now) return "EXPIRED";
  return "ACTIVE";
}

function discountObject(d: SandboxAppDiscount, now: string) {
  const common = {
    discountId: d.id,
    title: d.title,
    status: discountStatus(d, now),
    startsAt: d.startsAt,
    endsAt: d.endsAt,
    discountClasses: d.discountClasses,
    appDiscountType: { __typename: "AppDiscountType", functionId: d.functionHandle },
    combinesWith: { __typename: "DiscountCombinesWith", ...d.combinesWith },
  };
  if (d.kind === "automatic") return { __typename: "DiscountAutomaticApp", ...common };
  return {
    __typename: "DiscountCodeApp",
    ...common,
    appliesOncePerCustomer: d.appliesOncePerCustomer,
    codesCount: { __typename: "Count", count: d.codes.length, precision: "EXACT" },
    codes: (args: Args) =>
      connection(
        "DiscountRedeemCode",
        d.codes.map((c) => ({
          __typename: "DiscountRedeemCode",
          id: c.id,
          code: c.code,
          asyncUsageCount: c.usedBy.length,
        })),
        args,
      ),
  };
}

function nodeObject(d: SandboxAppDiscount, now: string) {
  const metafield = (args: Args) => {
    const m = d.metafields.find((f) => f.namespace === args.namespace && f.key === args.key);
    return m ? { __typename: "Metafield", ...m } : null;
  };
  return d.kind === "code"
    ? { __typename: "DiscountCodeNode", id: d.id, codeDiscount: discountObject(d, now), metafield }
    : {
        __typename: "DiscountAutomaticNode",
        id: d.id,
        automaticDiscount: discountObject(d, now),
        metafield,
      };
}

function validate(
  shop: SandboxShop,
  input: AppDiscountInput,
  root: string,
  existing: SandboxAppDiscount | null,
): DiscountError[] {
  const errors: DiscountError[] = [];
  const handle = input.functionHandle ?? existing?.functionHandle ?? "";
  if (!existing && input.functionHandle && input.functionId)
    errors.push({
      field: [root],
      message: "Only one of functionId or functionHandle is allowed.",
      code: "MULTIPLE_FUNCTION_IDENTIFIERS",
    });
  if (!existing && !input.functionHandle && !input.functionId)
    errors.push({
      field: [root, "functionHandle"],
      message: "Function id or handle is required.",
      code: "MISSING_FUNCTION_IDENTIFIER",
    });
  else if (!isDiscountFunction(handle))
    errors.push({
      field: [root, "functionHandle"],
      message: `Function ${handle} not found.`,
      code: "INVALID",
    });
  if (!existing && !input.title?.trim())
    errors.push({ field: [root, "title"], message: "Title can't be blank", code: "BLANK" });
  const classes = input.discountClasses ?? existing?.discountClasses ?? [];
  if (classes.length === 0)
    errors.push({
      field: [root, "discountClasses"],
      message: "Discount classes can't be blank",
      code: "BLANK",
    });
  if (input.code !== undefined && input.code !== null && codeTaken(shop, input.code))
    errors.push({
      field: [root, "code"],
      message: "Code must be unique. Please try a different code.",
      code: "TAKEN",
    });
  const starts = input.startsAt ?? existing?.startsAt;
  const ends = input.endsAt === undefined ? existing?.endsAt : input.endsAt;
  if (starts && ends && ends < starts)
    errors.push({
      field: [root, "endsAt"],
      message: "Ends at needs to be after starts_at",
      code: "END_DATE_BEFORE_START_DATE",
    });
  if (!existing && shop.appDiscounts.filter((d) => !d.endsAt).length >= MAX_APP_DISCOUNTS)
    errors.push({
      field: [root],
      message: "Maximum app discounts reached.",
      code: "MAX_APP_DISCOUNTS",
    });
  return errors;
}

function create(kind: SandboxAppDiscount["kind"], root: string, payload: string) {
  return (args: Args, { shop, store }: ResolverContext) => {
    const input = args[root] as AppDiscountInput;
    const userErrors = validate(shop, input, root, null);
    if (userErrors.length > 0) return { [payload]: null, userErrors };
    const discount: SandboxAppDiscount = {
      id: store.gid(kind === "code" ? "DiscountCodeNode" : "DiscountAutomaticNode").id,
      kind,
      title: input.title!.trim(),
      functionHandle: input.functionHandle ?? String(input.functionId),
      discountClasses: input.discountClasses ?? [],
      combinesWith: {
        orderDiscounts: input.combinesWith?.orderDiscounts ?? false,
        productDiscounts: input.combinesWith?.productDiscounts ?? false,
        shippingDiscounts: input.combinesWith?.shippingDiscounts ?? false,
      },
      appliesOncePerCustomer: input.appliesOncePerCustomer ?? false,
      startsAt: input.startsAt ?? store.now(),
      endsAt: input.endsAt ?? null,
      metafields: mergeMetafieldInputs([], input.metafields),
      codes: input.code
        ? [{ id: store.gid("DiscountRedeemCode").id, code: input.code, usedBy: [] }]
        : [],
      bulkCreations: [],
    };
    shop.appDiscounts.push(discount);
    store.record({
      shop: shop.domain,
      kind: `discount_app.create`,
      amount: null,
      details: { id: discount.id, kind, title: discount.title },
    });
    return { [payload]: discountObject(discount, store.now()), userErrors: [] };
  };
}

function update(kind: SandboxAppDiscount["kind"], root: string, payload: string) {
  return (args: Args, { shop, store }: ResolverContext) => {
    const discount = shop.appDiscounts.find((d) => d.id === args.id && d.kind === kind);
    if (!discount)
      return {
        [payload]: null,
        userErrors: [{ field: ["id"], message: "Discount does not exist", code: "INVALID" }],
      };
    const input = args[root] as AppDiscountInput;
    const userErrors = validate(shop, input, root, discount);
    if (userErrors.length > 0) return { [payload]: null, userErrors };
    if (input.title) discount.title = input.title.trim();
    if (input.discountClasses) discount.discountClasses = input.discountClasses;
    if (input.startsAt) discount.startsAt = input.startsAt;
    if (input.endsAt !== undefined) discount.endsAt = input.endsAt;
    if (input.combinesWith)
      discount.combinesWith = { ...discount.combinesWith, ...input.combinesWith };
    if (input.appliesOncePerCustomer != null)
      discount.appliesOncePerCustomer = input.appliesOncePerCustomer;
    discount.metafields = mergeMetafieldInputs(discount.metafields, input.metafields);
    store.record({
      shop: shop.domain,
      kind: `discount_app.update`,
      amount: null,
      details: { id: discount.id },
    });
    return { [payload]: discountObject(discount, store.now()), userErrors: [] };
  };
}

function bulkCreationObject(
  d: SandboxAppDiscount,
  b: SandboxAppDiscount["bulkCreations"][number],
  now: string,
) {
  const codes = b.codes.map((c) => ({
    __typename: "DiscountRedeemCodeBulkCreationCode",
    code: c.code,
    discountRedeemCode: c.error
      ? null
      : (() => {
          const made = d.codes.find((x) => x.code === c.code);
          return made
            ? {
                __typename: "DiscountRedeemCode",
                id: made.id,
                code: made.code,
                asyncUsageCount: made.usedBy.length,
              }
            : null;
        })(),
    errors: c.error
      ? [{ __typename: "DiscountUserError", field: ["code"], message: c.error, code: "TAKEN" }]
      : [],
  }));
  return {
    __typename: "DiscountRedeemCodeBulkCreation",
    id: b.id,
    createdAt: b.createdAt,
    done: b.done,
    codesCount: b.codes.length,
    importedCount: b.codes.filter((c) => !c.error).length,
    failedCount: b.codes.filter((c) => c.error).length,
    codes: (args: Args) => connection("DiscountRedeemCodeBulkCreationCode", codes, args),
    discountCode: nodeObject(d, now),
  };
}

export const appDiscountMutationResolvers = {
  discountCodeAppCreate: create("code", "codeAppDiscount", "codeAppDiscount"),
  discountCodeAppUpdate: update("code", "codeAppDiscount", "codeAppDiscount"),
  discountAutomaticAppCreate: create("automatic", "automaticAppDiscount", "automaticAppDiscount"),
  discountAutomaticAppUpdate: update("automatic", "automaticAppDiscount", "automaticAppDiscount"),
  discountRedeemCodeBulkAdd: (args: Args, { shop, store }: ResolverContext) => {
    const discount = shop.appDiscounts.find((d) => d.id === args.discountId && d.kind === "code");
    if (!discount)
      return {
        bulkCreation: null,
        userErrors: [
          { field: ["discountId"], message: "Code discount does not exist.", code: "INVALID" },
        ],
      };
    const codes = (args.codes as { code: string }[]).map((c) => c.code.trim());
    if (codes.length > MAX_BULK_CODES)
      return {
        bulkCreation: null,
        userErrors: [
          {
            field: ["codes"],
            message: `Codes can't exceed ${MAX_BULK_CODES}`,
            code: "TOO_MANY_ARGUMENTS",
          },
        ],
      };
    const made: SandboxAppDiscount["bulkCreations"][number] = {
      id: store.gid("DiscountRedeemCodeBulkCreation").id,
      createdAt: store.now(),
      codes: [],
      done: false,
    };
    for (const code of codes) {
      const error = !code
        ? "Code can't be blank"
        : code.length > 255
          ? "Code is too long"
          : codeTaken(shop, code)
            ? "Code must be unique. Please try a different code."
            : null;
      made.codes.push({ code, error });
      if (!error) discount.codes.push({ id: store.gid("DiscountRedeemCode").id, code, usedBy: [] });
    }
    discount.bulkCreations.push(made);
    store.record({
      shop: shop.domain,
      kind: "discount_app.codes_add",
      amount: null,
      details: { id: discount.id, codes: made.codes },
    });
    // Shopify adds them in the background: done is reported by the bulk creation query.
    const payload = bulkCreationObject(discount, made, store.now());
    made.done = true;
    return { bulkCreation: payload, userErrors: [] };
  },
  discountCodeRedeemCodeBulkDelete: (args: Args, { shop, store }: ResolverContext) => {
    const discount = shop.appDiscounts.find((d) => d.id === args.discountId && d.kind === "code");
    if (!discount)
      return {
        job: null,
        userErrors: [
          { field: ["discountId"], message: "Code discount does not exist.", code: "INVALID" },
        ],
      };
    const ids = (args.ids as string[] | null) ?? [];
    if (ids.length === 0)
      return {
        job: null,
        userErrors: [{ field: ["ids"], message: "Ids can't be blank", code: "MISSING_ARGUMENT" }],
      };
    const removed = discount.codes.filter((c) => ids.includes(c.id)).map((c) => c.code);
    discount.codes = discount.codes.filter((c) => !ids.includes(c.id));
    store.record({
      shop: shop.domain,
      kind: "discount_app.codes_delete",
      amount: null,
      details: { id: discount.id, codes: removed },
    });
    return { job: { __typename: "Job", id: store.gid("Job").id, done: false }, userErrors: [] };
  },
};

// discountNodes with the filters the app sends (`type:app`, `title:<words>`); any other term is
// refused rather than silently ignored, so a new query shows up here first.
function discountNodes(args: Args, { shop, store }: ResolverContext) {
  const terms = String(args.query ?? "").match(/\w+:(?:'[^']*'|"[^"]*"|\S+)/g) ?? [];
  let found = shop.appDiscounts;
  for (const term of terms) {
    const [name, raw] = [term.slice(0, term.indexOf(":")), term.slice(term.indexOf(":") + 1)];
    const value = raw.replace(/^['"]|['"]$/g, "").toLowerCase();
    if (name === "type" && value === "app") continue;
    if (name === "title") found = found.filter((d) => d.title.toLowerCase().includes(value));
    else throw new Error(`discountNodes: the sandbox does not simulate the filter ${term}`);
  }
  return connection(
    "DiscountNode",
    found.map((d) => ({
      __typename: "DiscountNode",
      id: d.id.replace(/Discount(Code|Automatic)Node/, "DiscountNode"),
      discount: discountObject(d, store.now()),
    })),
    args,
  );
}

export const appDiscountQueryResolvers = {
  discountNodes,
  discountRedeemCodeBulkCreation: (args: Args, { shop, store }: ResolverContext) => {
    for (const d of shop.appDiscounts) {
      const b = d.bulkCreations.find((x) => x.id === args.id);
      if (b) return bulkCreationObject(d, b, store.now());
    }
    return null;
  },
  codeDiscountNodeByCode: (args: Args, { shop, store }: ResolverContext) => {
    const c = String(args.code).toLowerCase();
    const d = shop.appDiscounts.find((x) => x.codes.some((k) => k.code.toLowerCase() === c));
    if (d) return nodeObject(d, store.now());
    const basic = shop.discountCodes.find((x) => x.code.toLowerCase() === c);
    return basic
      ? {
          __typename: "DiscountCodeNode",
          id: basic.id,
          codeDiscount: { __typename: "DiscountCodeBasic", title: basic.title },
        }
      : null;
  },
  codeDiscountNode: (args: Args, { shop, store }: ResolverContext) => {
    const d = shop.appDiscounts.find((x) => x.id === args.id && x.kind === "code");
    return d ? nodeObject(d, store.now()) : null;
  },
  automaticDiscountNode: (args: Args, { shop, store }: ResolverContext) => {
    const d = shop.appDiscounts.find((x) => x.id === args.id && x.kind === "automatic");
    return d ? nodeObject(d, store.now()) : null;
  },
};

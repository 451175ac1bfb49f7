import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { buildSchema, execute, parse, type GraphQLSchema } from "graphql";
import type { SandboxShop, SandboxValidation } from "./store";

// Shopify Functions at the sandbox's checkout: the Function's own input query is executed with
// graphql-js over its committed schema against the cart (as Shopify does), and the Function's
// pure `run` (extensions/<handle>/src/run.ts) gets the result. Its errors block the checkout.

export interface CheckoutCart {
  lines: { variantId: string; sellingPlanId: string | null; quantity: number }[];
  countryCode: string | null;
}

const extensionsDir = path.resolve(import.meta.dirname, "../../extensions");
const schemas = new Map<string, GraphQLSchema>();

type Args = Record<string, unknown>;
type MetafieldSource = { namespace: string; key: string; type: string; value: string }[];

function metafieldResolver(source: MetafieldSource) {
  return (args: Args) => {
    const m = source.find((f) => f.namespace === args.namespace && f.key === args.key);
    if (!m) return null;
    return {
      type: m.type,
      value: m.value,
      jsonValue: m.type === "json" ? JSON.parse(m.value) : m.value,
    };
  };
}

function functionInput(shop: SandboxShop, validation: SandboxValidation, cart: CheckoutCart) {
  const lines = cart.lines.map((line, i) => {
    const product = shop.products.find((p) => p.variants.some((v) => v.id === line.variantId));
    const variant = product?.variants.find((v) => v.id === line.variantId);
    const plan = shop.sellingPlanGroups
      .flatMap((g) => g.plans)
      .find((p) => p.id === line.sellingPlanId);
    return {
      id: `gid://shopify/CartLine/${i + 1}`,
      quantity: line.quantity,
      sellingPlanAllocation: plan
        ? {
            sellingPlan: {
              id: plan.id,
              name: plan.name,
              metafield: metafieldResolver(plan.metafields),
            },
          }
        : null,
      merchandise: {
        __typename: "ProductVariant",
        id: variant?.id,
        title: variant?.title,
        metafield: (args: Args) => {
          const m = shop.metafields.get(
            `${variant?.id}|${String(args.namespace)}|${String(args.key)}`,
          );
          return m ? { type: m.type, value: m.value, jsonValue: m.value } : null;
        },
        product: {
          id: product?.id,
          title: product?.title,
          hasAnyTag: (args: Args) =>
            ((args.tags as string[]) ?? []).some((t) => product?.tags.includes(t)),
        },
      },
    };
  });
  return {
    buyerJourney: { step: "CHECKOUT_COMPLETION" },
    cart: {
      lines,
      deliveryGroups: [
        { deliveryAddress: cart.countryCode ? { countryCode: cart.countryCode } : null },
      ],
    },
    validation: { metafield: metafieldResolver(validation.metafields) },
  };
}

/** The blocking messages of every enabled validation Function for this cart. */
export async function runCheckoutValidations(
  shop: SandboxShop,
  cart: CheckoutCart,
): Promise<string[]> {
  const messages: string[] = [];
  for (const validation of shop.validations.filter((v) => v.enabled)) {
    const dir = path.join(extensionsDir, validation.functionHandle);
    let schema = schemas.get(dir);
    if (!schema) {
      schema = buildSchema(fs.readFileSync(path.join(dir, "schema.graphql"), "utf8"));
      schemas.set(dir, schema);
    }
    const query = parse(fs.readFileSync(path.join(dir, "src/run.graphql"), "utf8"));
    const input = await execute({
      schema,
      document: query,
      rootValue: functionInput(shop, validation, cart),
    });
    if (input.errors?.length) throw new Error(`function input: ${input.errors[0]?.message}`);
    const module = (await import(pathToFileURL(path.join(dir, "src/run.ts")).href)) as {
      run: (input: unknown) => {
        operations: { validationAdd?: { errors: { message: string }[] } }[];
      };
    };
    const result = module.run(input.data);
    for (const op of result.operations)
      for (const error of op.validationAdd?.errors ?? []) messages.push(error.message);
  }
  return messages;
}

import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { buildSchema, execute, parse, type GraphQLSchema } from "graphql";
import { parse as parseToml } from "smol-toml";
import type { SandboxShop, SandboxValidation } from "./store";

// Shopify Functions at the sandbox's checkout: the Function's own input query is executed with
// graphql-js over its committed schema against the cart (as Shopify does), and the Function's
// pure `run` (extensions/<handle>/src/run.ts) gets the result. Its errors block the checkout.

export interface CheckoutCart {
  lines: { variantId: string; sellingPlanId: string | null; quantity: number }[];
  countryCode: string | null;
}

export type FunctionArgs = Record<string, unknown>;

const extensionsDir = path.resolve(import.meta.dirname, "../../extensions");
const schemas = new Map<string, GraphQLSchema>();

type Args = Record<string, unknown>;
type MetafieldSource = { namespace: string; key: string; type: string; value: string }[];

export function metafieldResolver(source: MetafieldSource) {
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

/** The cart's lines as a Function's input sees them (every field the app's Functions ask for). */
export function functionCartLines(shop: SandboxShop, cart: CheckoutCart) {
  return cart.lines.map((line, i) => {
    const product = shop.products.find((p) => p.variants.some((v) => v.id === line.variantId));
    const variant = product?.variants.find((v) => v.id === line.variantId);
    const plan = shop.sellingPlanGroups
      .flatMap((g) => g.plans)
      .find((p) => p.id === line.sellingPlanId);
    return {
      id: `gid://shopify/CartLine/${i + 1}`,
      quantity: line.quantity,
      cost: {
        subtotalAmount: {
          amount: (((variant?.price ?? 0) * line.quantity) / 100).toFixed(2),
          currencyCode: shop.currencyCode,
        },
      },
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
          isGiftCard: product?.isGiftCard === true,
          hasAnyTag: (args: Args) =>
            ((args.tags as string[]) ?? []).some((t) => product?.tags.includes(t)),
        },
      },
    };
  });
}

function functionInput(shop: SandboxShop, validation: SandboxValidation, cart: CheckoutCart) {
  const lines = functionCartLines(shop, cart);
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

/**
 * The Function's input query variables, as Shopify gives them: the JSON metafield of the
 * Function's owner named by `[extensions.input.variables]` in its shopify.extension.toml.
 */
function inputVariables(dir: string, owner: MetafieldSource): Record<string, unknown> | undefined {
  const toml = parseToml(fs.readFileSync(path.join(dir, "shopify.extension.toml"), "utf8")) as {
    extensions?: { input?: { variables?: { namespace: string; key: string } } }[];
  };
  const ref = toml.extensions?.[0]?.input?.variables;
  const m = ref && owner.find((f) => f.namespace === ref.namespace && f.key === ref.key);
  return m ? (JSON.parse(m.value) as Record<string, unknown>) : undefined;
}

/** Runs an extension's Function: its input query over its schema against `root`, then `run`. */
export async function runFunction<T>(
  handle: string,
  root: unknown,
  owner: MetafieldSource = [],
): Promise<T> {
  const dir = path.join(extensionsDir, handle);
  let schema = schemas.get(dir);
  if (!schema) {
    schema = buildSchema(fs.readFileSync(path.join(dir, "schema.graphql"), "utf8"));
    schemas.set(dir, schema);
  }
  const query = parse(fs.readFileSync(path.join(dir, "src/run.graphql"), "utf8"));
  const input = await execute({
    schema,
    document: query,
    rootValue: root,
    variableValues: inputVariables(dir, owner),
  });
  if (input.errors?.length) throw new Error(`function input: ${input.errors[0]?.message}`);
  const module = (await import(pathToFileURL(path.join(dir, "src/run.ts")).href)) as {
    run: (input: unknown) => T;
  };
  return module.run(input.data);
}

/** The blocking messages of every enabled validation Function for this cart. */
export async function runCheckoutValidations(
  shop: SandboxShop,
  cart: CheckoutCart,
): Promise<string[]> {
  const messages: string[] = [];
  for (const validation of shop.validations.filter((v) => v.enabled)) {
    const result = await runFunction<{
      operations: { validationAdd?: { errors: { message: string }[] } }[];
    }>(validation.functionHandle, functionInput(shop, validation, cart), validation.metafields);
    for (const op of result.operations)
      for (const error of op.validationAdd?.errors ?? []) messages.push(error.message);
  }
  return messages;
}

import fs from "node:fs";
import path from "node:path";
import type { SandboxValidation } from "../store";
import type { ResolverContext } from "./resolvers";

// validationCreate / validationUpdate: the app's checkout rules. Only Functions the app ships
// (extensions/<handle>/shopify.extension.toml) can be named, as on Shopify.

type Args = Record<string, unknown>;
type MetafieldInput = { namespace: string; key: string; type: string; value: string };

const extensionsDir = path.resolve(import.meta.dirname, "../../../extensions");

function functionExists(handle: string): boolean {
  const dir = path.join(extensionsDir, handle, "shopify.extension.toml");
  return fs.existsSync(dir) && /type\s*=\s*"function"/.test(fs.readFileSync(dir, "utf8"));
}

/** A Function owner's metafields (validation, app discount) with an update's set over them. */
export function mergeMetafieldInputs(
  current: MetafieldInput[],
  updates: MetafieldInput[] | null | undefined,
) {
  const out = [...current];
  for (const m of updates ?? []) {
    const i = out.findIndex((c) => c.namespace === m.namespace && c.key === m.key);
    if (i >= 0) out[i] = m;
    else out.push(m);
  }
  return out;
}

const validationObject = (v: SandboxValidation) => ({
  __typename: "Validation",
  id: v.id,
  title: v.title,
  enabled: v.enabled,
  blockOnFailure: v.blockOnFailure,
});

export const validationMutationResolvers = {
  validationCreate: (args: Args, { shop, store }: ResolverContext) => {
    const input = args.validation as {
      functionHandle?: string | null;
      functionId?: string | null;
      title?: string | null;
      enable?: boolean | null;
      blockOnFailure?: boolean | null;
      metafields?: MetafieldInput[] | null;
    };
    const handle = input.functionHandle ?? "";
    if (!functionExists(handle))
      return {
        validation: null,
        userErrors: [
          {
            field: ["validation", "functionHandle"],
            message: `Function ${handle} not found.`,
            code: "FUNCTION_NOT_FOUND",
          },
        ],
      };
    const validation: SandboxValidation = {
      id: store.gid("Validation").id,
      functionHandle: handle,
      title: input.title ?? handle,
      enabled: input.enable ?? false,
      blockOnFailure: input.blockOnFailure ?? false,
      metafields: mergeMetafieldInputs([], input.metafields),
    };
    shop.validations.push(validation);
    store.record({
      shop: shop.domain,
      kind: "validation.create",
      details: { id: validation.id, handle, enabled: validation.enabled },
    });
    return { validation: validationObject(validation), userErrors: [] };
  },
  validationUpdate: (args: Args, { shop, store }: ResolverContext) => {
    const validation = shop.validations.find((v) => v.id === args.id);
    if (!validation)
      return {
        validation: null,
        userErrors: [{ field: ["id"], message: "Validation not found.", code: "NOT_FOUND" }],
      };
    const input = args.validation as {
      enable?: boolean | null;
      blockOnFailure?: boolean | null;
      title?: string | null;
      metafields?: MetafieldInput[] | null;
    };
    validation.enabled = input.enable ?? validation.enabled;
    validation.blockOnFailure = input.blockOnFailure ?? validation.blockOnFailure;
    validation.title = input.title ?? validation.title;
    validation.metafields = mergeMetafieldInputs(validation.metafields, input.metafields);
    store.record({
      shop: shop.domain,
      kind: "validation.update",
      details: { id: validation.id, enabled: validation.enabled },
    });
    return { validation: validationObject(validation), userErrors: [] };
  },
};

import { ApiType, shopifyApiProject } from "@shopify/api-codegen-preset";

// Codegen reads app/types/admin-2026-10.schema.json (committed) and never fetches the schema.
export const ADMIN_API_VERSION = "2026-10";

export default {
  schema: `./app/types/admin-${ADMIN_API_VERSION}.schema.json`,
  documents: ["./app/**/*.{ts,tsx}"],
  projects: {
    // The trial validation Function: types for its input query from its own schema.
    trialValidation: {
      schema: "./extensions/trial-validation/schema.graphql",
      documents: ["./extensions/trial-validation/src/*.graphql"],
      extensions: {
        codegen: {
          generates: {
            "./extensions/trial-validation/generated/api.ts": {
              plugins: ["typescript", "typescript-operations"],
              config: {
                enumsAsTypes: true,
                defaultScalarType: "unknown",
                skipTypename: false,
                scalars: { JSON: "unknown", Decimal: "string" },
              },
            },
          },
        },
      },
    },
    // The referral discount Function, likewise.
    referralDiscount: {
      schema: "./extensions/referral-discount/schema.graphql",
      documents: ["./extensions/referral-discount/src/*.graphql"],
      extensions: {
        codegen: {
          generates: {
            "./extensions/referral-discount/generated/api.ts": {
              plugins: ["typescript", "typescript-operations"],
              config: {
                enumsAsTypes: true,
                defaultScalarType: "unknown",
                skipTypename: false,
                scalars: { JSON: "unknown", Decimal: "string" },
              },
            },
          },
        },
      },
    },
    default: shopifyApiProject({
      apiType: ApiType.Admin,
      apiVersion: ADMIN_API_VERSION,
      documents: ["./app/**/*.{ts,tsx}", "!./app/types/**"],
      outputDir: "./app/types",
      declarations: true,
      enumsAsConst: true,
    }),
  },
};

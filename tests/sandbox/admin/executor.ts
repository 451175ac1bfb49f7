import {
  GraphQLError,
  execute,
  parse,
  validate,
  visit,
  TypeInfo,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLFieldResolver,
} from "graphql";
import type { SandboxStore } from "../store";
import { adminSchema } from "./schema";
import { actualCost, MAX_QUERY_COST, requestedCost } from "./cost";
import { mutationResolvers, queryResolvers, type ResolverContext } from "./resolvers";

export interface GraphqlRequestBody {
  query: string;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
}

export interface GraphqlResult {
  data?: unknown;
  errors?: {
    message: string;
    extensions?: Record<string, unknown>;
    path?: readonly (string | number)[];
  }[];
  extensions?: Record<string, unknown>;
}

// Arguments Shopify accepts only on Plus stores.
const PLUS_ONLY_ARGUMENTS: readonly [string, string, string][] = [
  ["Mutation", "orderCreateMandatePayment", "amount"],
];

// Only what the sandbox simulates resolves; everything else is an error that names the field.
const strictFieldResolver: GraphQLFieldResolver<unknown, ResolverContext> = (
  source,
  args,
  context,
  info,
) => {
  if (source !== null && typeof source === "object" && info.fieldName in source) {
    const value = (source as Record<string, unknown>)[info.fieldName];
    return typeof value === "function"
      ? (value as (a: unknown, c: unknown, i: unknown) => unknown)(args, context, info)
      : value;
  }
  throw new GraphQLError(`not simulated: ${info.parentType.name}.${info.fieldName}`, {
    extensions: { code: "NOT_SIMULATED" },
  });
};

function plusOnlyViolations(document: DocumentNode): string[] {
  const typeInfo = new TypeInfo(adminSchema());
  const found: string[] = [];
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Argument(node) {
        const parent = typeInfo.getParentType()?.name;
        const field = typeInfo.getFieldDef()?.name;
        for (const [type, fieldName, arg] of PLUS_ONLY_ARGUMENTS) {
          if (parent === type && field === fieldName && node.name.value === arg)
            found.push(`${fieldName}.${arg}`);
        }
      },
    }),
  );
  return found;
}

export async function executeAdmin(
  store: SandboxStore,
  shopDomain: string,
  body: GraphqlRequestBody,
): Promise<GraphqlResult> {
  const shop = store.shop(shopDomain);
  const schema = adminSchema();
  let document: DocumentNode;
  try {
    document = parse(body.query);
  } catch (error) {
    return { errors: [{ message: (error as Error).message, extensions: { code: "PARSE_ERROR" } }] };
  }
  const validationErrors = validate(schema, document);
  if (validationErrors.length > 0) {
    return {
      errors: validationErrors.map((e) => ({
        message: e.message,
        extensions: { code: "GRAPHQL_VALIDATION_FAILED" },
      })),
    };
  }
  const cost = requestedCost(schema, document);
  if (cost > MAX_QUERY_COST) {
    return {
      errors: [
        {
          message: `Query cost is ${cost}, which exceeds the single query max cost limit (${MAX_QUERY_COST}).`,
          extensions: { code: "MAX_COST_EXCEEDED", cost, maxCost: MAX_QUERY_COST },
        },
      ],
    };
  }
  if (!shop.bucket.take(cost)) {
    return {
      errors: [
        {
          message: "Throttled",
          extensions: {
            code: "THROTTLED",
            documentation: "https://shopify.dev/api/usage/rate-limits",
          },
        },
      ],
      extensions: {
        cost: {
          requestedQueryCost: cost,
          actualQueryCost: null,
          throttleStatus: shop.bucket.status(),
        },
      },
    };
  }
  if (!shop.plus) {
    const violations = plusOnlyViolations(document);
    if (violations.length > 0) {
      return {
        errors: violations.map((v) => ({
          message: `Access denied for ${v}: only available to Shopify Plus stores.`,
          extensions: { code: "ACCESS_DENIED" },
        })),
        extensions: {
          cost: {
            requestedQueryCost: cost,
            actualQueryCost: cost,
            throttleStatus: shop.bucket.status(),
          },
        },
      };
    }
  }
  const result = await execute({
    schema,
    document,
    rootValue: { ...queryResolvers, ...mutationResolvers },
    contextValue: { store, shop } satisfies ResolverContext,
    variableValues: body.variables ?? {},
    operationName: body.operationName ?? undefined,
    fieldResolver: strictFieldResolver,
  });
  const actual = actualCost(document, result.data as Record<string, unknown> | null, cost);
  shop.bucket.refund(cost - actual);
  return {
    ...(result.data !== undefined ? { data: result.data } : {}),
    ...(result.errors
      ? {
          errors: result.errors.map((e) => ({
            message: e.message,
            path: e.path,
            extensions: e.extensions,
          })),
        }
      : {}),
    extensions: {
      cost: {
        requestedQueryCost: cost,
        actualQueryCost: actual,
        throttleStatus: shop.bucket.status(),
      },
    },
  };
}

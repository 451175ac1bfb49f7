import {
  getNamedType,
  isCompositeType,
  isListType,
  isNonNullType,
  type GraphQLSchema,
  type DocumentNode,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  Kind,
  type GraphQLOutputType,
} from "graphql";

/** Shopify refuses a single query whose requested cost exceeds this. */
export const MAX_QUERY_COST = 1000;

// Shopify's calculated query cost, simplified: each object or connection field costs 1, a
// connection multiplies its children by `first`/`last`, a mutation costs 10. Enough to make
// the bucket behave like Shopify's for the app's own operations.
export function requestedCost(schema: GraphQLSchema, document: DocumentNode): number {
  let cost = 0;
  const multipliers: number[] = [1];
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      OperationDefinition: {
        enter(node) {
          if (node.operation === "mutation") cost += 10;
        },
      },
      Field: {
        enter(node) {
          const type = typeInfo.getType();
          const multiplier = multipliers[multipliers.length - 1] ?? 1;
          if (type && isCompositeType(getNamedType(type)) && !isListOfScalars(type)) {
            const named = getNamedType(type).name;
            if (!typeInfo.getParentType()?.name.startsWith("Mutation")) cost += multiplier;
            const size = node.arguments?.find(
              (a) => a.name.value === "first" || a.name.value === "last",
            );
            const count = size?.value.kind === Kind.INT ? Number(size.value.value) : 1;
            multipliers.push(
              named.endsWith("Connection") ? multiplier * Math.max(1, count) : multiplier,
            );
          } else {
            multipliers.push(multiplier);
          }
        },
        leave() {
          multipliers.pop();
        },
      },
    }),
  );
  return Math.max(1, cost);
}

function isListOfScalars(type: GraphQLOutputType): boolean {
  const inner = isNonNullType(type) ? type.ofType : type;
  return isListType(inner) && !isCompositeType(getNamedType(inner));
}

// Shopify charges the requested cost up front and refunds the difference once it knows what the
// query returned: a connection asked for `first: 50` that holds two nodes costs two. Counted
// here as one point per object in the response (a mutation's payload object is in its flat 10).
export function actualCost(
  document: DocumentNode,
  data: Record<string, unknown> | null | undefined,
  requested: number,
): number {
  const isMutation = document.definitions.some(
    (d) => d.kind === Kind.OPERATION_DEFINITION && d.operation === "mutation",
  );
  let objects = 0;
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === "object") {
      objects += 1;
      Object.values(value).forEach(walk);
    }
  };
  if (isMutation) {
    // The payload object itself is in the flat 10; what it selects is not.
    for (const payload of Object.values(data ?? {})) {
      if (payload && typeof payload === "object") Object.values(payload).forEach(walk);
    }
    return Math.min(requested, 10 + objects);
  }
  Object.values(data ?? {}).forEach(walk);
  return Math.max(1, Math.min(requested, objects));
}

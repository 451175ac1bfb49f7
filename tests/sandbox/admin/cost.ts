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

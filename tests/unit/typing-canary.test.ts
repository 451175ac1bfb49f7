import { describe, expect, expectTypeOf, it } from "vitest";
import type {
  MetafieldsSetMutation,
  MetafieldsSetMutationVariables,
  ShopDetailsQuery,
} from "~/types/admin.generated";

// Compiled by `npm run typecheck`: if codegen stops typing operations from the committed
// schema (or a field changes type), this file stops compiling.
describe("codegen typing canary", () => {
  it("types query results and mutation variables from the schema", () => {
    expectTypeOf<ShopDetailsQuery["shop"]["plan"]["shopifyPlus"]>().toEqualTypeOf<boolean>();
    expectTypeOf<ShopDetailsQuery["currentAppInstallation"]["id"]>().toEqualTypeOf<string>();
    type MetafieldInput = Extract<
      MetafieldsSetMutationVariables["metafields"],
      readonly unknown[]
    >[number];
    expectTypeOf<MetafieldInput["ownerId"]>().toEqualTypeOf<string>();
    type UserError = NonNullable<MetafieldsSetMutation["metafieldsSet"]>["userErrors"][number];
    expectTypeOf<UserError["message"]>().toEqualTypeOf<string>();
    // @ts-expect-error — a field the operation does not select is not on the type
    type _Missing = ShopDetailsQuery["shop"]["email"];
    expect(true).toBe(true);
  });
});

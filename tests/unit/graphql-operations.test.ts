import { describe, expect, it } from "vitest";
import { Kind, parse, validate, TypeInfo, visit, visitWithTypeInfo } from "graphql";
import { adminSchema } from "../sandbox/admin/schema";
import { MAX_QUERY_COST, requestedCost } from "../sandbox/admin/cost";
import fs from "node:fs";
import { appGraphqlDocuments, appSourceFiles, rawAdminIntrospection } from "../support/operations";
import { APP_SCOPES } from "~/shopify-scopes";

const documents = appGraphqlDocuments();

/** Scopes a field's `requiredAccess` text names, e.g. "`write_orders` access scope or …". */
function namedScopes(text: string): string[] {
  return [...text.matchAll(/`([a-z_]+)`/g)]
    .map((m) => m[1] as string)
    .filter((s) => /^(read_|write_)?[a-z_]+$/.test(s) && !s.includes("permission"));
}

function granted(scope: string): boolean {
  const bare = scope.replace(/^(read_|write_)/, "");
  const wanted =
    scope.startsWith("read_") || scope === bare ? [`read_${bare}`, `write_${bare}`] : [scope];
  return wanted.some((s) => (APP_SCOPES as readonly string[]).includes(s));
}

const definitionsOf = (source: string) => parse(source).definitions;
const isFragmentDocument = (source: string) =>
  definitionsOf(source)[0]?.kind === Kind.FRAGMENT_DEFINITION;
const operations = documents.filter((d) => !isFragmentDocument(d.source));
const fragments = documents.filter((d) => isFragmentDocument(d.source));

describe("Admin GraphQL operations", () => {
  it("exist", () => {
    expect(operations.length).toBeGreaterThanOrEqual(4);
  });

  it("are every #graphql string in the app (none is missed by the checks below)", () => {
    const strings = appSourceFiles().reduce(
      (n, file) => n + (fs.readFileSync(file, "utf8").match(/`#graphql/g)?.length ?? 0),
      0,
    );
    expect(documents).toHaveLength(strings);
  });

  it.each(operations.map((d) => [d.name, d.source] as const))(
    "%s: one named operation (with the fragments it spreads) that validates against the 2026-10 schema",
    (_name, source) => {
      const definitions = definitionsOf(source);
      const ops = definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
      expect(ops).toHaveLength(1);
      expect(
        definitions.every(
          (d) => d.kind === Kind.OPERATION_DEFINITION || d.kind === Kind.FRAGMENT_DEFINITION,
        ),
      ).toBe(true);
      const [operation] = ops;
      expect(operation && "name" in operation && operation.name?.value).toBeTruthy();
      expect(validate(adminSchema(), parse(source)).map((e) => e.message)).toEqual([]);
    },
  );

  it.each(fragments.map((d) => [d.name, d.source] as const))(
    "%s: one named fragment, spread by some operation",
    (_name, source) => {
      const definitions = definitionsOf(source);
      expect(definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION)).toHaveLength(1);
      const fragmentName = (definitions[0] as { name: { value: string } }).name.value;
      expect(operations.some((o) => o.source.includes(`...${fragmentName}`))).toBe(true);
    },
  );

  it.each(operations.map((d) => [d.name, d.source] as const))(
    "%s: requested cost within Shopify's single-query limit",
    (_name, source) => {
      expect(requestedCost(adminSchema(), parse(source))).toBeLessThanOrEqual(MAX_QUERY_COST);
    },
  );

  it("have unique names", () => {
    const names = documents.map((d) => {
      const def = definitionsOf(d.source)[0];
      return def && "name" in def ? def.name?.value : undefined;
    });
    expect(new Set(names).size).toBe(names.length);
  });

  it("need no access scope the app does not request", () => {
    const introspection = rawAdminIntrospection();
    const access = new Map<string, string>();
    for (const type of introspection.types) {
      for (const field of type.fields ?? [])
        if (field.requiredAccess) access.set(`${type.name}.${field.name}`, field.requiredAccess);
    }
    const missing: string[] = [];
    for (const { source, file } of operations) {
      const typeInfo = new TypeInfo(adminSchema());
      visit(
        parse(source),
        visitWithTypeInfo(typeInfo, {
          Field() {
            const key = `${typeInfo.getParentType()?.name}.${typeInfo.getFieldDef()?.name}`;
            const text = access.get(key);
            if (!text) return;
            const scopes = namedScopes(text);
            if (scopes.length > 0 && !scopes.some(granted))
              missing.push(`${file}: ${key} needs ${scopes.join(" or ")}`);
          },
        }),
      );
    }
    expect(missing).toEqual([]);
  });

  it("fail validation when a field is misspelt (the check can fail)", () => {
    const broken = parse("query Broken { shop { currencyCodee } }");
    const messages = validate(adminSchema(), broken).map((e) => e.message);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/Cannot query field "currencyCodee" on type "Shop"/);
  });
});

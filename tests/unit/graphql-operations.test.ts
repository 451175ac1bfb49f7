import { describe, expect, it } from "vitest";
import { Kind, parse, validate, TypeInfo, visit, visitWithTypeInfo } from "graphql";
import { adminSchema } from "../sandbox/admin/schema";
import { appGraphqlDocuments, rawAdminIntrospection } from "../support/operations";
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

describe("Admin GraphQL operations", () => {
  it("exist", () => {
    expect(documents.length).toBeGreaterThanOrEqual(4);
  });

  it.each(documents.map((d) => [d.file, d.source] as const))(
    "%s: one named operation that validates against the 2026-10 schema",
    (_file, source) => {
      const document = parse(source);
      expect(document.definitions).toHaveLength(1);
      const [definition] = document.definitions;
      expect(definition?.kind).toBe(Kind.OPERATION_DEFINITION);
      expect(definition && "name" in definition && definition.name?.value).toBeTruthy();
      expect(validate(adminSchema(), document).map((e) => e.message)).toEqual([]);
    },
  );

  it("have unique names", () => {
    const names = documents.map((d) => {
      const def = parse(d.source).definitions[0];
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
    for (const { source, file } of documents) {
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

import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { appSourceFiles, projectRoot } from "../support/operations";

// The import rule of app/ (app/features/README.md, docs/decisions/0009-feature-folders.md):
// shared code never imports a feature, a feature never imports another, and code outside a
// feature reaches it only through its index. Checked on every import of every app module.

type Layer =
  | "domain"
  | "graphql"
  | "types"
  | "platform"
  | "services"
  | "contract"
  | "shell"
  | "storefront"
  | "components"
  | "routes"
  | "wiring"
  | `feature:${string}`;

const WIRING = new Set([
  "app/policies.server.ts",
  "app/jobs.server.ts",
  "app/compliance.server.ts",
  "app/entry.server.tsx",
  "app/root.tsx",
  "app/worker.cli.ts",
]);

export function layerOf(file: string): Layer {
  const feature = /^app\/features\/([^/]+)\//.exec(file);
  if (feature) return `feature:${feature[1]}`;
  if (WIRING.has(file) || file.startsWith("app/webhooks/")) return "wiring";
  if (file === "app/db.server.ts") return "platform";
  if (file === "app/policy-module.ts") return "contract";
  if (file === "app/shopify.server.ts" || file === "app/shopify-scopes.ts") return "shell";
  const top = file.split("/")[1] ?? "";
  const layers: Record<string, Layer> = {
    domain: "domain",
    graphql: "graphql",
    types: "types",
    platform: "platform",
    services: "services",
    storefront: "storefront",
    components: "components",
    routes: "routes",
  };
  const layer = layers[top];
  if (!layer) throw new Error(`${file} is in no layer: add it to the rule`);
  return layer;
}

const SHARED: Layer[] = ["domain", "graphql", "types", "platform", "services"];
const MAY_IMPORT: Record<string, Layer[]> = {
  domain: ["domain"],
  graphql: [],
  types: ["types"],
  platform: ["domain", "graphql", "types", "platform"],
  services: SHARED,
  contract: [...SHARED, "contract"],
  shell: ["domain", "platform", "shell"],
  storefront: ["domain", "platform", "shell", "storefront"],
  components: ["domain", "components"],
  routes: [...SHARED, "shell", "storefront", "components", "feature-index" as Layer],
  wiring: [...SHARED, "shell", "contract", "wiring", "feature-index" as Layer],
};

const isFeatureIndex = (file: string) => /^app\/features\/[^/]+\/index(\.server)?\.ts$/.test(file);

/** Why `from` may not import `to`, or null when it may. */
export function violation(from: string, to: string): string | null {
  const source = layerOf(from);
  const target = layerOf(to);
  if (source.startsWith("feature:")) {
    if (target === source) return null;
    if (target.startsWith("feature:")) return "a feature imports another feature";
    return [...SHARED, "contract"].includes(target) ? null : `a feature imports ${target}`;
  }
  if (target.startsWith("feature:")) {
    if (!MAY_IMPORT[source]?.includes("feature-index" as Layer))
      return `${source} code imports a feature`;
    return isFeatureIndex(to) ? null : "imports a feature's internals, not its index";
  }
  return MAY_IMPORT[source]?.includes(target) ? null : `${source} imports ${target}`;
}

const EXTENSIONS = ["", ".ts", ".tsx", "/index.ts", "/index.tsx"];

function resolveImport(from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith("~/")) base = `app/${spec.slice(2)}`;
  else if (spec.startsWith(".")) base = path.posix.join(path.posix.dirname(from), spec);
  else return null; // a package
  for (const ext of EXTENSIONS) {
    const candidate = base + ext;
    const full = path.join(projectRoot, candidate);
    if (fs.existsSync(full) && fs.statSync(full).isFile()) return candidate;
  }
  return base.startsWith("app/") ? base : null;
}

function importsOf(file: string): string[] {
  const text = fs.readFileSync(path.join(projectRoot, file), "utf8");
  const specs = [
    ...text.matchAll(/^\s*(?:import|export)\s[^;]*?\sfrom\s+["']([^"']+)["']/gm),
    ...text.matchAll(/^\s*import\s+["']([^"']+)["']/gm),
    ...text.matchAll(/import\(\s*["']([^"']+)["']\s*\)/g),
  ].map((m) => m[1] as string);
  return specs.flatMap((spec) => {
    const target = resolveImport(file, spec);
    return target && target.startsWith("app/") && !target.startsWith("app/types/") ? [target] : [];
  });
}

describe("the import rule of app/", () => {
  const files = appSourceFiles().map((f) =>
    path.relative(projectRoot, f).split(path.sep).join("/"),
  );

  it("holds for every import of every module", () => {
    const broken = files.flatMap((file) =>
      importsOf(file).flatMap((target) => {
        const why = violation(file, target);
        return why ? [`${file} → ${target}: ${why}`] : [];
      }),
    );
    expect(broken).toEqual([]);
  });

  it("reads the imports it checks (the check can see a violation)", () => {
    expect(files.length).toBeGreaterThan(50);
    const trialImports = importsOf("app/features/trial/advance.server.ts");
    expect(trialImports).toContain("app/platform/jobs/case-runner.server.ts");
    expect(trialImports).toContain("app/features/trial/case.server.ts");
  });

  it("refuses what it exists to refuse", () => {
    expect(violation("app/features/trial/x.ts", "app/features/made-to-order/case.server.ts")).toBe(
      "a feature imports another feature",
    );
    expect(violation("app/platform/jobs/worker.server.ts", "app/jobs.server.ts")).toBe(
      "platform imports wiring",
    );
    expect(violation("app/services/x.server.ts", "app/features/trial/index.server.ts")).toBe(
      "services code imports a feature",
    );
    expect(violation("app/routes/app.trials.tsx", "app/features/trial/queries.server.ts")).toBe(
      "imports a feature's internals, not its index",
    );
    expect(violation("app/domain/money.ts", "app/platform/clock.server.ts")).toBe(
      "domain imports platform",
    );
    expect(violation("app/features/trial/x.ts", "app/routes/app.tsx")).toBe(
      "a feature imports routes",
    );
    expect(violation("app/routes/app.trials.tsx", "app/features/trial/index.server.ts")).toBe(null);
    expect(violation("app/policies.server.ts", "app/features/trial/index.server.ts")).toBe(null);
  });
});

describe("module size", () => {
  it("keeps every hand-written module readable in one sitting (≤ 350 lines)", () => {
    // The ISO code lists are data, not logic.
    const exempt = new Set(["app/domain/codes.ts"]);
    const long = appSourceFiles()
      .map((f) => path.relative(projectRoot, f).split(path.sep).join("/"))
      .filter((f) => !exempt.has(f))
      .map(
        (f) => [f, fs.readFileSync(path.join(projectRoot, f), "utf8").split("\n").length] as const,
      )
      .filter(([, lines]) => lines > 350);
    expect(long).toEqual([]);
  });
});

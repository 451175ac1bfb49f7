// bench/sandbox: how many Admin GraphQL calls per second the sandbox serves on this machine
// (validated against the real schema, costed, executed), over HTTP on loopback at concurrency
// 20, with the shop's bucket set high enough that throttling is not what is measured. The
// sandbox must never be the bottleneck of the app's own benchmarks (Standard plan: ~10
// mutations/s, 100 points/s). Run: npm run bench:sandbox [-- --seconds 10]
import os from "node:os";
import { createSandbox, startSandboxServer } from "../../tests/sandbox/server";
import { DEMO_SHOP, seedDemoStore } from "../../tests/sandbox/seed";

const args = process.argv.slice(2);
const seconds = Number(args[args.indexOf("--seconds") + 1] || 5);
const CONCURRENCY = 20;

const sandbox = createSandbox();
seedDemoStore(sandbox.store);
sandbox.store.setPlan(DEMO_SHOP, "plus", { maximumAvailable: 1e12, restoreRate: 1e12 });
sandbox.store.shop(DEMO_SHOP).accessTokens.add("bench-token");
const server = await startSandboxServer(sandbox);

const operations = [
  {
    query:
      "query ShopDetails { shop { myshopifyDomain currencyCode ianaTimezone plan { shopifyPlus } } currentAppInstallation { id } }",
  },
  {
    query:
      "mutation MetafieldsSet($metafields: [MetafieldsSetInput!]!) { metafieldsSet(metafields: $metafields) { metafields { id } userErrors { field message } } }",
    variables: {
      metafields: [
        {
          ownerId: sandbox.store.shop(DEMO_SHOP).appInstallationId,
          namespace: "bench",
          key: "k",
          type: "json",
          value: '{"a":1}',
        },
      ],
    },
  },
];

async function measure(name: string, body: object) {
  let calls = 0;
  let errors = 0;
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < until) {
        const response = await fetch(`${server.url}/admin/api/2026-10/graphql.json`, {
          method: "POST",
          body: JSON.stringify(body),
          headers: {
            "Content-Type": "application/json",
            "X-Shopify-Access-Token": "bench-token",
            "X-Sandbox-Shop": DEMO_SHOP,
          },
        });
        const json = (await response.json()) as { errors?: unknown };
        calls += 1;
        if (json.errors) errors += 1;
      }
    }),
  );
  console.log(
    `  ${name.padEnd(14)} ${(calls / seconds).toFixed(0).padStart(6)} calls/s  (${calls} calls, ${errors} errors)`,
  );
}

console.log(
  `bench/sandbox (${os.cpus().length} cores, ${process.version}), ${seconds}s each, concurrency ${CONCURRENCY}`,
);
await measure("ShopDetails", operations[0] as object);
await measure("MetafieldsSet", operations[1] as object);
console.log(
  "  Standard plan budget for comparison: 100 points/s (≈ 10 mutations/s or 100 small queries/s)",
);
await server.close();
process.exit(0);

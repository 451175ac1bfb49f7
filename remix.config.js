/** @type {import('@remix-run/dev').AppConfig} */
export default {
  ignoredRouteFiles: ["**/.*", "**/*.test.{ts,tsx}"],
  appDirectory: "app",
  serverModuleFormat: "esm",
  serverPlatform: "node",
  // Polaris locale JSON is imported with `with { type: "json" }`; bundling it avoids
  // Node's "needs an import attribute" error at run time (see docs/decisions/0001).
  serverDependenciesToBundle: [/^@shopify\/polaris\/locales\//],
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
    v3_singleFetch: false,
  },
};

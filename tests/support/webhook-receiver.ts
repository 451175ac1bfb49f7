import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll } from "vitest";
import { receiveWebhook } from "~/platform/webhooks/inbox.server";
import type { WebhookTopic } from "~/platform/webhooks/topics";

/**
 * The app's webhook routes without the rest of the app: the sandbox's signed deliveries reach the
 * same inbox the production routes call, so integration tests see real delivery behaviour.
 */
export function startWebhookReceiver() {
  const context = { url: "" };
  let server: http.Server | undefined;
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const topic = (req.url ?? "").replace(/^\/webhooks\//, "") as WebhookTopic;
        const headers = new Headers();
        for (const [k, v] of Object.entries(req.headers))
          if (typeof v === "string") headers.set(k, v);
        const request = new Request(`http://receiver${req.url}`, {
          method: "POST",
          headers,
          body: Buffer.concat(chunks),
        });
        receiveWebhook(request, topic)
          .then(async (response) => {
            res.writeHead(response.status);
            res.end(await response.text());
          })
          .catch((error: unknown) => {
            res.writeHead(500);
            res.end(String(error));
          });
      });
    });
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    context.url = `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
  });
  return context;
}

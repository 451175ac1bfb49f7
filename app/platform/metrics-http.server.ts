import http from "node:http";
import { logger } from "~/platform/logger.server";
import { metricsAuthorized, metricsText } from "~/platform/metrics.server";

/**
 * `/metrics` for a process without the app's HTTP server (`npm run worker` with
 * WORKER_METRICS_PORT): the job durations and failures it records live only in its memory.
 */
export function listenForScrapes(port: number): http.Server {
  const server = http.createServer((req, res) => {
    if (new URL(req.url ?? "/", "http://worker").pathname !== "/metrics")
      return void res.writeHead(404).end();
    if (!metricsAuthorized(req.headers.authorization ?? null))
      return void res
        .writeHead(401, { "WWW-Authenticate": 'Bearer realm="metrics"' })
        .end("Unauthorized");
    metricsText().then(
      ({ contentType, body }) => res.writeHead(200, { "Content-Type": contentType }).end(body),
      (error: unknown) => {
        logger.error({ err: error }, "metrics scrape failed");
        res.writeHead(500).end();
      },
    );
  });
  server.listen(port, () => logger.info({ port }, "worker metrics listening"));
  return server;
}

import { PassThrough } from "node:stream";
import { renderToPipeableStream } from "react-dom/server";
import { RemixServer } from "@remix-run/react";
import { createReadableStreamFromReadable, type EntryContext } from "@remix-run/node";
import { isbot } from "isbot";
import { addDocumentResponseHeaders } from "./shopify.server";
import { initDatabase } from "~/platform/database.server";
import { startInlineWorker } from "~/platform/jobs/inline.server";
import { scheduleWebhookRetention } from "~/platform/webhooks/retention.server";
import { jobTable } from "~/jobs.server";
import { logger } from "~/platform/logger.server";
import { allowSandboxAdminFrame } from "~/platform/sandbox-routing.server";

const ABORT_DELAY = 5000;

// Evaluated once when the server loads the build: the worker starts with the app unless
// FITTING_ROOM_WORKER=off (then `npm run worker` runs it as its own process).
void initDatabase().catch((error: unknown) =>
  logger.error({ err: error }, "database initialisation failed"),
);
// Where a worker runs, the inbox's daily retention sweep is queued (it re-queues itself).
if (startInlineWorker(jobTable))
  void scheduleWebhookRetention().catch((error: unknown) =>
    logger.error({ err: error }, "webhook retention sweep not scheduled"),
  );

// For the HTTP server (scripts/serve.mjs): access log, webhook latency, shutdown.
export { serverOperations as operations } from "~/platform/lifecycle.server";

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
) {
  addDocumentResponseHeaders(request, responseHeaders);
  allowSandboxAdminFrame(responseHeaders);
  const callbackName = isbot(request.headers.get("user-agent") ?? "")
    ? "onAllReady"
    : "onShellReady";

  return new Promise((resolve, reject) => {
    const { pipe, abort } = renderToPipeableStream(
      <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} />,
      {
        [callbackName]: () => {
          const body = new PassThrough();
          const stream = createReadableStreamFromReadable(body);
          responseHeaders.set("Content-Type", "text/html");
          resolve(new Response(stream, { headers: responseHeaders, status: responseStatusCode }));
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          logger.error({ err: error }, "render error");
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}

#!/usr/bin/env node
// The app's HTTP server (`npm start`, the demo, the e2e tests): remix-serve's Express setup plus
// what it cannot be told to do. Its access log printed every URL whole, session tokens
// included; this one logs through the app's pino logger with secrets redacted, records webhook
// acknowledgement latency, and on SIGTERM/SIGINT stops the in-process job worker and closes the
// database before exiting (remix-serve only closed the listener, and the worker kept polling).
// Usage: node scripts/serve.mjs [build/index.js]
import fs from "node:fs";
import path from "node:path";
import url from "node:url";
import { createRequestHandler } from "@remix-run/express";
import { broadcastDevReady, installGlobals } from "@remix-run/node";
import compression from "compression";
import express from "express";

process.env.NODE_ENV ??= "production";
process.setSourceMapsEnabled(true);
const mode = process.env.NODE_ENV;
const buildPath = path.resolve(process.argv[2] ?? "build/index.js");
// A query string busts the import cache, so a dev rebuild is loaded again.
const importBuild = () =>
  import(`${url.pathToFileURL(buildPath).href}?t=${fs.statSync(buildPath).mtimeMs}`);

let build = await importBuild();
installGlobals({ nativeFetch: build.future.v3_singleFetch });
/** @returns {import("../app/platform/lifecycle.server").ServerOperations} */
const ops = () => build.entry.module.operations;

// Probes and scrapes come every few seconds: only their failures are worth a line.
const QUIET = new Set(["/healthz", "/metrics"]);

const app = express();
app.disable("x-powered-by");
app.use(compression());
app.use(
  build.publicPath,
  express.static(build.assetsBuildDirectory, { immutable: true, maxAge: "1y" }),
);
app.use(express.static("public", { maxAge: "1h" }));
app.use((req, res, next) => {
  const started = performance.now();
  res.once("close", () => {
    const ms = performance.now() - started;
    const { logger, observeRequest, redactUrl } = ops();
    observeRequest(req.method, req.path, res.statusCode, ms);
    if (QUIET.has(req.path) && res.statusCode < 400) return;
    logger.info(
      {
        method: req.method,
        url: redactUrl(req.originalUrl),
        status: res.statusCode,
        ms: Math.round(ms * 10) / 10,
        aborted: !res.writableFinished || undefined,
      },
      "request",
    );
  });
  next();
});
// The peer of the socket is the one address no client can forge: it is appended as every
// proxy does, and the app's per-IP limits count TRUSTED_PROXY_HOPS back from it.
app.use((req, _res, next) => {
  const forwarded = req.headers["x-forwarded-for"];
  const peer = req.socket.remoteAddress ?? "unknown";
  req.headers["x-forwarded-for"] = forwarded ? `${forwarded}, ${peer}` : peer;
  next();
});
app.all("*", createRequestHandler({ build: () => build, mode }));

const port = Number(process.env.PORT ?? 3000);
const onListen = () => {
  ops().logger.info({ port, mode }, "app server listening");
  if (mode === "development") void broadcastDevReady(build);
};
const server = process.env.HOST
  ? app.listen(port, process.env.HOST, onListen)
  : app.listen(port, onListen);

if (mode === "development") {
  // `remix dev --manual` writes version.txt after each rebuild and waits for this server.
  fs.watchFile(path.resolve(buildPath, "..", "version.txt"), { interval: 250 }, async () => {
    build = await importBuild();
    void broadcastDevReady(build);
  });
}

let stopping = false;
async function shutdown(signal) {
  // A process group's SIGTERM and a parent forwarding it arrive both: one shutdown.
  if (stopping) return;
  stopping = true;
  const { logger, shutdownGraceMs, stopJobs, closeDatabase } = ops();
  const graceMs = shutdownGraceMs();
  logger.info({ signal, graceMs }, "shutting down");
  setTimeout(() => {
    logger.error({ graceMs }, "shutdown overran its grace period; exiting anyway");
    process.exit(1);
  }, graceMs + 5000).unref();
  fs.unwatchFile(path.resolve(buildPath, "..", "version.txt"));
  const closed = new Promise((resolve) => server.close(resolve));
  server.closeIdleConnections();
  // Requests in flight get the grace period; a keep-alive socket left open then is cut.
  setTimeout(() => server.closeAllConnections(), graceMs).unref();
  try {
    await Promise.all([closed, stopJobs(graceMs)]);
    await closeDatabase();
  } catch (error) {
    logger.error({ err: error }, "shutdown failed");
    process.exit(1);
  }
  logger.info("stopped");
  process.exit(0);
}
for (const signal of ["SIGTERM", "SIGINT"]) process.on(signal, () => void shutdown(signal));

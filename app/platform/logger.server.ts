import pino from "pino";
import { REDACTED, REDACTED_LOG_PATHS, redactLogUrls } from "./redact";

// Structured logs; every line about a shop's data carries `shop` and the ids involved. Secrets
// are taken out here (app/platform/redact.ts), so no call site has to remember to.
export const loggerOptions: pino.LoggerOptions = {
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
  base: { app: "fitting-room" },
  redact: { paths: REDACTED_LOG_PATHS, censor: REDACTED },
  formatters: { log: redactLogUrls },
};

export const logger = pino(loggerOptions);

export function shopLogger(shop: string, bindings: Record<string, unknown> = {}) {
  return logger.child({ shop, ...bindings });
}

import pino from "pino";

// Structured logs; every line about a shop's data carries `shop` and the ids involved.
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
  base: { app: "fitting-room" },
  redact: ["*.accessToken", "*.email", "*.payload"],
});

export function shopLogger(shop: string, bindings: Record<string, unknown> = {}) {
  return logger.child({ shop, ...bindings });
}

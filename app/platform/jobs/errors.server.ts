import { HttpResponseError, GraphqlQueryError } from "@shopify/shopify-api";
import { SessionNotFoundError } from "@shopify/shopify-app-remix/server";
import { isTerminalHttpStatus } from "~/domain/retry";

/** A failure that no retry can fix: the job is marked dead at once. */
export class TerminalJobError extends Error {
  override name = "TerminalJobError";
}

/** A failure worth retrying later (throttled, 5xx, a result not yet known). */
export class RetryableJobError extends Error {
  override name = "RetryableJobError";
  constructor(
    message: string,
    readonly retryAfterMs?: number,
    /** Shopify refused the call before acting on it (throttled): nothing can be in flight. */
    readonly notPerformed = false,
  ) {
    super(message);
  }
}

/** Shopify's THROTTLED answer, however the client library surfaced it. */
export function isThrottled(error: unknown): boolean {
  if (error instanceof GraphqlQueryError)
    return JSON.stringify(error.body ?? error.response ?? {}).includes("THROTTLED");
  return error instanceof Error && /throttled/i.test(error.message);
}

export type Classified = { terminal: boolean; message: string; retryAfterMs?: number };

export function classifyJobError(error: unknown): Classified {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  if (error instanceof TerminalJobError) return { terminal: true, message };
  if (error instanceof RetryableJobError)
    return { terminal: false, message, retryAfterMs: error.retryAfterMs };
  if (error instanceof SessionNotFoundError)
    return { terminal: true, message: `missing session: ${message}` };
  if (error instanceof HttpResponseError) {
    return {
      terminal: isTerminalHttpStatus(error.response.code),
      message: `HTTP ${error.response.code}: ${message}`,
    };
  }
  if (error instanceof Response) {
    return { terminal: isTerminalHttpStatus(error.status), message: `HTTP ${error.status}` };
  }
  if (error instanceof GraphqlQueryError) {
    // A query the schema rejects will be rejected again; throttling passes.
    return { terminal: !isThrottled(error), message };
  }
  const status = (error as { status?: unknown })?.status;
  if (typeof status === "number")
    return { terminal: isTerminalHttpStatus(status), message: `HTTP ${status}: ${message}` };
  return { terminal: false, message };
}

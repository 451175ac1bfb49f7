import { PrismaLibSQL } from "@prisma/adapter-libsql";
import type { Client, Config, TransactionMode } from "@libsql/client";

// SQLite lets one process write at a time. libsql opens connections without a busy timeout (and
// a fresh one after every transaction), so while `npm run worker` (its own process) writes, the
// web process's write would fail at once with SQLITE_BUSY (Prisma P1008, "SocketTimeout").
// Every connection gets a short busy timeout, and what still fails busy (a transaction whose
// snapshot went stale) is retried with an async backoff.

const BUSY_TIMEOUT_MS = 2000;

const DELAYS_MS = [2, 5, 10, 20, 40, 80, 160, 320, 640, 1000, 1000];

export function isBusyError(error: unknown): boolean {
  const candidates = [
    error,
    (error as { cause?: unknown })?.cause,
    (error as { meta?: { driverAdapterError?: unknown } })?.meta?.driverAdapterError,
  ];
  return candidates.some((e) => {
    if (!e || typeof e !== "object") return false;
    const cause = (e as { cause?: { kind?: string } }).cause;
    const message = String((e as { message?: unknown }).message ?? "");
    return cause?.kind === "SocketTimeout" || /SQLITE_BUSY|database is locked/.test(message);
  });
}

/**
 * Runs `operation` again while SQLite reports the database busy. Use it around a whole
 * transaction (a transaction that met a busy lock is rolled back and must start over).
 */
export async function withBusyRetry<T>(operation: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await operation();
    } catch (error) {
      const delay = DELAYS_MS[attempt];
      if (delay === undefined || !isBusyError(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay * (1 + Math.random())));
    }
  }
}

type LibSqlAdapter = Awaited<ReturnType<PrismaLibSQL["connect"]>>;

/** PrismaLibSQL whose connections wait for the write lock and whose statements retry on busy. */
export class BusyRetryingLibSQL extends PrismaLibSQL {
  override createClient(config: Config): Client {
    const client = super.createClient(config);
    const setTimeoutPragma = () => client.execute(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
    void setTimeoutPragma();
    const transaction = client.transaction.bind(client);
    // transaction() hands the current connection to the transaction; the next statement opens a
    // new one, which must get the pragma too.
    client.transaction = (async (mode?: TransactionMode) => {
      const tx = await transaction(mode);
      await setTimeoutPragma();
      return tx;
    }) as Client["transaction"];
    return client;
  }

  override async connect(): Promise<LibSqlAdapter> {
    const adapter = await super.connect();
    const queryRaw = adapter.queryRaw.bind(adapter);
    const executeRaw = adapter.executeRaw.bind(adapter);
    adapter.queryRaw = (query) => withBusyRetry(() => queryRaw(query));
    adapter.executeRaw = (query) => withBusyRetry(() => executeRaw(query));
    return adapter;
  }
}

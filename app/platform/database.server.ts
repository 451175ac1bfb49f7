import prisma, { isPostgres } from "~/db.server";

// SQLite: WAL lets the web process read while the worker writes. Switching the mode needs the
// database to itself, so it is only done when the file is not in WAL mode yet (a fresh file);
// busy timeouts are set per connection by BusyRetryingLibSQL.
export async function initDatabase(): Promise<void> {
  if (isPostgres) return;
  const [mode] = await prisma.$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode");
  if (mode?.journal_mode !== "wal") await prisma.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  if (process.env.SQLITE_SYNCHRONOUS === "NORMAL")
    await prisma.$queryRawUnsafe("PRAGMA synchronous = NORMAL");
}

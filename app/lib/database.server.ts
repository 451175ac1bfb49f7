import prisma, { isPostgres } from "~/db.server";

// SQLite: WAL lets the web process read while the worker writes, and busy_timeout makes a
// writer wait for the lock instead of failing when `npm run worker` runs beside the app.
export async function initDatabase(): Promise<void> {
  if (isPostgres) return;
  await prisma.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await prisma.$queryRawUnsafe("PRAGMA busy_timeout = 5000");
  if (process.env.SQLITE_SYNCHRONOUS)
    await prisma.$queryRawUnsafe(
      `PRAGMA synchronous = ${process.env.SQLITE_SYNCHRONOUS === "NORMAL" ? "NORMAL" : "FULL"}`,
    );
}

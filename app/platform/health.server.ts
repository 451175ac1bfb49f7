import prisma from "~/db.server";
import { logger } from "~/platform/logger.server";

const TIMEOUT_MS = 2000;

/** The database answers a trivial query in time; a hung connection is as down as a lost one. */
export async function databaseAnswers(): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer in ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
  });
  try {
    await Promise.race([prisma.$queryRawUnsafe("SELECT 1"), timeout]);
    return true;
  } catch (error) {
    logger.warn({ err: error }, "health check: database did not answer");
    return false;
  } finally {
    clearTimeout(timer);
  }
}

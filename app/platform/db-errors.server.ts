import { Prisma } from "@prisma/client";

/** A unique constraint said no: the row (delivery, version, job key…) exists already. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

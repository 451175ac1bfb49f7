import { Prisma } from "@prisma/client";
import prisma from "~/db.server";

type Rows = Record<string, unknown>[];

/** Every row of every model in the schema, by model: what a compliance test searches. */
export async function rowsOfEveryModel(): Promise<Record<string, Rows>> {
  const dump: Record<string, Rows> = {};
  for (const { name } of Prisma.dmmf.datamodel.models)
    dump[name] = await (prisma as unknown as Record<string, { findMany(): Promise<Rows> }>)[
      name.charAt(0).toLowerCase() + name.slice(1)
    ]!.findMany();
  return dump;
}

/** JSON text of any rows (BigInt columns as their digits). */
export const asText = (value: unknown) =>
  JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v));

/** Every table as one text. */
export async function dumpEveryTable(): Promise<string> {
  return asText(await rowsOfEveryModel());
}

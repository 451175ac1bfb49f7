import { parse } from "csv-parse/sync";
import { isValidFit, SIZES, WIDTHS } from "~/domain/fit-profile";
import { FIT_KNOWN_SIZE_CUSTOMERS_QUERY } from "~/graphql/fit";
import type { FitKnownSizeCustomersQuery } from "~/types/admin.generated";
import { adminRequest, type AdminGraphql } from "~/platform/admin/client.server";
import { now } from "~/platform/clock.server";
import { shopLogger } from "~/platform/logger.server";
import { mirrorFitProfile, recordFitEvidence } from "./fit-profile.server";
import { getCurrentPolicy } from "./policy.server";

// Sizes a store already knows, before the app saw a fitting: a customer tag the merchant names
// (e.g. "size:8 Wide") or a CSV of email, size, width. Each becomes merchant-confirmed evidence,
// so made-to-order skips the fitting pair and the storefront preselects the size.

export const FIT_IMPORT_JOB = "fit.import.tags";

/** "8 Wide", "8.5 / Extra Wide", "8 W" → a valid fit, or null. */
export function parseKnownSize(text: string): { size: string; width: string } | null {
  const match = /^\s*((?:[4-9]|1[0-2])(?:\.5)?)\s*(?:\/\s*)?(.*?)\s*$/.exec(text);
  if (!match) return null;
  const raw = (match[2] ?? "").toLowerCase().replace(/\s+/g, " ");
  const codes: Record<string, string> = { n: "Narrow", m: "Medium", w: "Wide", xw: "Extra Wide" };
  const width =
    WIDTHS.find((w) => w.toLowerCase() === raw) ?? codes[raw] ?? (raw === "" ? "Medium" : null);
  const size = match[1] as string;
  return width && isValidFit(size, width) ? { size, width } : null;
}

async function record(
  shop: string,
  customerGid: string,
  fit: { size: string; width: string },
  ref: string,
  graphql: AdminGraphql,
) {
  await recordFitEvidence({
    shop,
    customerGid,
    ...fit,
    source: "merchant",
    sourceRef: ref,
    at: now(),
  });
  await mirrorFitProfile(shop, customerGid, `fit-import:${ref}`, graphql);
}

// The width spellings parseKnownSize reads, as a merchant writes them in a tag.
const TAG_WIDTHS = ["", ...WIDTHS, "N", "M", "W", "XW"];

const quoted = (value: string) => `'${value.replace(/(['\\])/g, "\\$1")}'`;

/**
 * Shopify's customer search matches whole tags (`tag:'size:8 Wide'`), not a prefix, so the tags
 * the import can read are asked for by name: one search per size, its widths joined by OR.
 * Only tagged customers are read, whatever the size of the store.
 */
export function knownSizeTagQueries(prefix: string): string[] {
  return SIZES.map((size) =>
    TAG_WIDTHS.map((w) => `tag:${quoted(`${prefix}${size}${w ? ` ${w}` : ""}`)}`).join(" OR "),
  );
}

/** Every customer carrying a size tag the import reads (a tag it cannot read is not searched). */
export async function importTaggedSizes(shop: string, graphql: AdminGraphql) {
  const prefix = (await getCurrentPolicy(shop)).document.fit.knownSizeTagPrefix;
  if (!prefix) return { imported: 0, unreadable: [] as string[] };
  let imported = 0;
  const unreadable: string[] = [];
  const seen = new Set<string>();
  for (const query of knownSizeTagQueries(prefix)) {
    let after: string | null = null;
    do {
      const data: FitKnownSizeCustomersQuery = await adminRequest(
        graphql,
        FIT_KNOWN_SIZE_CUSTOMERS_QUERY,
        { after, query },
      );
      for (const c of data.customers.nodes) {
        if (seen.has(c.id)) continue;
        seen.add(c.id);
        const tag = c.tags.find((t) => t.toLowerCase().startsWith(prefix.toLowerCase()));
        const fit = tag ? parseKnownSize(tag.slice(prefix.length)) : null;
        if (!tag || !fit) {
          if (tag) unreadable.push(tag);
          continue;
        }
        await record(shop, c.id, fit, `tag:${tag}`, graphql);
        imported += 1;
      }
      after = data.customers.pageInfo.hasNextPage
        ? (data.customers.pageInfo.endCursor ?? null)
        : null;
    } while (after);
  }
  shopLogger(shop, { imported, unreadable: unreadable.length }).info(
    "known sizes imported from tags",
  );
  return { imported, unreadable };
}

export const MAX_CSV_ROWS = 500;

export interface CsvImportResult {
  imported: number;
  errors: { row: number; field: string; message: string }[];
}

/**
 * A CSV with a header row: email, size, width. Every row is checked before anything is written,
 * so a file with a bad row imports nothing and says which row and column.
 */
export async function importSizesCsv(
  shop: string,
  text: string,
  graphql: AdminGraphql,
): Promise<CsvImportResult> {
  let rows: Record<string, string>[];
  try {
    rows = parse(text, {
      columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
    });
  } catch (error) {
    return { imported: 0, errors: [{ row: 0, field: "file", message: (error as Error).message }] };
  }
  // One Admin lookup per row runs in the merchant's request: bounded, larger files are split.
  if (rows.length > MAX_CSV_ROWS)
    return {
      imported: 0,
      errors: [
        {
          row: MAX_CSV_ROWS + 2,
          field: "file",
          message: `At most ${MAX_CSV_ROWS} rows per import: split the file`,
        },
      ],
    };
  const errors: CsvImportResult["errors"] = [];
  const checked: { email: string; fit: { size: string; width: string } }[] = [];
  rows.forEach((r, i) => {
    const row = i + 2; // the header is row 1
    const email = (r.email ?? "").toLowerCase();
    if (!/^[^@\s]+@[^@\s]+$/.test(email))
      errors.push({ row, field: "email", message: "Not an email address" });
    const fit = parseKnownSize(`${r.size ?? ""} ${r.width ?? ""}`);
    if (!fit)
      errors.push({
        row,
        field: SIZES.includes(r.size ?? "") ? "width" : "size",
        message: `Not a size and width we sell: ${r.size ?? ""} ${r.width ?? ""}`.trim(),
      });
    else checked.push({ email, fit });
  });
  if (rows.length === 0)
    errors.push({ row: 1, field: "file", message: "No rows under the header email,size,width" });
  if (errors.length) return { imported: 0, errors };
  let imported = 0;
  for (const [i, { email, fit }] of checked.entries()) {
    const data = await adminRequest(graphql, FIT_KNOWN_SIZE_CUSTOMERS_QUERY, {
      after: null,
      query: `email:"${email.replace(/"/g, "")}"`,
    });
    const customer = data.customers.nodes.find((c) => (c.email ?? "").toLowerCase() === email);
    if (!customer) {
      errors.push({ row: i + 2, field: "email", message: "No customer with this email" });
      continue;
    }
    await record(shop, customer.id, fit, `csv:${email}`, graphql);
    imported += 1;
  }
  return { imported, errors };
}

import { parseMoneyInput, toDecimalString, type Money } from "../money";
import { policyDocumentSchema, type PolicyDocument, type PolicySection } from "./schema";
import { SECTION_FORMS, type FieldSpec } from "./fields";

// Settings forms post flat `name=value` pairs ("boxFee", "seasonalOverrides.0.start"). This
// turns them into a candidate section, reporting inputs that cannot even be read (e.g. "abc" for
// an amount) by field name; the zod schema then judges the values. Names are paths, so a zod
// issue path is also the name of the input to show it under.

export type FieldErrors = Record<string, string>;

export type SectionParse =
  { ok: true; document: PolicyDocument } | { ok: false; errors: FieldErrors };

export function parseSectionForm(
  current: PolicyDocument,
  section: PolicySection,
  entries: Iterable<[string, string]>,
): SectionParse {
  const values = new Map<string, string[]>();
  for (const [name, value] of entries) values.set(name, [...(values.get(name) ?? []), value]);
  const errors: FieldErrors = {};
  const candidate: Record<string, unknown> = {};
  for (const field of SECTION_FORMS[section].fields) {
    if (field.kind === "rows") {
      const indexes = rowIndexes(values, field.name);
      candidate[field.name] = indexes.map((i, position) => {
        const row: Record<string, unknown> = {};
        for (const cell of field.item) {
          row[cell.name] = readField(
            cell,
            values,
            `${field.name}.${i}.${cell.name}`,
            `${field.name}.${position}.${cell.name}`,
            current.currency,
            errors,
          );
        }
        return row;
      });
    } else {
      candidate[field.name] = readField(
        field,
        values,
        field.name,
        field.name,
        current.currency,
        errors,
      );
    }
  }
  // Validate even when some inputs were unreadable, so every bad field is named in one answer;
  // an unreadable input keeps its own message.
  const document = { ...current, [section]: candidate };
  const result = policyDocumentSchema.safeParse(document);
  if (result.success && Object.keys(errors).length === 0)
    return { ok: true, document: result.data };
  if (result.success) return { ok: false, errors };
  for (const issue of result.error.issues) {
    const [head, ...rest] = issue.path;
    if (head === section) {
      errors[fieldNameFor(section, rest.join("."))] ??= issue.message;
    } else {
      // A rule across sections broken by this form (e.g. shipping drops a trial country): shown
      // above the form, naming the other section, since its input is not on this page.
      errors._form ??= `${sectionTitle(head)} › ${rest.join(" ")}: ${issue.message}`;
    }
  }
  return { ok: false, errors };
}

/** The values a form shows for a section: the inverse of parseSectionForm. */
export function sectionFormValues(
  document: PolicyDocument,
  section: PolicySection,
): Record<string, string> {
  const values: Record<string, string> = {};
  const data = document[section] as Record<string, unknown>;
  for (const field of SECTION_FORMS[section].fields) {
    if (field.kind === "rows") {
      const rows = (data[field.name] as Record<string, unknown>[]) ?? [];
      rows.forEach((row, i) => {
        for (const cell of field.item)
          writeField(cell, row[cell.name], `${field.name}.${i}.${cell.name}`, values);
      });
    } else {
      writeField(field, data[field.name], field.name, values);
    }
  }
  return values;
}

function readField(
  field: FieldSpec,
  values: Map<string, string[]>,
  inputName: string,
  errorName: string,
  currency: string,
  errors: FieldErrors,
): unknown {
  const all = values.get(inputName) ?? [];
  const raw = (all[all.length - 1] ?? "").trim();
  switch (field.kind) {
    case "money": {
      const parsed = parseMoneyInput(raw, currency);
      if (!parsed.ok) errors[errorName] = parsed.error;
      return { amount: parsed.ok ? parsed.amount : 0, currency } satisfies Money;
    }
    case "int": {
      if (!/^-?\d+$/.test(raw))
        errors[errorName] = raw === "" ? "Enter a number" : "Use a whole number";
      return Number(raw);
    }
    case "range": {
      const range: Record<string, number> = {};
      for (const end of ["min", "max"] as const) {
        const text = (values.get(`${inputName}.${end}`) ?? []).at(-1)?.trim() ?? "";
        if (!/^\d+$/.test(text)) errors[`${errorName}.${end}`] = "Use a whole number of days";
        range[end] = Number(text);
      }
      return range;
    }
    case "bool":
      return all.some((v) => v === "on" || v === "true");
    case "list":
      return splitList(raw);
    case "countries":
      return field.allowAll && raw === "*" ? "*" : splitList(raw).map((c) => c.toUpperCase());
    case "multiselect":
      return all.flatMap(splitList);
    case "text":
    case "date":
    case "select":
      return raw;
  }
}

function writeField(
  field: FieldSpec,
  value: unknown,
  name: string,
  out: Record<string, string>,
): void {
  switch (field.kind) {
    case "money":
      out[name] = toDecimalString(value as Money);
      return;
    case "range": {
      const range = value as { min: number; max: number };
      out[`${name}.min`] = String(range.min);
      out[`${name}.max`] = String(range.max);
      return;
    }
    case "bool":
      out[name] = value ? "true" : "false";
      return;
    case "list":
    case "countries":
    case "multiselect":
      out[name] = Array.isArray(value) ? value.join(", ") : String(value);
      return;
    default:
      out[name] = String(value ?? "");
  }
}

function splitList(text: string): string[] {
  return text
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

function rowIndexes(values: Map<string, string[]>, listName: string): number[] {
  const found = new Set<number>();
  const prefix = `${listName}.`;
  for (const key of values.keys()) {
    if (!key.startsWith(prefix)) continue;
    const index = Number(key.slice(prefix.length).split(".")[0]);
    if (Number.isInteger(index) && index >= 0) found.add(index);
  }
  return [...found].sort((a, b) => a - b);
}

/** The input an issue belongs to: the longest field name that prefixes the issue path. */
function fieldNameFor(section: PolicySection, key: string): string {
  const names = SECTION_FORMS[section].fields.flatMap((f) =>
    f.kind === "rows"
      ? [f.name]
      : f.kind === "range"
        ? [`${f.name}.min`, `${f.name}.max`, f.name]
        : [f.name],
  );
  const parts = key.split(".");
  for (let length = parts.length; length > 0; length -= 1) {
    const candidate = parts.slice(0, length).join(".");
    if (names.includes(candidate)) return candidate;
    // Row cells: "seasonalOverrides.0.start" is an input of its own.
    const [list, index, cell] = parts;
    if (length === 3 && names.includes(list ?? "") && /^\d+$/.test(index ?? "") && cell) {
      return candidate;
    }
  }
  return key === "" ? "_form" : (parts[0] ?? "_form");
}

function sectionTitle(section: unknown): string {
  return typeof section === "string" && section in SECTION_FORMS
    ? SECTION_FORMS[section as PolicySection].title
    : String(section);
}

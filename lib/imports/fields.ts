import { CLIENT_IMPORT_FIELDS } from "@/lib/clients";
import { OPPORTUNITY_IMPORT_FIELDS } from "@/lib/opportunities";

export type ImportEntityName = "opportunities" | "clients";
export type ImportField = { name: string; required: boolean };
/** Field name → the file's header it is read from (null: not in the file). */
export type Mapping = Record<string, string | null>;

export const IMPORT_FIELDS: Record<ImportEntityName, readonly ImportField[]> = {
  opportunities: OPPORTUNITY_IMPORT_FIELDS,
  clients: CLIENT_IMPORT_FIELDS,
};

/** Other headers people give these fields (the export's own headers are the field names). */
const ALIASES: Record<ImportEntityName, Record<string, string[]>> = {
  opportunities: {
    name: ["deal", "deal_name", "opportunity", "title"],
    client: ["client_name", "company", "account", "organization"],
    owner_email: ["owner", "assigned_to", "email"],
    estimated_value: ["value", "amount", "deal_value"],
    expected_close_date: ["close_date", "expected_close"],
  },
  clients: { name: ["client", "client_name"], company: ["organization"] },
};

/** A header as matched: case-insensitive, spaces and dashes as underscores. */
export const headerKey = (header: string) =>
  header
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");

/**
 * Each field's column: the one named in `requested` if given, else the header equal to the field's name or one of
 * its aliases (case-insensitively). Each header serves one field at most.
 */
export function matchHeaders(entity: ImportEntityName, headers: string[], requested: Mapping = {}): Mapping {
  const taken = new Set(Object.values(requested).filter((header): header is string => !!header));
  const mapping: Mapping = {};
  for (const field of IMPORT_FIELDS[entity]) {
    if (field.name in requested) {
      mapping[field.name] = requested[field.name] || null;
      continue;
    }
    const names = [field.name, ...(ALIASES[entity][field.name] ?? [])];
    const header = names.map((name) => headers.find((h) => headerKey(h) === name && !taken.has(h))).find(Boolean) ?? null;
    if (header) taken.add(header);
    mapping[field.name] = header;
  }
  return mapping;
}

/** Where the export escaped a cell against spreadsheet formulas (a leading '), the value it stood for. */
const unescapeFormula = (text: string) => (/^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text);

/** A data row as field → text, through the mapping. */
export function mappedRow(headers: string[], mapping: Mapping, cells: string[]): Record<string, string> {
  const row: Record<string, string> = {};
  for (const [field, header] of Object.entries(mapping)) {
    const index = header === null ? -1 : headers.indexOf(header);
    row[field] = index < 0 ? "" : unescapeFormula(cells[index] ?? "");
  }
  return row;
}

import type { Scope } from "@/lib/scope";
import type { Tx } from "@/lib/db";
import type { FieldError } from "@/lib/errors";
import { parseInput } from "@/lib/http";
import { clientIdsByName, clientNameKey, type ClientData } from "./repository";
import { createClientBody } from "./schemas";

/** The columns of a clients import. */
export const CLIENT_IMPORT_FIELDS = [
  { name: "name", required: true },
  { name: "email", required: false },
  { name: "phone", required: false },
  { name: "company", required: false },
] as const;

/** The names already taken, read once for the whole file; a name repeated inside the file is refused after its first row. */
export type ClientImportContext = { scope: Scope; names: Set<string> };

export async function clientImportContext(scope: Scope, tx?: Tx): Promise<ClientImportContext> {
  return { scope, names: new Set((await clientIdsByName(scope, tx)).keys()) };
}

type Checked = { value: ClientData; errors?: undefined } | { value?: undefined; errors: FieldError[] };

/** One row checked with the API's rules for creating a client; clients are matched by name, so a name already there is refused. */
export function checkClientRow(context: ClientImportContext, row: Record<string, string>): Checked {
  const parsed = parseInput(createClientBody, { name: row.name ?? "", email: row.email, phone: row.phone, company: row.company });
  if (!parsed.success) return { errors: parsed.errors };
  const key = clientNameKey(parsed.data.name);
  if (context.names.has(key)) return { errors: [{ field: "name", message: "is already the name of a client of your company" }] };
  context.names.add(key);
  const { name, email, phone, company } = parsed.data;
  return { value: { name, email: email ?? null, phone: phone ?? null, company: company ?? null } };
}

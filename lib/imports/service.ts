import type { Scope } from "@/lib/scope";
import { checkClientRow, clientImportContext, insertClients, type ClientData } from "@/lib/clients";
import { systemClock, type Clock } from "@/lib/clock";
import { db, type Tx } from "@/lib/db";
import { ConflictError, NotFoundError, ValidationError, type FieldError } from "@/lib/errors";
import { bodyLimitFor, parseInput } from "@/lib/http";
import { checkOpportunityRow, opportunityImportContext, opportunityImportWriter } from "@/lib/opportunities";
import { IMPORT_FIELDS, headerKey, mappedRow, matchHeaders, type ImportEntityName, type Mapping } from "./fields";
import { MAX_IMPORT_ROWS } from "./limits";
import { failStaleCommit, findImport, importRowPages, insertImport, moveImportStatus, setProgress } from "./repository";
import { importFields, type ImportError, type ImportOut } from "./schemas";
import { entityName, serializeImport } from "./serialize";
import { readUpload } from "./upload";

/** How many errors an import keeps to show (it counts them all). */
const STORED_ERRORS = 1_000;

type Checker = (row: Record<string, string>) => Promise<{ errors?: FieldError[]; value?: unknown }>;

/** The row checks of an entity, with what they need of the tenant read once, and the writer of checked rows. */
async function rowChecker(scope: Scope, entity: ImportEntityName, createClients: boolean, clock: Clock, totalRows = 0) {
  if (entity === "clients") {
    const context = await clientImportContext(scope);
    const check: Checker = async (row) => checkClientRow(context, row);
    return { check, write: (into: Tx, values: unknown[]) => insertClients(into, scope, values as ClientData[]) };
  }
  const context = await opportunityImportContext(scope, clock, createClients);
  const check: Checker = (row) => checkOpportunityRow(context, row);
  return { check, write: opportunityImportWriter(context, totalRows) as (into: Tx, values: unknown[]) => Promise<number> };
}

/** The upload's dry run: the file read as it streams, every row checked, the valid ones kept for the commit. */
export async function createImport(scope: Scope, request: Request, clock: Clock = systemClock): Promise<ImportOut> {
  const upload = await readUpload(request, bodyLimitFor(new URL(request.url).pathname), MAX_IMPORT_ROWS);
  const parsed = parseInput(importFields, upload.fields);
  if (!parsed.success) throw new ValidationError(parsed.errors);
  const { entity, mapping: requested, create_clients: createClients } = parsed.data;
  const [headerRow, ...data] = upload.table;
  if (!headerRow || headerRow.every((cell) => cell.trim() === ""))
    throw ValidationError.field("file", "is empty: the first row must hold the headers");
  const headers = headerRow.map((cell) => cell.trim());
  const mapping = matchHeaders(entity, headers, checkedMapping(entity, headers, requested));

  const { check } = await rowChecker(scope, entity, createClients, clock);
  const errors: ImportError[] = [];
  let errorCount = 0;
  const rows: Array<{ rowNumber: number; data: Record<string, string> }> = [];
  for (const [index, cells] of data.entries()) {
    const rowNumber = index + 2;
    const row = mappedRow(headers, mapping, cells);
    const result = await check(row);
    if (!result.errors) {
      rows.push({ rowNumber, data: row });
      continue;
    }
    errorCount += result.errors.length;
    for (const error of result.errors)
      if (errors.length < STORED_ERRORS)
        errors.push({ row: rowNumber, field: error.field, column: mapping[error.field] ?? null, message: error.message });
  }
  const record = await insertImport(scope, {
    entity: entity === "clients" ? "CLIENTS" : "OPPORTUNITIES",
    fileName: upload.fileName,
    headers,
    mapping,
    createClients,
    totalRows: data.length,
    errorCount,
    errors,
    rows,
  });
  return serializeImport(record);
}

/** A requested mapping names fields of the entity and headers of the file. */
function checkedMapping(entity: ImportEntityName, headers: string[], requested: Mapping): Mapping {
  const fields = new Set(IMPORT_FIELDS[entity].map((field) => field.name));
  const problems: FieldError[] = [];
  for (const [field, header] of Object.entries(requested)) {
    if (!fields.has(field))
      problems.push({ field: "mapping", message: `"${field}" is not a field of ${entity} (${[...fields].join(", ")})` });
    else if (header && !headers.includes(header) && !headers.some((h) => headerKey(h) === headerKey(header)))
      problems.push({ field: "mapping", message: `the file has no column "${header}"` });
  }
  if (problems.length > 0) throw new ValidationError(problems);
  return Object.fromEntries(
    Object.entries(requested).map(([field, header]) => [
      field,
      header ? (headers.find((h) => h === header) ?? headers.find((h) => headerKey(h) === headerKey(header))!) : null,
    ]),
  );
}

/** How long a commit may go without reporting progress before it is taken for dead (see `failStaleCommit`). */
export const COMMIT_SILENCE_MS = 5 * 60_000;

/** Rows read, checked and written at a time by a commit; it reports progress after each page. */
const COMMIT_PAGE = 2_000;

const INTERRUPTED = "The commit was interrupted (the server stopped); nothing was written. Commit again.";

const recoverStaleCommit = (scope: Scope, id: string, clock: Clock) =>
  failStaleCommit(scope, id, new Date(clock().getTime() - COMMIT_SILENCE_MS), INTERRUPTED);

export async function getImport(scope: Scope, id: string, clock: Clock = systemClock): Promise<ImportOut> {
  await recoverStaleCommit(scope, id, clock);
  const record = await findImport(scope, id);
  if (!record) throw new NotFoundError("Import");
  return serializeImport(record);
}

/**
 * Writes the import's valid rows in one transaction, or nothing. Page by page, the rows are read, checked again with
 * the tenant as it is now (a row that no longer passes rolls everything back) and written, so memory holds one page
 * whatever the file's size; progress is recorded outside the transaction so that `getImport` can show it meanwhile.
 */
export async function commitImport(scope: Scope, id: string, clock: Clock = systemClock): Promise<ImportOut> {
  const record = await findImport(scope, id);
  if (!record) throw new NotFoundError("Import");
  if (record.validRows === 0) throw new ConflictError("The import has no valid row to write.");
  await recoverStaleCommit(scope, id, clock);
  const claimed = await moveImportStatus(scope, id, ["READY", "FAILED"], { status: "COMMITTING", processedRows: 0, failure: null });
  if (!claimed)
    throw new ConflictError(
      `The import is ${(await findImport(scope, id))?.status.toLowerCase() ?? "gone"}; upload the file again to import it again.`,
    );
  try {
    const { check, write } = await rowChecker(scope, entityName(record.entity), record.createClients, clock, record.validRows);
    await db().$transaction(
      async (tx) => {
        let written = 0;
        for await (const page of importRowPages(id, tx, COMMIT_PAGE)) {
          const values: unknown[] = [];
          for (const row of page) {
            const result = await check(row.data);
            if (result.errors) {
              const [first] = result.errors;
              throw new ConflictError(
                `Row ${row.rowNumber} no longer passes its checks (${first!.field}: ${first!.message}); nothing was written.`,
              );
            }
            values.push(result.value);
          }
          written += await write(tx, values);
          await setProgress(id, written);
        }
        await moveImportStatus(
          scope,
          id,
          ["COMMITTING"],
          { status: "COMMITTED", processedRows: record.validRows, committedCount: written, committedAt: clock() },
          tx,
        );
      },
      { timeout: 600_000, maxWait: 15_000 },
    );
  } catch (error) {
    const failure = error instanceof ConflictError ? error.message : "The commit failed; nothing was written.";
    await moveImportStatus(scope, id, ["COMMITTING"], { status: "FAILED", processedRows: 0, failure });
    throw error;
  }
  return getImport(scope, id, clock);
}

/** What the edges use of imports: spreadsheets of opportunities or clients, checked in a dry run, then committed. */
export { commitImportOperation, createImportOperation, getImportOperation, importOperations } from "./operations";
export { commitImport, createImport, getImport } from "./service";
export { IMPORT_FIELDS, type ImportEntityName } from "./fields";
export { MAX_IMPORT_ROWS } from "./limits";
export type { ImportOut } from "./schemas";

import { IMPORT_FIELDS, type ImportEntityName, type Mapping } from "./fields";
import type { ImportRecord } from "./repository";
import type { ImportError, ImportOut } from "./schemas";

export const entityName = (entity: ImportRecord["entity"]): ImportEntityName => (entity === "CLIENTS" ? "clients" : "opportunities");

export function serializeImport(record: ImportRecord): ImportOut {
  const entity = entityName(record.entity);
  return {
    id: record.id,
    entity,
    status: record.status,
    file_name: record.fileName,
    headers: record.headers as string[],
    fields: IMPORT_FIELDS[entity].map(({ name, required }) => ({ name, required })),
    mapping: record.mapping as Mapping,
    create_clients: record.createClients,
    total_rows: record.totalRows,
    valid_rows: record.validRows,
    error_count: record.errorCount,
    errors: record.errors as ImportError[],
    processed_rows: record.processedRows,
    committed_count: record.committedCount,
    failure: record.failure,
    created_at: record.createdAt.toISOString(),
    committed_at: record.committedAt?.toISOString() ?? null,
  };
}

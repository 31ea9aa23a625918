import { db, Prisma, type Tx } from "@/lib/db";
import type { ImportEntity, ImportStatus } from "@/lib/generated/prisma/enums";
import { ownedWhere, type Scope } from "@/lib/scope";
import type { Mapping } from "./fields";
import type { ImportError } from "./schemas";

export const importSelect = {
  id: true,
  entity: true,
  status: true,
  fileName: true,
  headers: true,
  mapping: true,
  createClients: true,
  totalRows: true,
  validRows: true,
  errorCount: true,
  errors: true,
  processedRows: true,
  committedCount: true,
  failure: true,
  createdAt: true,
  committedAt: true,
  createdBy: true,
} satisfies Prisma.ImportSelect;

export type ImportRecord = Prisma.ImportGetPayload<{ select: typeof importSelect }>;

export type NewImport = {
  entity: ImportEntity;
  fileName: string;
  headers: string[];
  mapping: Mapping;
  createClients: boolean;
  totalRows: number;
  errorCount: number;
  errors: ImportError[];
  rows: Array<{ rowNumber: number; data: Record<string, string> }>;
};

const ROW_BATCH = 5_000;

/** Stores a dry run and its valid rows in one transaction. */
export async function insertImport(scope: Scope, data: NewImport): Promise<ImportRecord> {
  return db().$transaction(
    async (tx) => {
      const created = await tx.import.create({
        data: {
          tenantId: scope.tenantId,
          createdBy: scope.userId,
          entity: data.entity,
          fileName: data.fileName,
          headers: data.headers,
          mapping: data.mapping,
          createClients: data.createClients,
          totalRows: data.totalRows,
          validRows: data.rows.length,
          errorCount: data.errorCount,
          errors: data.errors,
        },
        select: importSelect,
      });
      for (let start = 0; start < data.rows.length; start += ROW_BATCH) {
        const batch = data.rows.slice(start, start + ROW_BATCH);
        await tx.$executeRaw`
          INSERT INTO import_rows (import_id, row_number, data)
          SELECT ${created.id}::uuid, n, d FROM unnest(${batch.map((r) => r.rowNumber)}::int[], ${batch.map((r) => JSON.stringify(r.data))}::jsonb[]) AS t(n, d)`;
      }
      return created;
    },
    { timeout: 120_000, maxWait: 15_000 },
  );
}

/** The import if the caller may see it: their own, or any of the tenant's for a manager. */
export function findImport(scope: Scope, id: string): Promise<ImportRecord | null> {
  return db().import.findFirst({ where: { ...ownedWhere(scope, "createdBy"), id }, select: importSelect });
}

/** Moves a visible import from `from` to `to`; false when it was not in `from` (someone else got there first). */
export async function moveImportStatus(
  scope: Scope,
  id: string,
  from: ImportStatus[],
  data: Prisma.ImportUpdateManyMutationInput,
  tx?: Tx,
) {
  const { count } = await (tx ?? db()).import.updateMany({ where: { ...ownedWhere(scope, "createdBy"), id, status: { in: from } }, data });
  return count > 0;
}

/**
 * A commit whose process died (crash, restart) leaves its import COMMITTING with nothing written: its one transaction
 * rolled back. Such an import shows no sign of life (`updated_at`, bumped by every progress report) since
 * `staleBefore`; it becomes FAILED, so that it can be committed again.
 */
export async function failStaleCommit(scope: Scope, id: string, staleBefore: Date, failure: string): Promise<void> {
  await db().import.updateMany({
    where: { ...ownedWhere(scope, "createdBy"), id, status: "COMMITTING", updatedAt: { lt: staleBefore } },
    data: { status: "FAILED", processedRows: 0, failure },
  });
}

export async function setProgress(id: string, processedRows: number): Promise<void> {
  await db().import.update({ where: { id }, data: { processedRows } });
}

/** The stored rows of an import in file order, `pageSize` at a time (so a commit holds one page, not the file). */
export async function* importRowPages(
  id: string,
  tx: Tx,
  pageSize: number,
): AsyncGenerator<Array<{ rowNumber: number; data: Record<string, string> }>> {
  for (let after = 0; ;) {
    const rows = await tx.importRow.findMany({
      where: { importId: id, rowNumber: { gt: after } },
      orderBy: { rowNumber: "asc" },
      take: pageSize,
    });
    if (rows.length === 0) return;
    yield rows.map((row) => ({ rowNumber: row.rowNumber, data: row.data as Record<string, string> }));
    after = rows.at(-1)!.rowNumber;
  }
}

/** Tables out as files: CSV or XLSX, streamed in constant memory. */
import type { ExportColumn, RowBatches } from "./columns";
import { csvStream } from "./csv";
import { xlsxStream } from "./xlsx";

export type { ExportColumn, RowBatches } from "./columns";
export { csvStream } from "./csv";
export { xlsxStream } from "./xlsx";

const CONTENT_TYPES = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;

export type ExportFormat = keyof typeof CONTENT_TYPES;

/** A download of `batches` as `<name>.<format>`. */
export function exportResponse(options: {
  format: ExportFormat;
  name: string;
  columns: readonly ExportColumn[];
  batches: RowBatches;
}): Response {
  const { format, name, columns, batches } = options;
  const body = format === "xlsx" ? xlsxStream(name, columns, batches) : csvStream(columns, batches);
  return new Response(body, {
    headers: {
      "content-type": CONTENT_TYPES[format],
      "content-disposition": `attachment; filename="${name}.${format}"`,
    },
  });
}

import Papa from "papaparse";
import type { ExportColumn, RowBatches } from "./columns";

/** Excel reads a UTF-8 CSV as UTF-8 only when it starts with a byte-order mark. */
const BOM = "\uFEFF";

/**
 * A CSV file (RFC 4180, CRLF, header row) of `batches`, pulled batch by batch as the client reads, so memory stays
 * flat. Cells that a spreadsheet would run as a formula (= + - @ tab CR first) are escaped with a leading quote.
 */
export function csvStream(columns: readonly ExportColumn[], batches: RowBatches): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = batches[Symbol.asyncIterator]();
  const lines = (rows: unknown[][]) => `${Papa.unparse(rows, { header: false, newline: "\r\n", escapeFormulae: true })}\r\n`;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(BOM + lines([columns.map((column) => column.header)])));
    },
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(lines(next.value)));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

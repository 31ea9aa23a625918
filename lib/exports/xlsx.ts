import { once } from "node:events";
import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import type { ExportColumn, RowBatches } from "./columns";

const FORMATS: Record<ExportColumn["kind"], string | undefined> = {
  text: undefined,
  money: "#,##0.00",
  percent: "0.00",
  date: "yyyy-mm-dd",
  instant: "yyyy-mm-dd hh:mm:ss",
};

/**
 * A cell's value: money and percentages as numbers (at most 14 significant digits, which a spreadsheet's doubles
 * hold exactly, so "1234567890.12" stays that to the cent), dates as dates (UTC), everything else as text —
 * never a formula.
 */
function cellValue(kind: ExportColumn["kind"], value: unknown): ExcelJS.CellValue {
  if (value === null || value === undefined) return null;
  const text = String(value);
  if (kind === "money" || kind === "percent") return Number(text);
  if (kind === "date") return new Date(`${text}T00:00:00.000Z`);
  if (kind === "instant") return new Date(text);
  return text;
}

/** An XLSX workbook of one sheet, written row by row by exceljs's streaming writer, waiting for the reader between batches. */
export function xlsxStream(sheetName: string, columns: readonly ExportColumn[], batches: RowBatches): ReadableStream<Uint8Array> {
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = columns.map((column) => ({
    header: column.header,
    key: column.header,
    width: column.width,
    style: FORMATS[column.kind] ? { numFmt: FORMATS[column.kind] } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  void (async () => {
    try {
      for await (const rows of batches) {
        for (const row of rows) sheet.addRow(row.map((value, i) => cellValue(columns[i]!.kind, value))).commit();
        if (output.writableNeedDrain) await once(output, "drain");
      }
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      output.destroy(error as Error);
    }
  })();
  return Readable.toWeb(output) as ReadableStream<Uint8Array>;
}

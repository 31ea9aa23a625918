import type { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { ValidationError } from "@/lib/errors";
import { tooManyRows } from "./limits";

/**
 * The rows of an XLSX workbook's first sheet, read by exceljs's streaming reader as the file arrives. Every cell
 * becomes text: numbers as written, dates as YYYY-MM-DD (or an ISO instant when they carry a time), a formula as
 * the value the spreadsheet saved for it — never evaluated here — or, with none saved, its formula text.
 */
export async function xlsxTable(file: Readable, maxRows: number): Promise<string[][]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    worksheets: "emit",
    entries: "emit",
  });
  const rows: string[][] = [];
  let sheets = 0;
  try {
    for await (const sheet of reader) {
      sheets += 1;
      // Later sheets are read through (the upload must be consumed) but ignored.
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        if (sheets > 1) continue;
        const values = (row.values as ExcelJS.CellValue[]).slice(1);
        rows.push(Array.from({ length: values.length }, (_, i) => cellText(values[i])));
        if (rows.length > maxRows + 1) throw tooManyRows(maxRows);
      }
    }
  } catch (error) {
    file.resume();
    if (error instanceof ValidationError) throw error;
    throw ValidationError.field("file", "is not a readable XLSX workbook");
  }
  return rows.filter((row) => row.some((cell) => cell.trim() !== ""));
}

function cellText(value: ExcelJS.CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return dateText(value);
  if ("richText" in value) return value.richText.map((part) => part.text).join("");
  if ("formula" in value || "sharedFormula" in value) {
    const { result } = value as ExcelJS.CellFormulaValue;
    if (result === undefined || result === null) return `=${(value as ExcelJS.CellFormulaValue).formula ?? ""}`;
    return typeof result === "object" && "error" in result ? result.error : cellText(result as ExcelJS.CellValue);
  }
  if ("text" in value && "hyperlink" in value) return cellText(value.text as ExcelJS.CellValue);
  if ("error" in value) return value.error;
  return "";
}

function dateText(date: Date): string {
  const iso = date.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso;
}

import { randomBytes } from "node:crypto";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { ExportColumn } from "./columns";
import { xlsxStream } from "./xlsx";

const COLUMNS: ExportColumn[] = [
  { header: "name", kind: "text", width: 30 },
  { header: "value", kind: "money", width: 15 },
  { header: "probability", kind: "percent", width: 11 },
  { header: "close_date", kind: "date", width: 12 },
  { header: "created_at", kind: "instant", width: 24 },
];

async function* batchesOf(...batches: unknown[][][]) {
  yield* batches;
}

async function workbookOf(stream: ReadableStream<Uint8Array>): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await new Response(stream).arrayBuffer());
  expect(workbook.worksheets).toHaveLength(1);
  return workbook.worksheets[0]!;
}

/** `count` batches of `rows` rows of random text (which deflate cannot shrink much), counting the batches taken. */
function noisyBatches(count: number, rows: number) {
  const source = {
    taken: 0,
    closed: false,
    async *[Symbol.asyncIterator]() {
      try {
        for (; source.taken < count;) {
          source.taken++;
          yield Array.from({ length: rows }, () => [randomBytes(36).toString("base64"), null, null, null, null]);
        }
      } finally {
        source.closed = true;
      }
    },
  };
  return source;
}

describe("xlsxStream", () => {
  it("writes a sheet exceljs reads back: exact numbers, dates, text never a formula, a frozen bold header and widths", async () => {
    const sheet = await workbookOf(
      xlsxStream(
        "opportunities",
        COLUMNS,
        batchesOf(
          [
            ["Fleet & <north> \"depot\" 'A'", "1234567890.12", "33.33", "2026-05-01", "2026-11-02T10:30:15.250Z"],
            ['=HYPERLINK("http://evil.test")', "-0.10", "0.00", null, null],
          ],
          [[" two\nlines ", "99999999999.99", "100.00", "1999-12-31", "2026-01-01T00:00:00.000Z"], ["bell\u0007 and \u00e9\u{1F600}"]],
        ),
      ),
    );
    expect(sheet.name).toBe("opportunities");
    expect(sheet.rowCount).toBe(5);
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(COLUMNS.map((column) => column.header));
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(COLUMNS.map((_, i) => sheet.getColumn(i + 1).width)).toEqual(COLUMNS.map((column) => column.width));
    expect(COLUMNS.map((_, i) => sheet.getColumn(i + 1).numFmt)).toEqual([
      undefined,
      "#,##0.00",
      "0.00",
      "yyyy-mm-dd",
      "yyyy-mm-dd hh:mm:ss",
    ]);
    expect(sheet.getColumn(1).font?.bold).toBeFalsy();

    const first = sheet.getRow(2);
    expect(first.getCell(1).value).toBe("Fleet & <north> \"depot\" 'A'");
    expect(first.getCell(1).font?.bold).toBeFalsy();
    expect(first.getCell(2).value).toBe(1234567890.12);
    expect(first.getCell(2).numFmt).toBe("#,##0.00");
    expect(first.getCell(3).value).toBe(33.33);
    expect(first.getCell(3).numFmt).toBe("0.00");
    expect((first.getCell(4).value as Date).toISOString()).toBe("2026-05-01T00:00:00.000Z");
    expect(first.getCell(4).numFmt).toBe("yyyy-mm-dd");
    expect((first.getCell(5).value as Date).toISOString()).toBe("2026-11-02T10:30:15.250Z");

    const second = sheet.getRow(3);
    expect(second.getCell(1).type).toBe(ExcelJS.ValueType.String);
    expect(second.getCell(1).value).toBe('=HYPERLINK("http://evil.test")');
    expect(second.getCell(2).value).toBe(-0.1);
    expect(second.getCell(4).value).toBeNull();

    expect(sheet.getRow(4).getCell(1).value).toBe(" two\nlines ");
    expect(sheet.getRow(4).getCell(2).value).toBe(99999999999.99);
    expect(sheet.getRow(5).getCell(1).value).toBe("bell and \u00e9\u{1F600}"); // XML cannot hold the control character
  });

  it("writes a header-only sheet when there are no rows", async () => {
    const sheet = await workbookOf(xlsxStream("opportunities", COLUMNS, batchesOf()));
    expect(sheet.rowCount).toBe(1);
  });

  it("takes the next batch only when the reader has read what came before", async () => {
    const source = noisyBatches(100, 1000); // each batch about 100 KB of XML, 45 KB deflated
    const reader = xlsxStream("noise", COLUMNS, source).getReader();
    await reader.read();
    // Paused: a writer without backpressure runs through all 100 batches here; one with it stops after a few.
    for (let tick = 0; tick < 50 && source.taken < 10; tick++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(source.taken).toBeLessThan(10);

    let bytes = 0;
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) bytes += chunk.value.byteLength;
    expect(source.taken).toBe(100);
    expect(bytes).toBeGreaterThan(100 * 30_000);
  });

  it("stops reading rows when the reader cancels", async () => {
    const source = noisyBatches(500, 200);
    const reader = xlsxStream("noise", COLUMNS, source).getReader();
    while (source.taken < 2) await reader.read();
    await reader.cancel();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(source.closed).toBe(true);
    expect(source.taken).toBeLessThan(20);
  });

  it("fails the download when reading rows fails", async () => {
    async function* failing() {
      yield [["one", "1.00", "1.00", null, null]];
      throw new Error("connection lost");
    }
    await expect(new Response(xlsxStream("broken", COLUMNS, failing())).arrayBuffer()).rejects.toThrow("connection lost");
  });
});

import { Readable } from "node:stream";
import { ZipFile } from "yazl";
import type { ExportColumn, RowBatches } from "./columns";
import {
  CONTENT_TYPES_XML,
  ROOT_RELS_XML,
  SHEET_TAIL,
  STYLES_XML,
  WORKBOOK_RELS_XML,
  sheetHead,
  sheetRows,
  workbookXml,
} from "./xlsx-parts";

/**
 * Rows of XML handed to the zip at a time (about 50 KB): a whole batch of 1,000 as one string left the server's peak
 * RSS over a 100,000-row export about 45 MB higher (larger garbage, collected later).
 */
const ROWS_PER_CHUNK = 100;

/**
 * An XLSX workbook of one sheet, pulled batch by batch as the client reads, so memory stays flat.
 *
 * Not exceljs's streaming writer: its sheet part (a StreamBuf) ignores the zip's backpressure, so the whole sheet's
 * XML waited in memory (about 240 MB more at 100,000 rows). Here the sheet's XML is written by `xlsx-parts` and
 * zipped by yazl (Node's zlib behind plain stream pipes): the next batch is read from `batches` only once the reader
 * has taken what came before, so the server holds a batch or two whatever the number of rows
 * (`xlsx.unit.test.ts` checks it).
 */
export function xlsxStream(sheetName: string, columns: readonly ExportColumn[], batches: RowBatches): ReadableStream<Uint8Array> {
  const rowsXml = sheetRows(columns);
  async function* sheetXml() {
    yield sheetHead(columns);
    for await (const rows of batches)
      for (let i = 0; i < rows.length; i += ROWS_PER_CHUNK) yield rowsXml(rows.slice(i, i + ROWS_PER_CHUNK));
    yield SHEET_TAIL;
  }
  const sheet = Readable.from(sheetXml(), { objectMode: false });
  const zip = new ZipFile();
  const parts = {
    "[Content_Types].xml": CONTENT_TYPES_XML,
    "_rels/.rels": ROOT_RELS_XML,
    "xl/workbook.xml": workbookXml(sheetName),
    "xl/_rels/workbook.xml.rels": WORKBOOK_RELS_XML,
    "xl/styles.xml": STYLES_XML,
  };
  for (const [path, xml] of Object.entries(parts)) zip.addBuffer(Buffer.from(xml), path);
  zip.addReadStream(sheet, "xl/worksheets/sheet1.xml");
  zip.end();

  const output = zip.outputStream as Readable;
  const fail = (error: Error) => output.destroy(error);
  sheet.on("error", fail);
  zip.on("error", fail);
  const chunks: AsyncIterator<Buffer> = output[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    async cancel() {
      sheet.destroy(); // ends `batches` early: a database cursor is closed and its connection given back
      await chunks.return?.();
    },
  });
}

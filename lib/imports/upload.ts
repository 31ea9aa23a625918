import { Readable } from "node:stream";
import busboy from "busboy";
import { BadRequestError, PayloadTooLargeError, ValidationError } from "@/lib/errors";
import { csvTable } from "./csv";
import { xlsxTable } from "./xlsx";

export type Upload = { fields: Record<string, string>; fileName: string; table: string[][] };

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * A multipart upload of one file (`file`) and a few text fields, parsed as it streams: the file's rows are parsed
 * as its bytes arrive, and the body is abandoned with 413 as soon as it passes `limitBytes` (declared or not, so a
 * chunked body is held to the same limit).
 */
export function readUpload(request: Request, limitBytes: number, maxRows: number): Promise<Upload> {
  if (Number(request.headers.get("content-length") ?? "0") > limitBytes) throw new PayloadTooLargeError(limitBytes);
  const contentType = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\b/i.test(contentType) || !request.body)
    throw new BadRequestError("The request must be multipart/form-data with the file in the `file` part.");
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { "content-type": contentType },
      limits: { files: 1, fields: 10, fieldSize: 100_000, fileSize: limitBytes },
    });
  } catch {
    throw new BadRequestError("The multipart body has no boundary.");
  }
  const source = Readable.fromWeb(request.body as import("node:stream/web").ReadableStream);
  const fields: Record<string, string> = {};
  let table: Promise<string[][]> | undefined;
  let fileName = "";

  return new Promise<Upload>((resolve, reject) => {
    let settled = false;
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      source.unpipe(parser);
      source.destroy();
      reject(error);
    };
    let received = 0;
    source.on("data", (chunk: Buffer) => {
      received += chunk.length;
      if (received > limitBytes) fail(new PayloadTooLargeError(limitBytes));
    });
    source.on("error", fail);
    parser.on("field", (name, value) => (fields[name] = value));
    parser.on("file", (name, file, info) => {
      if (name !== "file" || table) {
        file.resume();
        return;
      }
      fileName = info.filename ?? "upload";
      file.on("limit", () => fail(new PayloadTooLargeError(limitBytes)));
      const xlsx = /\.xlsx$/i.test(fileName) || info.mimeType === XLSX_TYPE;
      table = xlsx ? xlsxTable(file, maxRows) : csvTable(file, maxRows);
      table.catch(fail);
    });
    parser.on("error", () => fail(new BadRequestError("The multipart body is malformed.")));
    parser.on("close", () => {
      if (settled) return;
      if (!table) return fail(ValidationError.field("file", "is required: send the CSV or XLSX file in the `file` part"));
      table.then((rows) => {
        if (settled) return;
        settled = true;
        resolve({ fields, fileName: fileName.slice(0, 255), table: rows });
      }, fail);
    });
    source.pipe(parser);
  });
}

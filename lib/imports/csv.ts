import type { Readable } from "node:stream";
import Papa from "papaparse";
import { ValidationError } from "@/lib/errors";
import { tooManyRows } from "./limits";

const NOT_UTF8 =
  "is not UTF-8 text (it looks like another encoding, e.g. Windows-1252 or UTF-16): save it as “CSV UTF-8” and upload it again";

/**
 * The rows of a CSV file as it streams in: decoded as strict UTF-8 (a byte-order mark is dropped, anything else than
 * UTF-8 is refused), parsed by Papa Parse (quoted fields may hold commas, quotes and line breaks), blank lines skipped.
 */
export function csvTable(file: Readable, maxRows: number): Promise<string[][]> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const parser = Papa.parse(Papa.NODE_STREAM_INPUT, { skipEmptyLines: "greedy" });
  const rows: string[][] = [];
  return new Promise((resolve, reject) => {
    let failed = false;
    const fail = (error: Error) => {
      if (failed) return;
      failed = true;
      parser.destroy();
      file.resume();
      reject(error);
    };
    const decode = (bytes?: Buffer) => {
      try {
        return bytes ? decoder.decode(bytes, { stream: true }) : decoder.decode();
      } catch {
        fail(ValidationError.field("file", NOT_UTF8));
        return null;
      }
    };
    parser.on("data", (row: string[]) => {
      rows.push(row);
      if (rows.length > maxRows + 1) fail(tooManyRows(maxRows));
    });
    parser.on("end", () => failed || resolve(rows));
    parser.on("error", (error: Error) => fail(error));
    file.on("data", (chunk: Buffer) => {
      if (failed) return;
      const text = decode(chunk);
      if (text) parser.write(text);
    });
    file.on("end", () => {
      if (failed) return;
      const rest = decode();
      if (rest === null) return;
      if (rest) parser.write(rest);
      parser.end();
    });
    file.on("error", (error) => fail(error));
  });
}

import ExcelJS from "exceljs";
import { dispatch, type ApiResponse } from "./api";

export type UploadOptions = {
  token?: string;
  entity?: string;
  fileName?: string;
  mapping?: Record<string, string | null>;
  createClients?: boolean;
};

/** POST /imports with a multipart body built as a browser's FormData would. */
export async function upload(file: string | Uint8Array, options: UploadOptions = {}): Promise<ApiResponse> {
  const form = new FormData();
  form.set("entity", options.entity ?? "opportunities");
  if (options.mapping) form.set("mapping", JSON.stringify(options.mapping));
  if (options.createClients !== undefined) form.set("create_clients", String(options.createClients));
  const name = options.fileName ?? (typeof file === "string" ? "deals.csv" : "deals.xlsx");
  form.set("file", new Blob([file as BlobPart]), name);
  const headers = new Headers();
  if (options.token) headers.set("authorization", `Bearer ${options.token}`);
  return send(new Request("http://localhost:3000/api/v1/imports", { method: "POST", headers, body: form }));
}

export async function send(request: Request): Promise<ApiResponse> {
  const response = await dispatch(request);
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null, text };
}

/** A multipart body as text (for the isolation matrix, whose requests carry text bodies). */
export function multipartText(parts: Record<string, string>, file: { name: string; text: string }) {
  const boundary = "----onquota-test-boundary";
  const lines = Object.entries(parts).flatMap(([name, value]) => [
    `--${boundary}`,
    `Content-Disposition: form-data; name="${name}"`,
    "",
    value,
  ]);
  lines.push(
    `--${boundary}`,
    `Content-Disposition: form-data; name="file"; filename="${file.name}"`,
    "Content-Type: text/csv",
    "",
    file.text,
  );
  lines.push(`--${boundary}--`, "");
  return { body: lines.join("\r\n"), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** An XLSX workbook of one sheet with these rows (the first is the header). */
export async function xlsxOf(rows: ExcelJS.CellValue[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Deals");
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

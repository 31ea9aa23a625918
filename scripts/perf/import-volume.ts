/**
 * The largest import (50,000 deals) through a running server, as a CSV and as an XLSX: the dry run (upload, every
 * row checked) and the commit (one transaction) each timed, with the server's RSS over each. It runs on a database of
 * its own, created, migrated and dropped here, with a company registered through the API: nothing of the benchmark
 * tenant is touched.
 */
import { addDays, toIsoDate, utcDate } from "@/lib/clock";
import { xlsxStream, type ExportColumn } from "@/lib/exports";
import { MAX_IMPORT_ROWS } from "@/lib/imports";
import { createTestDatabase } from "../../tests/test-database";
import { startNextServer } from "./next-server";
import { table } from "./stats";

const STAGES = ["LEAD", "QUALIFIED", "PROPOSAL", "NEGOTIATION"];
const COLUMNS: ExportColumn[] = [
  { header: "name", kind: "text", width: 20 },
  { header: "client", kind: "text", width: 20 },
  { header: "owner_email", kind: "text", width: 20 },
  { header: "stage", kind: "text", width: 12 },
  { header: "estimated_value", kind: "money", width: 12 },
  { header: "currency", kind: "text", width: 8 },
  { header: "expected_close_date", kind: "date", width: 12 },
];

/** `rows` deals over 100 clients (created by the import), every other one owned by the rep, in four open stages. */
function dealRows(rows: number, label: string, repEmail: string): string[][] {
  const close = toIsoDate(addDays(utcDate(new Date()), 30));
  return Array.from({ length: rows }, (_, i) => [
    `${label} deal ${i}`,
    `Client ${i % 100}`,
    i % 2 ? repEmail : "",
    STAGES[i % 4]!,
    `${(i % 997) + 1}.${String(i % 100).padStart(2, "0")}`,
    "USD",
    close,
  ]);
}

async function fileOf(format: "csv" | "xlsx", rows: string[][]): Promise<Blob> {
  if (format === "csv") return new Blob([[COLUMNS.map((c) => c.header), ...rows].map((row) => row.join(",")).join("\n") + "\n"]);
  async function* batches() {
    for (let i = 0; i < rows.length; i += 1_000) yield rows.slice(i, i + 1_000);
  }
  return new Response(xlsxStream("Deals", COLUMNS, batches())).blob();
}

type Phase = { seconds: number; idleMb: number; peakMb: number; byTenthMb: number[] };

/** Runs `work` while sampling the server's RSS every 100 ms. */
async function measured<T>(rssMb: () => number, work: () => Promise<T>): Promise<[T, Phase]> {
  const samples = [rssMb()];
  const sampler = setInterval(() => samples.push(rssMb()), 100);
  const started = performance.now();
  try {
    const result = await work();
    samples.push(rssMb());
    const byTenthMb = Array.from({ length: 10 }, (_, i) => samples[Math.round(((i + 1) * (samples.length - 1)) / 10)]!);
    return [result, { seconds: (performance.now() - started) / 1000, idleMb: samples[0]!, peakMb: Math.max(...samples), byTenthMb }];
  } finally {
    clearInterval(sampler);
  }
}

async function call(baseUrl: string, path: string, init: RequestInit & { token?: string }) {
  const headers = new Headers(init.headers);
  if (init.token) headers.set("authorization", `Bearer ${init.token}`);
  const response = await fetch(`${baseUrl}/api/v1${path}`, { ...init, headers });
  const body = await response.json();
  if (!response.ok) throw new Error(`${init.method ?? "GET"} ${path}: HTTP ${response.status} ${JSON.stringify(body).slice(0, 500)}`);
  return body;
}

/** A company of its own: its admin's token and its rep's email. */
async function register(baseUrl: string): Promise<{ token: string; repEmail: string }> {
  const stamp = Date.now();
  const json = { "content-type": "application/json" };
  const password = "bench-import-password-1";
  const admin = await call(baseUrl, "/auth/register", {
    method: "POST",
    headers: json,
    body: JSON.stringify({ company_name: `Import bench ${stamp}`, name: "Imogen Admin", email: `admin.${stamp}@import.bench`, password }),
  });
  const repEmail = `rep.${stamp}@import.bench`;
  await call(baseUrl, "/users", {
    method: "POST",
    headers: json,
    token: admin.access_token,
    body: JSON.stringify({ name: "Rory Rep", email: repEmail, role: "SALES_REP", password }),
  });
  return { token: admin.access_token, repEmail };
}

export async function benchImports(server: { port: number; poolSize: number }, verdicts: string[]): Promise<void> {
  const database = await createTestDatabase();
  const running = await startNextServer({
    databaseUrl: database.url,
    port: server.port,
    env: { DATABASE_POOL_SIZE: String(server.poolSize) },
  });
  const lines: string[][] = [];
  const tenths: string[] = [];
  try {
    const { token, repEmail } = await register(running.baseUrl);
    for (const format of ["csv", "xlsx"] as const) {
      const file = await fileOf(format, dealRows(MAX_IMPORT_ROWS, format, repEmail));
      const [dry, dryRun] = await measured(running.rssMb, () => {
        const form = new FormData();
        form.set("entity", "opportunities");
        form.set("create_clients", "true");
        form.set("file", file, `deals.${format}`);
        return call(running.baseUrl, "/imports", { method: "POST", body: form, token });
      });
      if (dry.valid_rows !== MAX_IMPORT_ROWS) throw new Error(`dry run of the ${format}: ${JSON.stringify(dry).slice(0, 500)}`);
      const [committed, commit] = await measured(running.rssMb, () =>
        call(running.baseUrl, `/imports/${dry.id}/commit`, { method: "POST", token }),
      );
      if (committed.committed_count !== MAX_IMPORT_ROWS)
        throw new Error(`commit of the ${format}: ${JSON.stringify(committed).slice(0, 500)}`);
      for (const [phase, m] of [
        ["dry run", dryRun],
        ["commit", commit],
      ] as const) {
        lines.push([
          format,
          phase,
          String(MAX_IMPORT_ROWS),
          (file.size / 2 ** 20).toFixed(1),
          m.seconds.toFixed(1),
          (MAX_IMPORT_ROWS / m.seconds).toFixed(0),
          m.idleMb.toFixed(0),
          m.peakMb.toFixed(0),
        ]);
        tenths.push(`${format} ${phase}: ${m.byTenthMb.map((mb) => mb.toFixed(0)).join(" ")}`);
      }
      verdicts.push(
        `${commit.seconds <= 30 ? "met   " : "MISSED"} import of ${MAX_IMPORT_ROWS} deals from ${format.toUpperCase()}: dry run ${dryRun.seconds.toFixed(1)} s, ` +
          `commit ${commit.seconds.toFixed(1)} s (target ≤ 30 s), server RSS peak ${Math.max(dryRun.peakMb, commit.peakMb).toFixed(0)} MB`,
      );
    }
    console.log("imports (admin, 50,000 deals, 100 clients created by the import, one import at a time):");
    console.log(table([["file", "phase", "rows", "MiB", "s", "rows/s", "RSS before MB", "RSS peak MB"], ...lines]));
    console.log(`server RSS (MB) at each tenth of the phase:\n  ${tenths.join("\n  ")}\n`);
  } finally {
    await running.stop();
    await database.teardown();
  }
}

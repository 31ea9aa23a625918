/** Times streamed exports through a running server: rows, bytes, first and last byte, the server's RSS over the download. */
import type { BenchDatabase } from "./bench-database";
import { startNextServer } from "./next-server";
import { ms, table } from "./stats";

export type ExportTiming = {
  format: string;
  rows: number;
  bytes: number;
  seconds: number;
  firstByteMs: number;
  peakRssMb: number;
  /** The server's RSS at each tenth of the download's time (MB). */
  rssByTenthMb: number[];
};

export async function timeExport(
  baseUrl: string,
  token: string,
  format: "csv" | "xlsx",
  query: string,
  rssMb: () => number,
): Promise<ExportTiming> {
  const samples = [rssMb()];
  const sampler = setInterval(() => samples.push(rssMb()), 100);
  const started = performance.now();
  try {
    const response = await fetch(`${baseUrl}/api/v1/opportunities/export?format=${format}${query ? `&${query}` : ""}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (!response.ok || !response.body) throw new Error(`export ${format}: HTTP ${response.status}`);
    const firstByteMs = performance.now() - started;
    let bytes = 0;
    let newlines = 0;
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      bytes += chunk.byteLength;
      if (format === "csv") for (const byte of chunk) if (byte === 10) newlines++;
    }
    const seconds = (performance.now() - started) / 1000;
    samples.push(rssMb());
    const rssByTenthMb = Array.from({ length: 10 }, (_, i) => samples[Math.round(((i + 1) * (samples.length - 1)) / 10)]!);
    // A CSV row is a line (the header one more); an XLSX is zipped, so its rows are counted by the caller.
    return {
      format,
      rows: format === "csv" ? newlines - 1 : Number.NaN,
      bytes,
      seconds,
      firstByteMs,
      peakRssMb: Math.max(...samples),
      rssByTenthMb,
    };
  } finally {
    clearInterval(sampler);
  }
}

/** Exports of one stage (a quarter of the deals) and of every deal, as CSV then XLSX, by the admin, one request at a time. */
const EXPORTS = [
  { label: "one stage (LEAD)", query: "stage=LEAD" },
  { label: "every deal", query: "" },
];

/**
 * Every export of `EXPORTS`, each on a server of its own (started for it, so one export's memory is not the next's
 * starting point). The server's peak RSS at a quarter of the rows against all of them shows whether memory grows with
 * the file.
 */
export async function benchExports(
  bench: BenchDatabase,
  adminToken: string,
  server: { port: number; poolSize: number },
  verdicts: string[],
): Promise<void> {
  const rows: string[][] = [];
  const tenths: string[] = [];
  for (const { label, query } of EXPORTS) {
    let csvRows = 0;
    for (const format of ["csv", "xlsx"] as const) {
      const running = await startNextServer({
        databaseUrl: bench.url,
        port: server.port,
        env: { DATABASE_POOL_SIZE: String(server.poolSize) },
      });
      try {
        await new Promise((resolve) => setTimeout(resolve, 2_000));
        const idleRssMb = running.rssMb();
        const t = await timeExport(running.baseUrl, adminToken, format, query, running.rssMb);
        if (format === "csv") csvRows = t.rows;
        const count = format === "csv" ? t.rows : csvRows;
        const memory = `server RSS ${idleRssMb.toFixed(0)} → ${t.peakRssMb.toFixed(0)} MB`;
        rows.push([
          label,
          format,
          String(count),
          (t.bytes / 2 ** 20).toFixed(1),
          ms(t.firstByteMs),
          t.seconds.toFixed(1),
          idleRssMb.toFixed(0),
          t.peakRssMb.toFixed(0),
        ]);
        tenths.push(`${label}, ${format}: ${t.rssByTenthMb.map((mb) => mb.toFixed(0)).join(" ")}`);
        verdicts.push(
          `${t.seconds <= 20 ? "met   " : "MISSED"} export ${format.toUpperCase()} of ${count} deals: ${t.seconds.toFixed(1)} s (target ≤ 20 s), ${memory}`,
        );
      } finally {
        await running.stop();
      }
    }
  }
  console.log("exports (admin, one request each, each on a fresh server):");
  console.log(table([["export", "format", "rows", "MiB", "first byte ms", "s to last byte", "RSS idle MB", "RSS peak MB"], ...rows]));
  console.log(`server RSS (MB) at each tenth of the download:\n  ${tenths.join("\n  ")}\n`);
}

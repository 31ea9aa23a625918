/** Times one streamed export through a running server: rows, bytes, seconds to the last byte, the server's RSS. */

export type ExportTiming = { format: string; rows: number; bytes: number; seconds: number; firstByteMs: number; peakRssMb: number };

export async function timeExport(baseUrl: string, token: string, format: "csv" | "xlsx", rssMb: () => number): Promise<ExportTiming> {
  let peakRssMb = rssMb();
  const sampler = setInterval(() => (peakRssMb = Math.max(peakRssMb, rssMb())), 100);
  const started = performance.now();
  try {
    const response = await fetch(`${baseUrl}/api/v1/opportunities/export?format=${format}`, {
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
    // A CSV row is a line (the header one more); an XLSX is zipped, so its row count is the API's total.
    return { format, rows: format === "csv" ? newlines - 1 : Number.NaN, bytes, seconds, firstByteMs, peakRssMb };
  } finally {
    clearInterval(sampler);
  }
}

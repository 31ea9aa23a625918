/** Latency percentiles and the tables the bench and load scripts print. */

export type LatencySummary = { count: number; p50: number; p95: number; p99: number; max: number; throughput: number };

/** Nearest-rank percentile of an ascending array (0 when empty). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** p50/p95/p99/max of the latencies (ms) and the throughput over `seconds`. */
export function summarize(latenciesMs: readonly number[], seconds: number): LatencySummary {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? 0,
    throughput: seconds > 0 ? sorted.length / seconds : 0,
  };
}

export const ms = (value: number): string => (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2));

/** A plain text table: the first row is the header; columns after the first are right-aligned. */
export function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? "").length)));
  const line = (row: string[]) =>
    row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join("  ");
  return [line(rows[0]!), widths.map((w) => "-".repeat(w)).join("  "), ...rows.slice(1).map(line)].join("\n");
}

/** Header and row cells for one latency summary. */
export const LATENCY_HEADER = ["p50 ms", "p95 ms", "p99 ms", "max ms", "req/s", "requests"];
export function latencyCells(s: LatencySummary): string[] {
  return [ms(s.p50), ms(s.p95), ms(s.p99), ms(s.max), s.throughput.toFixed(0), String(s.count)];
}

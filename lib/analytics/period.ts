import { toIsoDate, utcDate } from "@/lib/clock";

export const PERIODS = ["month", "quarter", "year", "custom"] as const;
export type Period = (typeof PERIODS)[number];

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
/** A real calendar day "YYYY-MM-DD" (not 2026-02-30), else undefined. */
const validDay = (text: string | undefined) => {
  if (!text || !ISO_DAY.test(text)) return undefined;
  const date = new Date(`${text}T00:00:00.000Z`);
  return !Number.isNaN(date.getTime()) && toIsoDate(date) === text ? text : undefined;
};

/**
 * The dashboard's window: this month, quarter or year up to its last day (UTC, as of `now`), or a custom from–to.
 * A custom window with a missing or reversed end falls back to this month, so a hand-edited URL never fails the page.
 */
export function resolvePeriod(
  params: { period?: string; from?: string; to?: string },
  now: Date,
): { period: Period; from: string; to: string } {
  const today = utcDate(now);
  const year = today.getUTCFullYear();
  const month = today.getUTCMonth();
  const span = (startMonth: number, months: number) => ({
    from: toIsoDate(new Date(Date.UTC(year, startMonth, 1))),
    to: toIsoDate(new Date(Date.UTC(year, startMonth + months, 0))),
  });
  const from = validDay(params.from);
  const to = validDay(params.to);
  if (params.period === "custom" && from && to && from <= to) return { period: "custom", from, to };
  if (params.period === "quarter") return { period: "quarter", ...span(month - (month % 3), 3) };
  if (params.period === "year") return { period: "year", ...span(0, 12) };
  return { period: "month", ...span(month, 1) };
}

/** Rows as CSV text (RFC 4180 quoting; cells a spreadsheet would run as a formula get a leading quote). */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number | null>>): string {
  const cell = (value: string | number | null) => {
    const text = value === null ? "" : String(value);
    const safe = /^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text) ? `'${text}` : text;
    return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
  };
  return rows.map((row) => row.map(cell).join(",")).join("\r\n") + "\r\n";
}

import { XMLParser } from "fast-xml-parser";
import Papa from "papaparse";
import type { FieldError } from "@/lib/errors";
import { Decimal } from "@/lib/money";
import { exchangeRateInput, type ExchangeRateInput } from "./schemas";

/**
 * Rates from a file: the ECB's euro foreign exchange reference rates (eurofxref XML, daily or historical) or a CSV
 * with `currency,rate,effective_from`. Every row is checked with the API's own schema; a file with any bad row gives
 * its errors (by row and column) and no rates, so nothing is half applied.
 */
export type RateFileResult = { rates: ExchangeRateInput[]; errors: FieldError[] };

export function looksLikeEcbXml(text: string): boolean {
  return /^\s*(<\?xml|<gesmes:Envelope|<Envelope)/.test(text);
}

/** A rate with 8 decimals, half up. */
const rate8 = (value: Decimal) => value.toDecimalPlaces(8, Decimal.ROUND_HALF_UP).toFixed(8);

type EcbCube = { time?: string; Cube?: Array<{ currency?: string; rate?: string }> };

/**
 * ECB rates are "1 EUR = x units of currency". Into `base`: with base EUR a currency's rate is 1 / x; otherwise the
 * euro is worth x(base) and a currency c is worth x(base) / x(c). The base currency itself is left out.
 */
export function ratesFromEcbXml(text: string, base: string): RateFileResult {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "",
    removeNSPrefix: true,
    isArray: (name) => name === "Cube",
  });
  let days: EcbCube[];
  try {
    const document = parser.parse(text) as { Envelope?: { Cube?: Array<{ Cube?: EcbCube[] }> } };
    days = document.Envelope?.Cube?.[0]?.Cube ?? [];
  } catch (error) {
    return { rates: [], errors: [{ field: "file", message: `is not readable XML: ${(error as Error).message}` }] };
  }
  if (days.length === 0) return { rates: [], errors: [{ field: "file", message: "has no ECB rates (Envelope > Cube > Cube time=…)" }] };
  const rows: Record<string, unknown>[] = [];
  const errors: FieldError[] = [];
  days.forEach((day, index) => {
    const perEuro = new Map<string, string>([["EUR", "1"]]);
    for (const cube of day.Cube ?? []) if (cube.currency && cube.rate) perEuro.set(cube.currency, cube.rate);
    const baseInEuro = perEuro.get(base);
    if (!baseInEuro || !isPositive(baseInEuro)) {
      errors.push({ field: `days[${index}]`, message: `has no ECB rate for the base currency ${base} on ${day.time ?? "an unnamed day"}` });
      return;
    }
    for (const [currency, perEuroText] of perEuro) {
      if (currency === base) continue;
      const rate = isPositive(perEuroText) ? rate8(new Decimal(baseInEuro).div(perEuroText)) : perEuroText;
      rows.push({ currency, rate, effective_from: day.time });
    }
  });
  const checked = checkRows(rows, (i) => `rates[${i}]`);
  return { rates: checked.rates, errors: [...errors, ...checked.errors] };
}

/** CSV with a header `currency,rate,effective_from` (any order, case-insensitive); rows are numbered as in a spreadsheet (header = 1). */
export function ratesFromCsv(text: string): RateFileResult {
  const parsed = Papa.parse<Record<string, string>>(text.trim(), {
    header: true,
    skipEmptyLines: true,
    transformHeader: (header) => header.trim().toLowerCase(),
  });
  const missing = ["currency", "rate", "effective_from"].filter((column) => !parsed.meta.fields?.includes(column));
  if (missing.length > 0)
    return {
      rates: [],
      errors: [{ field: "file", message: `needs the columns currency, rate, effective_from (missing ${missing.join(", ")})` }],
    };
  const errors: FieldError[] = parsed.errors.map((error) => ({ field: `row ${(error.row ?? 0) + 2}`, message: error.message }));
  const checked = checkRows(parsed.data, (i) => `row ${i + 2}`);
  return { rates: checked.rates, errors: [...errors, ...checked.errors] };
}

function checkRows(rows: Record<string, unknown>[], label: (index: number) => string): RateFileResult {
  const rates: ExchangeRateInput[] = [];
  const errors: FieldError[] = [];
  rows.forEach((row, index) => {
    const result = exchangeRateInput.safeParse({ currency: row.currency, rate: row.rate, effective_from: row.effective_from });
    if (result.success) rates.push(result.data);
    else for (const issue of result.error.issues) errors.push({ field: `${label(index)}.${issue.path.join(".")}`, message: issue.message });
  });
  return errors.length > 0 ? { rates: [], errors } : { rates, errors };
}

function isPositive(text: string): boolean {
  return /^\d+(\.\d+)?$/.test(text) && new Decimal(text).gt(0);
}

import { z } from "zod";
import { APP_LOCALE } from "@/lib/locale";
// The browser entry: Prisma's decimal.js without the server client, so these schemas also run in client-side forms.
import { Prisma } from "@/lib/generated/prisma/browser";

export const Decimal = Prisma.Decimal;
export type Decimal = InstanceType<typeof Prisma.Decimal>;

const DECIMAL_TEXT = /^-?\d+(\.\d+)?$/;

type DecimalOptions = {
  /** Digits allowed after the point (2 for money and probability). */
  scale?: number;
  /** Digits allowed before the point (12 for Decimal(14,2), 3 for Decimal(5,2)). */
  integerDigits?: number;
  min?: string;
  max?: string;
  /** Strictly greater than `min`. */
  exclusiveMin?: boolean;
};

/**
 * A decimal from JSON: a string ("50000.00") or a number (50000) — never float math. The output is the
 * canonical text, ready for Prisma's Decimal columns.
 */
export function decimalInput({ scale = 2, integerDigits = 12, min, max, exclusiveMin = false }: DecimalOptions = {}) {
  return z
    .union([z.string(), z.number()], { message: "must be a decimal number (string or number)" })
    .transform((value, ctx) => {
      const text = typeof value === "number" ? (Number.isFinite(value) ? String(value) : "") : value.trim();
      if (!DECIMAL_TEXT.test(text)) {
        ctx.addIssue({ code: "custom", message: "must be a decimal number such as 1234.50" });
        return z.NEVER;
      }
      const [whole = "", fraction = ""] = text.replace("-", "").split(".");
      if (fraction.length > scale) {
        ctx.addIssue({ code: "custom", message: `must have at most ${scale} decimal places` });
        return z.NEVER;
      }
      if (whole.replace(/^0+(?=\d)/, "").length > integerDigits) {
        ctx.addIssue({ code: "custom", message: `must have at most ${integerDigits} digits before the decimal point` });
        return z.NEVER;
      }
      const decimal = new Prisma.Decimal(text);
      if (min !== undefined && (exclusiveMin ? decimal.lte(min) : decimal.lt(min))) {
        ctx.addIssue({ code: "custom", message: exclusiveMin ? `must be greater than ${min}` : `must be at least ${min}` });
        return z.NEVER;
      }
      if (max !== undefined && decimal.gt(max)) {
        ctx.addIssue({ code: "custom", message: `must be at most ${max}` });
        return z.NEVER;
      }
      return decimal.toFixed(scale);
    })
    .meta(decimalDocumentation({ scale, integerDigits, min, max, exclusiveMin }));
}

/**
 * How the OpenAPI document describes a decimal input: a string or a number (both are accepted), the string's
 * pattern and the number's bounds saying what the rules accept (no minus sign where the minimum is not negative).
 */
function decimalDocumentation({
  scale,
  integerDigits,
  min,
  max,
  exclusiveMin,
}: Required<Omit<DecimalOptions, "min" | "max">> & DecimalOptions) {
  const negative = min === undefined || new Prisma.Decimal(min).isNegative();
  const bounds: string[] = [];
  if (min !== undefined) bounds.push(exclusiveMin ? `more than ${min}` : `at least ${min}`);
  if (max !== undefined) bounds.push(`at most ${max}`);
  return {
    type: ["string", "number"],
    pattern: `^${negative ? "-?" : ""}\\d+(\\.\\d{1,${scale}})?$`,
    ...(min === undefined ? {} : exclusiveMin ? { exclusiveMinimum: Number(min) } : { minimum: Number(min) }),
    ...(max === undefined ? {} : { maximum: Number(max) }),
    description: [
      `A decimal as a string (a number is accepted), up to ${integerDigits} digits before the point and ${scale} after`,
      ...bounds,
    ].join("; "),
    example: "50000.00",
  };
}

/** Money and probability travel as strings with exactly two decimals. */
export function toMoney(value: Decimal | string | number): string {
  return (Prisma.Decimal.isDecimal(value) ? value : new Prisma.Decimal(value)).toFixed(2);
}

export const moneyOut = z
  .string()
  .regex(/^-?\d+\.\d{2}$/)
  .meta({ example: "50000.00" });

type Numeric = `${number}`;
const moneyFormats = new Map<string, Intl.NumberFormat>();

function moneyFormat(currency: string, compact: boolean, locale: string): Intl.NumberFormat {
  const key = `${locale}|${currency}|${compact}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      style: "currency",
      currency,
      ...(compact ? { notation: "compact", minimumFractionDigits: 0, maximumFractionDigits: 1 } : { maximumFractionDigits: 2 }),
    });
    moneyFormats.set(key, format);
  }
  return format;
}

/**
 * The one way money becomes text, in the UI and in every email and notification: the amount with its currency
 * symbol or code ("$12,500.50", "€1,200.00", "CHF 99.90"); `compact` for tight totals ("$96.1K", "€1.2M"). The
 * exact decimal text goes to Intl, never a float, so what is shown is what was stored.
 */
export function formatMoney(amount: Decimal | string, currency: string, options: { compact?: boolean; locale?: string } = {}): string {
  const text = (Prisma.Decimal.isDecimal(amount) ? amount : new Prisma.Decimal(amount)).toFixed(2) as Numeric;
  return moneyFormat(currency, options.compact ?? false, options.locale ?? APP_LOCALE).format(text);
}

/** A probability or rate: "25.00" → "25%", "33.50" → "33.5%". */
export function formatPercent(value: Decimal | string): string {
  const text = Prisma.Decimal.isDecimal(value) ? value.toFixed(2) : value;
  return `${text.includes(".") ? text.replace(/\.?0+$/, "") : text}%`;
}

/** A deal's amount in its own currency and, where that is not the base currency, in the base: "€10,000.00 ≈ $10,850.00". */
export function formatWithBase(amount: Decimal | string, currency: string, baseAmount: Decimal | string, baseCurrency: string): string {
  const own = formatMoney(amount, currency);
  return currency === baseCurrency ? own : `${own} ≈ ${formatMoney(baseAmount, baseCurrency)}`;
}

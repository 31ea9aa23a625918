import type { OpportunityStage } from "@/lib/generated/prisma/enums";

/**
 * Display formatting. Amounts arrive as exact decimal strings; Intl.NumberFormat formats a numeric string
 * without turning it into a float first, so what is shown is what the server computed.
 */
type Numeric = `${number}`;

const moneyFormats = new Map<string, Intl.NumberFormat>();

/** "12500.50", "USD" → "$12,500.50" (an unknown code falls back to "XYZ 12,500.50"). */
export function formatMoney(amount: string, currency: string): string {
  let format = moneyFormats.get(currency);
  if (!format) {
    try {
      format = new Intl.NumberFormat("en-US", { style: "currency", currency });
    } catch {
      format = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    }
    moneyFormats.set(currency, format);
  }
  const text = format.format(amount as Numeric);
  return format.resolvedOptions().style === "currency" ? text : `${currency} ${text}`;
}

const amountFormat = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** A total across deals (currencies are not converted): "1234567.5" → "1,234,567.50". */
export function formatAmount(amount: string): string {
  return amountFormat.format(amount as Numeric);
}

const compactFormat = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });

/** "128450.00" → "128.5K", for tight column headers (the exact figure goes in the accessible label). */
export function formatCompact(amount: string): string {
  return compactFormat.format(amount as Numeric);
}

/** "25.00" → "25%", "33.50" → "33.5%". */
export function formatPercent(value: string): string {
  return `${value.includes(".") ? value.replace(/\.?0+$/, "") : value}%`;
}

const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });
const instantFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** "2026-03-31" → "Mar 31, 2026". */
export function formatDate(isoDate: string): string {
  return dateFormat.format(new Date(`${isoDate}T00:00:00.000Z`));
}

/** An ISO instant → "Mar 31, 2026, 9:30 AM UTC". */
export function formatInstant(iso: string): string {
  return `${instantFormat.format(new Date(iso))} UTC`;
}

/** "Riley Rep" → "RR"; "madonna" → "M". */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0]![0], words.at(-1)![0]] : [words[0]?.[0]];
  return letters.filter(Boolean).join("").toUpperCase();
}

/** Open and its expected close date (YYYY-MM-DD) before today (UTC, like the server's rules). */
export function isOverdue(deal: { stage: OpportunityStage; expected_close_date: string }, todayIso: string): boolean {
  return deal.stage !== "CLOSED_WON" && deal.stage !== "CLOSED_LOST" && deal.expected_close_date < todayIso;
}

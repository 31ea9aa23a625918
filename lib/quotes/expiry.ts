import type { QuoteStatus } from "@/lib/generated/prisma/enums";

export const EXPIRING_SOON_DAYS = 7;

export type QuoteExpiry = "expired" | "expiring" | null;

const OPEN: readonly QuoteStatus[] = ["DRAFT", "SENT"];

/**
 * Whether a quote needs attention on `today` (both `YYYY-MM-DD`): EXPIRED, or still open past its valid_until
 * date, is expired; open and valid for at most EXPIRING_SOON_DAYS more days is expiring.
 */
export function quoteExpiry(quote: { status: QuoteStatus; valid_until: string }, today: string, soonLimit: string): QuoteExpiry {
  if (quote.status === "EXPIRED") return "expired";
  if (!OPEN.includes(quote.status)) return null;
  if (quote.valid_until < today) return "expired";
  return quote.valid_until <= soonLimit ? "expiring" : null;
}

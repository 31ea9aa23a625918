import type { QuoteStatus } from "@/lib/generated/prisma/enums";
import type { BadgeTone } from "@/components/ui/list-ui";

const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });

/** "2026-03-31" → "Mar 31, 2026". */
export function formatDate(isoDate: string): string {
  return dateFormat.format(new Date(`${isoDate}T00:00:00.000Z`));
}

/** "12500.50", "USD" → "USD 12,500.50", grouping the text without turning money into a float. */
export function formatMoney(amount: string, currency: string): string {
  const [whole = "0", fraction = "00"] = amount.split(".");
  return `${currency} ${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${fraction}`;
}

export const statusTone: Record<QuoteStatus, BadgeTone> = {
  DRAFT: "slate",
  SENT: "blue",
  ACCEPTED: "green",
  REJECTED: "red",
  EXPIRED: "amber",
};

export const statusLabel: Record<QuoteStatus, string> = {
  DRAFT: "Draft",
  SENT: "Sent",
  ACCEPTED: "Accepted",
  REJECTED: "Rejected",
  EXPIRED: "Expired",
};

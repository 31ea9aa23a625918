import { addDays, formatDay, systemClock, toIsoDate, utcDate } from "@/lib/clock";
import { formatMoney } from "@/lib/money";
import { EXPIRING_SOON_DAYS, quoteExpiry, type QuoteExpiry, type QuoteOut } from "@/lib/quotes";
import { Badge } from "@/components/ui/list-ui";
import type { RecordColumn } from "@/components/ui/record-list";
import { statusLabel, statusTone } from "./format";

/** Whether a quote has expired or expires soon, as of today. */
export function quoteExpiryToday(): (quote: QuoteOut) => QuoteExpiry {
  const today = utcDate(systemClock());
  return (quote) => quoteExpiry(quote, toIsoDate(today), toIsoDate(addDays(today, EXPIRING_SOON_DAYS)));
}

/** The columns of a quote list (the quotes page, a client's page); managers also see the sales rep. */
export function quoteColumns({ manager, showClient = true }: { manager: boolean; showClient?: boolean }): RecordColumn<QuoteOut>[] {
  const expiryOf = quoteExpiryToday();
  const columns: (RecordColumn<QuoteOut> | false)[] = [
    showClient && { header: "Client", cell: (quote) => quote.client.name },
    { header: "Amount", align: "end", cell: (quote) => formatMoney(quote.total_amount, quote.currency) },
    { header: "Status", card: "aside", cell: (quote) => <Badge tone={statusTone[quote.status]}>{statusLabel[quote.status]}</Badge> },
    { header: "Valid until", cell: (quote) => <ValidUntil quote={quote} expiry={expiryOf(quote)} /> },
    manager && { header: "Sales rep", cell: (quote) => quote.sales_rep.name },
  ];
  return columns.filter((column): column is RecordColumn<QuoteOut> => column !== false);
}

/** The date, red once expired, amber when expiring soon; an open quote past its date also gets an "Expired" badge. */
export function ValidUntil({ quote, expiry }: { quote: QuoteOut; expiry: QuoteExpiry }) {
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <time
        dateTime={quote.valid_until}
        className={expiry === "expired" ? "text-red-700" : expiry === "expiring" ? "text-amber-800" : "text-slate-700"}
      >
        {formatDay(quote.valid_until)}
      </time>
      {expiry === "expired" && quote.status !== "EXPIRED" ? <Badge tone="red">Expired</Badge> : null}
      {expiry === "expiring" ? <Badge tone="amber">Expires soon</Badge> : null}
    </span>
  );
}

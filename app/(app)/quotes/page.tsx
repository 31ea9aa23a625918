import type { Metadata } from "next";
import Link from "next/link";
import { seesWholeTenant } from "@/lib/scope";
import { requirePageScope } from "@/lib/auth";
import { addDays, formatDay, systemClock, toIsoDate, utcDate } from "@/lib/clock";
import { formatMoney } from "@/lib/money";
import {
  EXPIRING_SOON_DAYS,
  listQuotePage,
  QUOTE_STATUSES,
  quoteExpiry,
  type QuoteExpiry,
  quoteListQuery,
  type QuoteOut,
} from "@/lib/quotes";
import { Button } from "@/components/ui/button";
import { Badge, buttonLinkClass, EmptyState, PageHeader, Pagination } from "@/components/ui/list-ui";
import { firstValues, listQueryFrom, pageSizeParam, type SearchParams } from "@/lib/http";
import { statusLabel, statusTone } from "./format";

export const metadata: Metadata = { title: "Quotes" };

export default async function QuotesPage({ searchParams }: { searchParams: SearchParams }) {
  const scope = await requirePageScope();
  const query = listQueryFrom(quoteListQuery, firstValues(await searchParams));
  const result = await listQuotePage(scope, query);
  const manager = seesWholeTenant(scope);
  const today = utcDate(systemClock());
  const expiryOf = (quote: QuoteOut) => quoteExpiry(quote, toIsoDate(today), toIsoDate(addDays(today, EXPIRING_SOON_DAYS)));
  const status = query.status;
  return (
    <div className="space-y-6">
      <PageHeader
        title={manager ? "Quotes" : "My quotes"}
        description={manager ? "Every quote of your company." : "The quotes you own."}
        action={
          <Link href="/quotes/new" className={buttonLinkClass}>
            New quote
          </Link>
        }
      />
      <form className="flex flex-wrap items-end gap-2" action="/quotes">
        <div>
          <label htmlFor="quote-status" className="block text-sm font-medium text-slate-700">
            Status
          </label>
          <select
            id="quote-status"
            name="status"
            defaultValue={status ?? ""}
            className="mt-1 block rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm"
          >
            <option value="">All statuses</option>
            {QUOTE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {statusLabel[s]}
              </option>
            ))}
          </select>
        </div>
        <Button type="submit" variant="secondary">
          Filter
        </Button>
      </form>
      {result.items.length === 0 ? (
        <EmptyState title={result.total > 0 ? "Nothing on this page" : status ? "No quotes with this status" : "No quotes yet"}>
          {result.total > 0 || status ? (
            <Link href="/quotes" className="text-brand-600 hover:underline">
              Show all quotes
            </Link>
          ) : (
            <Link href="/quotes/new" className="text-brand-600 hover:underline">
              Create your first quote
            </Link>
          )}
        </EmptyState>
      ) : (
        <>
          <table className="hidden w-full overflow-hidden rounded-xl border border-slate-200 bg-white text-left text-sm md:table">
            <thead className="bg-slate-50 text-xs font-medium tracking-wide text-slate-500 uppercase">
              <tr>
                <th scope="col" className="px-4 py-3">
                  Quote
                </th>
                <th scope="col" className="px-4 py-3">
                  Client
                </th>
                <th scope="col" className="px-4 py-3 text-right">
                  Amount
                </th>
                <th scope="col" className="px-4 py-3">
                  Status
                </th>
                <th scope="col" className="px-4 py-3">
                  Valid until
                </th>
                {manager ? (
                  <th scope="col" className="px-4 py-3">
                    Sales rep
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {result.items.map((quote) => (
                <tr key={quote.id}>
                  <td className="px-4 py-3 font-medium text-slate-900">{quote.quote_number}</td>
                  <td className="px-4 py-3 text-slate-700">{quote.client.name}</td>
                  <td className="px-4 py-3 text-right text-slate-900 tabular-nums">{formatMoney(quote.total_amount, quote.currency)}</td>
                  <td className="px-4 py-3">
                    <Badge tone={statusTone[quote.status]}>{statusLabel[quote.status]}</Badge>
                  </td>
                  <td className="px-4 py-3">
                    <ValidUntil quote={quote} expiry={expiryOf(quote)} />
                  </td>
                  {manager ? <td className="px-4 py-3 text-slate-700">{quote.sales_rep.name}</td> : null}
                </tr>
              ))}
            </tbody>
          </table>
          <ul className="space-y-3 md:hidden" aria-label="Quotes">
            {result.items.map((quote) => (
              <li key={quote.id} className="rounded-xl border border-slate-200 bg-white p-4">
                <div className="flex items-start justify-between gap-3">
                  <div className="min-w-0">
                    <p className="font-medium text-slate-900">{quote.quote_number}</p>
                    <p className="truncate text-sm text-slate-600">{quote.client.name}</p>
                  </div>
                  <Badge tone={statusTone[quote.status]}>{statusLabel[quote.status]}</Badge>
                </div>
                <p className="mt-2 text-base font-semibold tabular-nums">{formatMoney(quote.total_amount, quote.currency)}</p>
                <div className="mt-1 text-sm">
                  <ValidUntil quote={quote} expiry={expiryOf(quote)} />
                </div>
                {manager ? <p className="mt-1 text-sm text-slate-500">{quote.sales_rep.name}</p> : null}
              </li>
            ))}
          </ul>
        </>
      )}
      <Pagination
        basePath="/quotes"
        params={{ status, page_size: pageSizeParam(query) }}
        page={result.page}
        totalPages={result.total_pages}
        total={result.total}
        noun="quotes"
      />
    </div>
  );
}

/** The date, red once expired, amber when expiring soon; an open quote past its date also gets an "Expired" badge. */
function ValidUntil({ quote, expiry }: { quote: QuoteOut; expiry: QuoteExpiry }) {
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

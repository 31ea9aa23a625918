import type { Metadata } from "next";
import Link from "next/link";
import { formatInstant } from "@/lib/clock";
import { formatMoney } from "@/lib/money";
import { DeleteButton } from "@/components/ui/delete-button";
import { DetailList } from "@/components/ui/detail-list";
import { Badge, secondaryLinkClass } from "@/components/ui/list-ui";
import { LocalTime } from "@/components/ui/local-time";
import { RecordHeader } from "@/components/ui/record-header";
import { deleteQuoteAction } from "../actions";
import { statusLabel, statusTone } from "../format";
import { quoteExpiryToday, ValidUntil } from "../quote-columns";
import { loadQuote } from "./load";

type Params = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { record } = await loadQuote((await params).id);
  return { title: `Quote ${record.quote_number}` };
}

export default async function QuotePage({ params }: Params) {
  const { record: quote } = await loadQuote((await params).id);
  const expiry = quoteExpiryToday()(quote);
  return (
    <div className="space-y-6">
      <RecordHeader
        list={{ href: "/quotes", label: "Quotes" }}
        title={`Quote ${quote.quote_number}`}
        meta={
          <>
            <Badge tone={statusTone[quote.status]}>{statusLabel[quote.status]}</Badge>
            <span>
              for{" "}
              <Link href={`/clients/${quote.client_id}`} className="text-brand-700 underline underline-offset-2">
                {quote.client.name}
              </Link>
            </span>
          </>
        }
        actions={
          <>
            <Link href={`/quotes/${quote.id}/edit`} className={secondaryLinkClass}>
              Edit
            </Link>
            <DeleteButton
              noun="quote"
              message={`Quote ${quote.quote_number} for ${quote.client.name} will be removed from the lists and the checks.`}
              remove={deleteQuoteAction.bind(null, quote.id)}
            />
          </>
        }
      />
      {expiry === "expired" && quote.status === "SENT" ? (
        <p role="status" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          This quote is past its valid date and still marked as sent.{" "}
          <Link href={`/quotes/${quote.id}/edit`} className="font-medium underline underline-offset-2">
            Update the quote
          </Link>{" "}
          (a new date, or its outcome).
        </p>
      ) : null}
      <section aria-labelledby="quote-details" className="rounded-xl border border-slate-200 bg-white p-5">
        <h2 id="quote-details" className="mb-4 text-base font-semibold">
          Details
        </h2>
        <DetailList
          items={[
            { label: "Amount", value: formatMoney(quote.total_amount, quote.currency), testId: "quote-amount" },
            { label: "Valid until", value: <ValidUntil quote={quote} expiry={expiry} /> },
            { label: "Client", value: quote.client.name },
            { label: "Sales rep", value: quote.sales_rep.name },
            { label: "Created", value: <LocalTime iso={quote.created_at} fallback={formatInstant(quote.created_at)} /> },
            { label: "Last updated", value: <LocalTime iso={quote.updated_at} fallback={formatInstant(quote.updated_at)} /> },
          ]}
        />
      </section>
    </div>
  );
}

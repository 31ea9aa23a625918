import type { Metadata } from "next";
import Link from "next/link";
import { seesWholeTenant } from "@/lib/scope";
import { requirePageScope } from "@/lib/auth";
import { listClientOptions } from "@/lib/clients";
import { listQuotePage, QUOTE_STATUSES, quoteListQuery } from "@/lib/quotes";
import { FilterBar } from "@/components/ui/filter-bar";
import { buttonLinkClass, EmptyState, PageHeader, Pagination } from "@/components/ui/list-ui";
import { RecordList } from "@/components/ui/record-list";
import { SelectField } from "@/components/ui/select-field";
import { firstValues, listQueryFrom, pageSizeParam, type SearchParams } from "@/lib/http";
import { statusLabel } from "./format";
import { quoteColumns } from "./quote-columns";

export const metadata: Metadata = { title: "Quotes" };

export default async function QuotesPage({ searchParams }: { searchParams: SearchParams }) {
  const scope = await requirePageScope();
  const query = listQueryFrom(quoteListQuery, firstValues(await searchParams));
  const [result, clients] = await Promise.all([listQuotePage(scope, query), listClientOptions(scope, 1000)]);
  const manager = seesWholeTenant(scope);
  const { status, client_id } = query;
  const filtered = Boolean(status || client_id);
  const clientName = client_id ? clients.find((c) => c.id === client_id)?.name : undefined;
  return (
    <div className="space-y-6">
      <PageHeader
        title={manager ? "Quotes" : "My quotes"}
        description={clientName ? `Quotes for ${clientName}.` : manager ? "Every quote of your company." : "The quotes you own."}
        action={
          <Link href={client_id ? `/quotes/new?client_id=${client_id}` : "/quotes/new"} className={buttonLinkClass}>
            New quote
          </Link>
        }
      />
      <FilterBar
        action="/quotes"
        label="Filter quotes"
        clearHref="/quotes"
        filtered={filtered}
        activeCount={[status, client_id].filter(Boolean).length}
      >
        <SelectField
          id="quote-status"
          label="Status"
          name="status"
          defaultValue={status ?? ""}
          options={[{ value: "", label: "All statuses" }, ...QUOTE_STATUSES.map((s) => ({ value: s, label: statusLabel[s] }))]}
          className="md:min-w-40"
        />
        <SelectField
          id="quote-client"
          label="Client"
          name="client_id"
          defaultValue={client_id ?? ""}
          options={[{ value: "", label: "All clients" }, ...clients.map((c) => ({ value: c.id, label: c.name }))]}
          className="md:min-w-48"
        />
        {query.page_size !== 20 ? <input type="hidden" name="page_size" value={query.page_size} /> : null}
      </FilterBar>
      {result.items.length === 0 ? (
        <EmptyState title={result.total > 0 ? "Nothing on this page" : filtered ? "No quotes match these filters" : "No quotes yet"}>
          {result.total > 0 || filtered ? (
            <Link href="/quotes" className="text-brand-700 underline underline-offset-2">
              Show all quotes
            </Link>
          ) : (
            <Link href="/quotes/new" className="text-brand-700 underline underline-offset-2">
              Create your first quote
            </Link>
          )}
        </EmptyState>
      ) : (
        <RecordList
          label="Quotes"
          items={result.items}
          keyOf={(quote) => quote.id}
          titleHeader="Quote"
          title={(quote) => quote.quote_number}
          hrefOf={(quote) => `/quotes/${quote.id}`}
          columns={quoteColumns({ manager })}
        />
      )}
      <Pagination
        basePath="/quotes"
        params={{ status, client_id, page_size: pageSizeParam(query) }}
        page={result.page}
        totalPages={result.total_pages}
        total={result.total}
        noun="quotes"
      />
    </div>
  );
}

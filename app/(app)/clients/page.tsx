import type { Metadata } from "next";
import Link from "next/link";
import { requirePageScope } from "@/lib/auth";
import { clientListQuery, listClientPage } from "@/lib/clients";
import { Button } from "@/components/ui/button";
import { buttonLinkClass, EmptyState, PageHeader, Pagination } from "@/components/ui/list-ui";
import { RecordList } from "@/components/ui/record-list";
import { firstValues, listQueryFrom, pageSizeParam, type SearchParams } from "@/lib/http";

export const metadata: Metadata = { title: "Clients" };

export default async function ClientsPage({ searchParams }: { searchParams: SearchParams }) {
  const scope = await requirePageScope();
  const query = listQueryFrom(clientListQuery, firstValues(await searchParams));
  const result = await listClientPage(scope, query);
  const q = query.q ?? "";
  return (
    <div className="space-y-6">
      <PageHeader
        title="Clients"
        description="Everyone in your company shares this client list."
        action={
          <Link href="/clients/new" className={buttonLinkClass}>
            New client
          </Link>
        }
      />
      <form role="search" className="flex gap-2" action="/clients">
        <label htmlFor="client-search" className="sr-only">
          Search clients
        </label>
        <input
          id="client-search"
          name="q"
          type="search"
          defaultValue={q}
          placeholder="Search by name, company or email"
          className="block w-full max-w-md rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-500 focus:ring-2 focus:ring-brand-100 focus:outline-none"
        />
        <Button type="submit" variant="secondary">
          Search
        </Button>
      </form>
      {result.items.length === 0 ? (
        <EmptyState title={result.total > 0 ? "Nothing on this page" : q ? "No client matches your search" : "No clients yet"}>
          {result.total > 0 ? (
            <Link href="/clients" className="text-brand-700 underline underline-offset-2">
              Back to the first page
            </Link>
          ) : q ? (
            <Link href="/clients" className="text-brand-700 underline underline-offset-2">
              Clear the search
            </Link>
          ) : (
            <Link href="/clients/new" className="text-brand-700 underline underline-offset-2">
              Add your first client
            </Link>
          )}
        </EmptyState>
      ) : (
        <RecordList
          label="Clients"
          items={result.items}
          keyOf={(client) => client.id}
          titleHeader="Name"
          title={(client) => client.name}
          hrefOf={(client) => `/clients/${client.id}`}
          columns={[
            { header: "Company", cell: (client) => client.company ?? "—" },
            { header: "Email", cell: (client) => client.email ?? "—" },
            { header: "Phone", cell: (client) => client.phone ?? "—" },
          ]}
        />
      )}
      <Pagination
        basePath="/clients"
        params={{ q: q || undefined, page_size: pageSizeParam(query) }}
        page={result.page}
        totalPages={result.total_pages}
        total={result.total}
        noun="clients"
      />
    </div>
  );
}

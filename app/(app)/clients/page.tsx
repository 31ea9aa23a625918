import type { Metadata } from "next";
import Link from "next/link";
import { requirePageScope } from "@/lib/auth";
import { clientListQuery, listClientPage } from "@/lib/clients";
import { Button } from "@/components/ui/button";
import { buttonLinkClass, EmptyState, PageHeader, Pagination } from "@/components/ui/list-ui";
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
            <Link href="/clients" className="text-brand-600 hover:underline">
              Back to the first page
            </Link>
          ) : q ? (
            <Link href="/clients" className="text-brand-600 hover:underline">
              Clear the search
            </Link>
          ) : (
            <Link href="/clients/new" className="text-brand-600 hover:underline">
              Add your first client
            </Link>
          )}
        </EmptyState>
      ) : (
        <>
          <table className="hidden w-full overflow-hidden rounded-xl border border-slate-200 bg-white text-left text-sm md:table">
            <thead className="bg-slate-50 text-xs font-medium tracking-wide text-slate-500 uppercase">
              <tr>
                <th scope="col" className="px-4 py-3">
                  Name
                </th>
                <th scope="col" className="px-4 py-3">
                  Company
                </th>
                <th scope="col" className="px-4 py-3">
                  Email
                </th>
                <th scope="col" className="px-4 py-3">
                  Phone
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {result.items.map((client) => (
                <tr key={client.id}>
                  <td className="px-4 py-3 font-medium text-slate-900">{client.name}</td>
                  <td className="px-4 py-3 text-slate-700">{client.company ?? "—"}</td>
                  <td className="px-4 py-3 text-slate-700">
                    {client.email ? (
                      <a href={`mailto:${client.email}`} className="hover:underline">
                        {client.email}
                      </a>
                    ) : (
                      "—"
                    )}
                  </td>
                  <td className="px-4 py-3 text-slate-700">{client.phone ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <ul className="space-y-3 md:hidden" aria-label="Clients">
            {result.items.map((client) => (
              <li key={client.id} className="rounded-xl border border-slate-200 bg-white p-4">
                <p className="font-medium text-slate-900">{client.name}</p>
                {client.company ? <p className="text-sm text-slate-600">{client.company}</p> : null}
                <dl className="mt-2 space-y-1 text-sm text-slate-700">
                  {client.email ? (
                    <div className="flex gap-2">
                      <dt className="text-slate-500">Email</dt>
                      <dd className="break-all">{client.email}</dd>
                    </div>
                  ) : null}
                  {client.phone ? (
                    <div className="flex gap-2">
                      <dt className="text-slate-500">Phone</dt>
                      <dd>{client.phone}</dd>
                    </div>
                  ) : null}
                </dl>
              </li>
            ))}
          </ul>
        </>
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

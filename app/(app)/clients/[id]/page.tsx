import type { Metadata } from "next";
import Link from "next/link";
import { seesWholeTenant } from "@/lib/scope";
import { formatDay, formatInstant, systemClock } from "@/lib/clock";
import { pageOf } from "@/lib/http";
import { getOpportunities, serializeOpportunity, type OpportunityOut } from "@/lib/opportunities";
import { listQuotePage, quoteListQuery } from "@/lib/quotes";
import { DealAmount } from "@/components/opportunities/deal-amount";
import { listQueryFromUrl } from "@/components/opportunities/list-url";
import { StageBadge } from "@/components/opportunities/stage-badge";
import { DeleteButton } from "@/components/ui/delete-button";
import { DetailList } from "@/components/ui/detail-list";
import { buttonLinkClass, secondaryLinkClass } from "@/components/ui/list-ui";
import { LocalTime } from "@/components/ui/local-time";
import { RecordHeader } from "@/components/ui/record-header";
import { RecordList, type RecordColumn } from "@/components/ui/record-list";
import { quoteColumns } from "../../quotes/quote-columns";
import { deleteClientAction } from "../actions";
import { loadClient } from "./load";

type Params = { params: Promise<{ id: string }> };

const SHOWN = 10;

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { record } = await loadClient((await params).id);
  return { title: record.name };
}

const dealColumns: RecordColumn<OpportunityOut>[] = [
  { header: "Stage", card: "aside", cell: (deal) => <StageBadge stage={deal.stage} /> },
  {
    header: "Value",
    align: "end",
    cell: (deal) => (
      <DealAmount amount={deal.estimated_value} currency={deal.currency} baseAmount={deal.base_value} baseCurrency={deal.base_currency} />
    ),
  },
  { header: "Expected close", cell: (deal) => formatDay(deal.expected_close_date) },
  { header: "Owner", cell: (deal) => deal.assigned_user.name },
];

export default async function ClientPage({ params }: Params) {
  const { scope, record: client } = await loadClient((await params).id);
  const manager = seesWholeTenant(scope);
  const dealQuery = listQueryFromUrl({ client: client.id, page_size: String(SHOWN) }, manager);
  const [deals, quotes] = await Promise.all([
    getOpportunities(scope, dealQuery, systemClock),
    listQuotePage(scope, quoteListQuery.parse({ client_id: client.id, page_size: String(SHOWN) })),
  ]);
  const dealPage = pageOf(
    deals.items.map((row) => serializeOpportunity(row)),
    deals.total,
    dealQuery,
  );
  return (
    <div className="space-y-6">
      <RecordHeader
        list={{ href: "/clients", label: "Clients" }}
        title={client.name}
        meta={client.company ? <span>{client.company}</span> : undefined}
        actions={
          <>
            <Link href={`/clients/${client.id}/edit`} className={secondaryLinkClass}>
              Edit
            </Link>
            {manager ? (
              <DeleteButton
                noun="client"
                message={`${client.name} will be removed from the client list. Its deals and quotes stay.`}
                remove={deleteClientAction.bind(null, client.id)}
              />
            ) : null}
          </>
        }
      />
      <section aria-labelledby="client-details" className="rounded-xl border border-slate-200 bg-white p-5">
        <h2 id="client-details" className="mb-4 text-base font-semibold">
          Details
        </h2>
        <DetailList
          items={[
            {
              label: "Email",
              value: client.email ? (
                <a href={`mailto:${client.email}`} className="text-brand-700 underline underline-offset-2">
                  {client.email}
                </a>
              ) : (
                "—"
              ),
            },
            {
              label: "Phone",
              value: client.phone ? (
                <a href={`tel:${client.phone}`} className="text-brand-700 underline underline-offset-2">
                  {client.phone}
                </a>
              ) : (
                "—"
              ),
            },
            { label: "Company", value: client.company ?? "—" },
            { label: "Added", value: <LocalTime iso={client.created_at} fallback={formatInstant(client.created_at)} /> },
          ]}
        />
      </section>

      <RelatedSection
        id="client-deals"
        title="Deals"
        total={dealPage.total}
        allHref={`/opportunities?client=${client.id}`}
        newHref={`/opportunities/new?client=${client.id}`}
        newLabel="New deal"
        empty="No deals with this client yet."
      >
        <RecordList
          label={`Deals with ${client.name}`}
          items={dealPage.items}
          keyOf={(deal) => deal.id}
          titleHeader="Deal"
          title={(deal) => deal.name}
          hrefOf={(deal) => `/opportunities/${deal.id}`}
          columns={manager ? dealColumns : dealColumns.filter((column) => column.header !== "Owner")}
        />
      </RelatedSection>

      <RelatedSection
        id="client-quotes"
        title="Quotes"
        total={quotes.total}
        allHref={`/quotes?client_id=${client.id}`}
        newHref={`/quotes/new?client_id=${client.id}`}
        newLabel="New quote"
        empty="No quotes for this client yet."
      >
        <RecordList
          label={`Quotes for ${client.name}`}
          items={quotes.items}
          keyOf={(quote) => quote.id}
          titleHeader="Quote"
          title={(quote) => quote.quote_number}
          hrefOf={(quote) => `/quotes/${quote.id}`}
          columns={quoteColumns({ manager, showClient: false })}
        />
      </RelatedSection>
    </div>
  );
}

type RelatedSectionProps = {
  id: string;
  title: string;
  total: number;
  allHref: string;
  newHref: string;
  newLabel: string;
  empty: string;
  children: React.ReactNode;
};

/** A client's deals or quotes: the first few, the way to all of them, and to a new one. */
function RelatedSection({ id, title, total, allHref, newHref, newLabel, empty, children }: RelatedSectionProps) {
  return (
    <section aria-labelledby={id} className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id={id} className="text-lg font-semibold">
          {title} <span className="text-sm font-normal text-slate-600">({total})</span>
        </h2>
        <div className="flex flex-wrap gap-2">
          {total > SHOWN ? (
            <Link href={allHref} className={secondaryLinkClass}>
              All {total} {title.toLowerCase()}
            </Link>
          ) : null}
          <Link href={newHref} className={buttonLinkClass}>
            {newLabel}
          </Link>
        </div>
      </div>
      {total === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white px-4 py-6 text-center text-sm text-slate-600">{empty}</p>
      ) : (
        children
      )}
    </section>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { requirePageScope } from "@/lib/auth";
import { addDays, systemClock, toIsoDate, utcDate } from "@/lib/clock";
import { firstValues, type SearchParams } from "@/lib/http";
import { QUOTE_STATUSES, quoteFormChoices } from "@/lib/quotes";
import { baseCurrencyOf } from "@/lib/tenants";
import { EmptyState, PageHeader } from "@/components/ui/list-ui";
import { createQuoteAction } from "../actions";
import { QuoteForm } from "../quote-form";

export const metadata: Metadata = { title: "New quote" };

export default async function NewQuotePage({ searchParams }: { searchParams: SearchParams }) {
  const scope = await requirePageScope();
  const [{ clients, salesReps }, baseCurrency] = await Promise.all([quoteFormChoices(scope), baseCurrencyOf(scope)]);
  const wanted = firstValues(await searchParams).client_id;
  const client = clients.find((c) => c.id === wanted);
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <PageHeader title="New quote" description={client ? `For ${client.name}` : undefined} />
      {clients.length === 0 ? (
        <EmptyState title="A quote needs a client">
          <Link href="/clients/new" className="text-brand-700 underline underline-offset-2">
            Add a client first
          </Link>
        </EmptyState>
      ) : (
        <QuoteForm
          action={createQuoteAction}
          submitLabel="Create quote"
          cancelHref={client ? `/clients/${client.id}` : "/quotes"}
          clients={clients}
          salesReps={salesReps}
          statuses={QUOTE_STATUSES}
          defaults={{
            client_id: client?.id ?? "",
            quote_number: "",
            total_amount: "",
            currency: baseCurrency,
            status: "DRAFT",
            valid_until: toIsoDate(addDays(utcDate(systemClock()), 30)),
            sales_rep_id: scope.userId,
          }}
        />
      )}
    </div>
  );
}

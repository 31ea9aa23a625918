import type { Metadata } from "next";
import { QUOTE_STATUSES, quoteFormChoices } from "@/lib/quotes";
import { PageHeader } from "@/components/ui/list-ui";
import { updateQuoteAction } from "../../actions";
import { QuoteForm } from "../../quote-form";
import { loadQuote } from "../load";

type Params = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { record } = await loadQuote((await params).id);
  return { title: `Edit quote ${record.quote_number}` };
}

export default async function EditQuotePage({ params }: Params) {
  const { scope, record: quote } = await loadQuote((await params).id);
  const { clients, salesReps } = await quoteFormChoices(scope);
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <PageHeader title={`Edit quote ${quote.quote_number}`} description={`For ${quote.client.name}`} />
      <QuoteForm
        action={updateQuoteAction.bind(null, quote.id)}
        submitLabel="Save changes"
        cancelHref={`/quotes/${quote.id}`}
        clients={clients}
        salesReps={salesReps}
        statuses={QUOTE_STATUSES}
        defaults={{
          client_id: quote.client_id,
          quote_number: quote.quote_number,
          total_amount: quote.total_amount,
          currency: quote.currency,
          status: quote.status,
          valid_until: quote.valid_until,
          sales_rep_id: quote.sales_rep_id,
        }}
      />
    </div>
  );
}

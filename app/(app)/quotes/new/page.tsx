import type { Metadata } from "next";
import Link from "next/link";
import { requirePageScope } from "@/lib/auth";
import { QUOTE_STATUSES, quoteFormChoices } from "@/lib/quotes";
import { baseCurrencyOf } from "@/lib/tenants";
import { EmptyState, PageHeader } from "@/components/ui/list-ui";
import { QuoteForm } from "./quote-form";

export const metadata: Metadata = { title: "New quote" };

export default async function NewQuotePage() {
  const scope = await requirePageScope();
  const [{ clients, salesReps }, baseCurrency] = await Promise.all([quoteFormChoices(scope), baseCurrencyOf(scope)]);
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <PageHeader title="New quote" />
      {clients.length === 0 ? (
        <EmptyState title="A quote needs a client">
          <Link href="/clients/new" className="text-brand-600 hover:underline">
            Add a client first
          </Link>
        </EmptyState>
      ) : (
        <QuoteForm
          clients={clients}
          salesReps={salesReps}
          currentUserId={scope.userId}
          baseCurrency={baseCurrency}
          statuses={QUOTE_STATUSES}
        />
      )}
    </div>
  );
}

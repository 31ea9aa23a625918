import type { Metadata } from "next";
import Link from "next/link";
import { requirePageScope } from "@/lib/auth";
import { addDays, systemClock, toIsoDate, utcDate } from "@/lib/clock";
import { firstValues, type SearchParams } from "@/lib/http";
import { OpportunityForm } from "@/components/opportunities/opportunity-form";
import { uuidParam } from "@/components/opportunities/url-filters";
import { EmptyState, PageHeader } from "@/components/ui/list-ui";
import { createOpportunityAction } from "../actions";
import { baseCurrencyOf } from "@/lib/tenants";
import { opportunityFormChoices } from "../form-choices";

export const metadata: Metadata = { title: "New opportunity" };

export default async function NewOpportunityPage({ searchParams }: { searchParams: SearchParams }) {
  const scope = await requirePageScope();
  const [{ clients, owners }, baseCurrency] = await Promise.all([opportunityFormChoices(scope), baseCurrencyOf(scope)]);
  const client = uuidParam(firstValues(await searchParams).client);
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <PageHeader title="New opportunity" description="A deal starts in an open stage; it is yours unless you assign it to someone else." />
      {clients.length === 0 ? (
        <EmptyState title="An opportunity needs a client">
          <Link href="/clients/new" className="text-brand-700 underline underline-offset-2">
            Add a client first
          </Link>
        </EmptyState>
      ) : (
        <OpportunityForm
          save={createOpportunityAction}
          clients={clients}
          owners={owners}
          defaultValues={{
            name: "",
            description: "",
            client_id: client && clients.some((c) => c.id === client) ? client : "",
            estimated_value: "",
            currency: baseCurrency,
            probability: "",
            expected_close_date: toIsoDate(addDays(utcDate(systemClock()), 30)),
            stage: "LEAD",
            assigned_to: owners.length > 0 ? scope.userId : "",
          }}
        />
      )}
    </div>
  );
}

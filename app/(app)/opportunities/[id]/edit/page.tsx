import type { Metadata } from "next";
import Link from "next/link";
import { OpportunityForm } from "@/components/opportunities/opportunity-form";
import { EmptyState, PageHeader } from "@/components/ui/list-ui";
import { updateOpportunityAction } from "../../actions";
import { opportunityFormChoices } from "../../form-choices";
import { loadOpportunity } from "../load";

type Params = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { opportunity } = await loadOpportunity((await params).id);
  return { title: `Edit ${opportunity.name}` };
}

export default async function EditOpportunityPage({ params }: Params) {
  const { scope, opportunity } = await loadOpportunity((await params).id);
  const { clients, owners } = await opportunityFormChoices(scope);
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <PageHeader title="Edit opportunity" description={opportunity.name} />
      {opportunity.is_closed ? (
        <EmptyState title="This opportunity is closed">
          <p>Closed deals are final and can no longer be edited.</p>
          <Link href={`/opportunities/${opportunity.id}`} className="mt-2 inline-block text-brand-700 underline underline-offset-2">
            Back to the opportunity
          </Link>
        </EmptyState>
      ) : (
        <OpportunityForm
          existing={{ id: opportunity.id, version: opportunity.version }}
          save={updateOpportunityAction.bind(null, opportunity.id, opportunity.version)}
          clients={clients}
          owners={owners}
          defaultValues={{
            name: opportunity.name,
            description: opportunity.description ?? "",
            client_id: opportunity.client_id,
            estimated_value: opportunity.estimated_value,
            currency: opportunity.currency,
            probability: opportunity.probability,
            expected_close_date: opportunity.expected_close_date,
            stage: opportunity.stage,
            assigned_to: owners.length > 0 ? opportunity.assigned_to : "",
          }}
        />
      )}
    </div>
  );
}

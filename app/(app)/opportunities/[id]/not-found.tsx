import { RecordNotFound } from "@/components/ui/record-not-found";

export default function OpportunityNotFound() {
  return <RecordNotFound noun="Opportunity" listHref="/opportunities" listLabel="Back to opportunities" />;
}

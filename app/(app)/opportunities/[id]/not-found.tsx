import Link from "next/link";
import { EmptyState } from "@/components/ui/list-ui";

export default function OpportunityNotFound() {
  return (
    <EmptyState title="Opportunity not found">
      <p>It may have been deleted, or it is not one you can see.</p>
      <Link href="/opportunities" className="mt-2 inline-block text-brand-600 hover:underline">
        Back to opportunities
      </Link>
    </EmptyState>
  );
}

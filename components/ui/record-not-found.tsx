import Link from "next/link";
import { EmptyState } from "./list-ui";

/** The 404 of a record's page: what was not found, why that may be, and the way back to its list. */
export function RecordNotFound({ noun, listHref, listLabel }: { noun: string; listHref: string; listLabel: string }) {
  return (
    <EmptyState title={`${noun} not found`}>
      <p>It may have been deleted, or it is not one you can see.</p>
      <Link href={listHref} className="mt-2 inline-block text-brand-700 underline underline-offset-2">
        {listLabel}
      </Link>
    </EmptyState>
  );
}

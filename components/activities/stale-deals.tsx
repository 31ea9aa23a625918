import Link from "next/link";
import type { OpportunityStage } from "@/lib/generated/prisma/enums";
import { STAGE_LABEL } from "@/components/opportunities/stage-meta";

export type StaleDeal = { id: string; name: string; stage: OpportunityStage; clientName: string; days: number };

/** The user's stale deals, each with how long it has sat in its stage. */
export function StaleDeals({ deals }: { deals: StaleDeal[] }) {
  return (
    <section aria-labelledby="stale-deals" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="stale-deals" className="text-base font-semibold text-slate-900">
        Stale deals
      </h2>
      {deals.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">No stale deals.</p>
      ) : (
        <ul className="mt-2 divide-y divide-slate-100">
          {deals.map((deal) => (
            <li key={deal.id} className="flex flex-wrap items-baseline justify-between gap-2 py-2 text-sm">
              <span>
                <Link href={`/opportunities/${deal.id}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
                  {deal.name}
                </Link>
                <span className="text-slate-600"> · {deal.clientName}</span>
              </span>
              <span className="rounded bg-amber-50 px-1 py-0.5 text-xs font-medium text-amber-800 ring-1 ring-amber-200 ring-inset">
                {deal.days} days in {STAGE_LABEL[deal.stage]}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

"use client";

import Link from "next/link";
import { useState } from "react";
import type { OpportunityOut } from "@/lib/opportunities/browser";
import { formatDay } from "@/lib/clock";
import { formatPercent } from "@/lib/money";
import { DealAmount } from "./deal-amount";
import { isOverdue } from "@/lib/opportunities/browser";
import { listHref, type ListUrlState } from "./list-href";
import { BulkBar } from "./bulk-bar";
import { ForecastBadge } from "./forecast-category";
import { SortHeader } from "./sort-header";
import { OverdueBadge, StageBadge } from "./stage-badge";

type OpportunitiesTableProps = {
  items: OpportunityOut[];
  sort: string;
  state: ListUrlState;
  showOwner: boolean;
  todayIso: string;
  /** Who deals can be assigned to from the bulk bar (managers: the team; a rep: none). */
  owners: { id: string; name: string }[];
  canDelete: boolean;
};

/** A table from md up (sortable headers), a list of cards below; deals can be selected for a bulk action. */
export function OpportunitiesTable({ items, sort, state, showOwner, todayIso, owners, canDelete }: OpportunitiesTableProps) {
  const hrefFor = (next: string) => listHref({ ...state, sort: next === "-created_at" ? undefined : next });
  const [selectedIds, setSelectedIds] = useState<ReadonlySet<string>>(new Set());
  const selected = items.filter((deal) => selectedIds.has(deal.id));
  const allSelected = items.length > 0 && selected.length === items.length;
  const toggle = (id: string) =>
    setSelectedIds((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const checkbox = (deal: OpportunityOut) => (
    <input
      type="checkbox"
      className="h-4 w-4 rounded border-slate-400"
      checked={selectedIds.has(deal.id)}
      onChange={() => toggle(deal.id)}
      aria-label={`Select ${deal.name}`}
    />
  );
  return (
    <>
      <div className="hidden overflow-hidden rounded-xl border border-slate-200 bg-white md:block">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Opportunities, sorted by {sort.replace(/^-/, "").replace(/_/g, " ")}</caption>
          <thead className="bg-slate-50 text-xs font-medium tracking-wide text-slate-500 uppercase">
            <tr>
              <th scope="col" className="w-10 px-4 py-3">
                <input
                  type="checkbox"
                  className="h-4 w-4 rounded border-slate-400"
                  checked={allSelected}
                  onChange={() => setSelectedIds(allSelected ? new Set() : new Set(items.map((deal) => deal.id)))}
                  aria-label="Select every deal on this page"
                />
              </th>
              <SortHeader label="Name" field="name" sort={sort} hrefFor={hrefFor} />
              <th scope="col" className="px-4 py-3">
                Client
              </th>
              <SortHeader label="Stage" field="stage" sort={sort} hrefFor={hrefFor} />
              <SortHeader label="Value" field="estimated_value" sort={sort} hrefFor={hrefFor} align="right" />
              <SortHeader label="Probability" field="probability" sort={sort} hrefFor={hrefFor} align="right" />
              <th scope="col" className="px-4 py-3">
                Forecast
              </th>
              <SortHeader label="Expected close" field="expected_close_date" sort={sort} hrefFor={hrefFor} />
              {showOwner ? (
                <th scope="col" className="px-4 py-3">
                  Owner
                </th>
              ) : null}
              <SortHeader label="Created" field="created_at" sort={sort} hrefFor={hrefFor} />
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {items.map((deal) => (
              <tr key={deal.id} className={selectedIds.has(deal.id) ? "bg-brand-50" : "hover:bg-slate-50"}>
                <td className="px-4 py-3">{checkbox(deal)}</td>
                <td className="px-4 py-3 font-medium text-slate-900">
                  <Link href={`/opportunities/${deal.id}`} prefetch={false} className="hover:text-brand-700 hover:underline">
                    {deal.name}
                  </Link>
                </td>
                <td className="px-4 py-3 text-slate-700">{deal.client.name}</td>
                <td className="px-4 py-3">
                  <StageBadge stage={deal.stage} />
                </td>
                <td className="px-4 py-3 text-right whitespace-nowrap text-slate-900 tabular-nums">
                  <DealAmount
                    amount={deal.estimated_value}
                    currency={deal.currency}
                    baseAmount={deal.base_value}
                    baseCurrency={deal.base_currency}
                  />
                </td>
                <td className="px-4 py-3 text-right text-slate-700 tabular-nums">{formatPercent(deal.probability)}</td>
                <td className="px-4 py-3">
                  <ForecastBadge category={deal.forecast_category} custom={deal.forecast_category_is_custom} />
                </td>
                <td className="px-4 py-3">
                  <CloseDate deal={deal} todayIso={todayIso} />
                </td>
                {showOwner ? <td className="px-4 py-3 text-slate-700">{deal.assigned_user.name}</td> : null}
                <td className="px-4 py-3 whitespace-nowrap text-slate-600">{formatDay(deal.created_at.slice(0, 10))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul className="space-y-3 md:hidden" aria-label="Opportunities">
        {items.map((deal) => (
          <li key={deal.id} className="rounded-xl border border-slate-200 bg-white p-4">
            <div className="flex items-start justify-between gap-3">
              <div className="pt-0.5">{checkbox(deal)}</div>
              <div className="min-w-0 flex-1">
                <Link href={`/opportunities/${deal.id}`} prefetch={false} className="font-medium text-slate-900 hover:underline">
                  {deal.name}
                </Link>
                <p className="truncate text-sm text-slate-600">{deal.client.name}</p>
              </div>
              <StageBadge stage={deal.stage} />
            </div>
            <p className="mt-2 flex items-baseline justify-between gap-2">
              <DealAmount
                amount={deal.estimated_value}
                currency={deal.currency}
                baseAmount={deal.base_value}
                baseCurrency={deal.base_currency}
                className="text-base font-semibold tabular-nums"
              />
              <span className="flex items-center gap-2 text-sm text-slate-600 tabular-nums">
                <ForecastBadge category={deal.forecast_category} custom={deal.forecast_category_is_custom} />
                {formatPercent(deal.probability)}
              </span>
            </p>
            <div className="mt-1 text-sm">
              <CloseDate deal={deal} todayIso={todayIso} />
            </div>
            {showOwner ? <p className="mt-1 text-sm text-slate-500">{deal.assigned_user.name}</p> : null}
          </li>
        ))}
      </ul>
      {selected.length > 0 ? (
        <BulkBar selected={selected} owners={owners} canDelete={canDelete} onDone={() => setSelectedIds(new Set())} />
      ) : null}
    </>
  );
}

function CloseDate({ deal, todayIso }: { deal: OpportunityOut; todayIso: string }) {
  const overdue = isOverdue(deal.stage, deal.expected_close_date, todayIso);
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <time dateTime={deal.expected_close_date} className={overdue ? "font-medium text-red-700" : "text-slate-700"}>
        {formatDay(deal.expected_close_date)}
      </time>
      {overdue ? <OverdueBadge /> : null}
    </span>
  );
}

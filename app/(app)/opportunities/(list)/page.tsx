import type { Metadata } from "next";
import Link from "next/link";
import { Toaster } from "sonner";
import { seesWholeTenant } from "@/lib/scope";
import { requirePageScope } from "@/lib/auth";
import { systemClock, toIsoDate, utcDate } from "@/lib/clock";
import { listClientOptions } from "@/lib/clients";
import { firstValues, pageOf, type SearchParams } from "@/lib/http";
import {
  canDeleteOpportunity,
  FORECAST_CATEGORIES,
  getOpportunities,
  serializeOpportunity,
  SORT_FIELDS,
  STAGES,
} from "@/lib/opportunities";
import { FORECAST_LABEL } from "@/components/opportunities/forecast-category";
import { listUsers } from "@/lib/users";
import { FilterBar } from "@/components/ui/filter-bar";
import { SelectField } from "@/components/ui/select-field";
import { Field } from "@/components/ui/field";
import { listQueryFromUrl, urlStateOf } from "@/components/opportunities/list-url";
import { ExportLinks } from "@/components/opportunities/export-links";
import { OpportunitiesTable } from "@/components/opportunities/opportunities-table";
import { STAGE_LABEL } from "@/components/opportunities/stage-meta";
import { buttonLinkClass, EmptyState, PageHeader, Pagination, secondaryLinkClass } from "@/components/ui/list-ui";

export const metadata: Metadata = { title: "Opportunities" };

const SORT_LABEL: Record<(typeof SORT_FIELDS)[number], string> = {
  created_at: "Created",
  expected_close_date: "Expected close",
  estimated_value: "Value",
  name: "Name",
  stage: "Stage",
  probability: "Probability",
};

export default async function OpportunitiesPage({ searchParams }: { searchParams: SearchParams }) {
  const scope = await requirePageScope();
  const manager = seesWholeTenant(scope);
  const query = listQueryFromUrl(firstValues(await searchParams), manager);
  const now = systemClock();
  const [{ items, total }, clients, users] = await Promise.all([
    getOpportunities(scope, query, () => now),
    listClientOptions(scope, 1000),
    manager ? listUsers(scope) : Promise.resolve([]),
  ]);
  const result = pageOf(
    items.map((row) => serializeOpportunity(row)),
    total,
    query,
  );
  const state = urlStateOf(query);
  const filtered = Boolean(
    state.stage || state.owner || state.client || state.overdue || state.q || state.forecast_category || state.close_from || state.close_to,
  );

  return (
    <div className="space-y-6">
      {/* On the page, not in the table: a bulk action's result and its Undo stay when the list empties. */}
      <Toaster position="bottom-right" richColors closeButton />
      <PageHeader
        title={manager ? "Opportunities" : "My opportunities"}
        description={manager ? "Every deal of your company." : "The deals assigned to you."}
        action={
          <div className="flex flex-wrap items-center gap-2">
            <ExportLinks
              filters={{
                stage: query.stage,
                assigned_to: query.assigned_to,
                client_id: query.client_id,
                overdue: query.overdue === undefined ? undefined : String(query.overdue),
                q: query.q,
                forecast_category: query.forecast_category,
                close_from: query.close_from,
                close_to: query.close_to,
                sort: query.sort,
              }}
            />
            <Link href="/imports" className={`${secondaryLinkClass} hidden sm:inline-flex`}>
              Import
            </Link>
            <Link href="/opportunities/new" className={buttonLinkClass}>
              New opportunity
            </Link>
          </div>
        }
      />
      <FilterBar action="/opportunities" label="Filter opportunities" clearHref="/opportunities" filtered={filtered}>
        <SelectField
          id="list-stage"
          label="Stage"
          name="stage"
          defaultValue={state.stage ?? ""}
          options={[{ value: "", label: "All stages" }, ...STAGES.map((s) => ({ value: s, label: STAGE_LABEL[s] }))]}
          className="sm:min-w-40"
        />
        {manager ? (
          <SelectField
            id="list-owner"
            label="Owner"
            name="owner"
            defaultValue={state.owner ?? ""}
            options={[{ value: "", label: "Everyone" }, ...users.map((u) => ({ value: u.id, label: u.name }))]}
            className="sm:min-w-40"
          />
        ) : null}
        <SelectField
          id="list-client"
          label="Client"
          name="client"
          defaultValue={state.client ?? ""}
          options={[{ value: "", label: "All clients" }, ...clients.map((c) => ({ value: c.id, label: c.name }))]}
          className="sm:min-w-40"
        />
        <SelectField
          id="list-overdue"
          label="Close date"
          name="overdue"
          defaultValue={state.overdue ?? ""}
          options={[
            { value: "", label: "Any" },
            ...[
              { value: "true", label: "Overdue" },
              { value: "false", label: "Not overdue" },
            ],
          ]}
          className="sm:min-w-40"
        />
        <Field
          id="list-q"
          label="Search"
          name="q"
          placeholder="Deal name"
          type="search"
          defaultValue={state.q ?? ""}
          maxLength={200}
          className="sm:min-w-56"
        />
        <SelectField
          id="list-sort"
          label="Sort by"
          name="sort"
          defaultValue={state.sort ?? ""}
          options={[
            { value: "", label: "Newest first" },
            ...SORT_FIELDS.flatMap((field) => [
              { value: field, label: `${SORT_LABEL[field]} ↑` },
              { value: `-${field}`, label: `${SORT_LABEL[field]} ↓` },
            ]).filter((option) => option.value !== "-created_at"),
          ]}
          className="sm:min-w-40"
        />
        <SelectField
          id="list-forecast"
          label="Forecast"
          name="forecast_category"
          defaultValue={state.forecast_category ?? ""}
          options={[{ value: "", label: "Any category" }, ...FORECAST_CATEGORIES.map((c) => ({ value: c, label: FORECAST_LABEL[c] }))]}
          className="sm:min-w-40"
        />
        {state.close_from ? <input type="hidden" name="close_from" value={state.close_from} /> : null}
        {state.close_to ? <input type="hidden" name="close_to" value={state.close_to} /> : null}
        {state.page_size ? <input type="hidden" name="page_size" value={state.page_size} /> : null}
      </FilterBar>
      {result.items.length === 0 ? (
        <EmptyState
          title={result.total > 0 ? "Nothing on this page" : filtered ? "No opportunities match these filters" : "No opportunities yet"}
        >
          {result.total > 0 || filtered ? (
            <Link href="/opportunities" className="text-brand-700 underline underline-offset-2">
              Show all opportunities
            </Link>
          ) : (
            <Link href="/opportunities/new" className="text-brand-700 underline underline-offset-2">
              Create your first opportunity
            </Link>
          )}
        </EmptyState>
      ) : (
        <OpportunitiesTable
          items={result.items}
          sort={query.sort}
          state={state}
          showOwner={manager}
          todayIso={toIsoDate(utcDate(now))}
          owners={users.map((user) => ({ id: user.id, name: user.name }))}
          canDelete={canDeleteOpportunity(scope.role)}
        />
      )}
      <Pagination
        basePath="/opportunities"
        params={{ ...state }}
        page={result.page}
        totalPages={result.total_pages}
        total={result.total}
        noun={result.total === 1 ? "opportunity" : "opportunities"}
      />
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { seesWholeTenant } from "@/lib/scope";
import { requirePageScope } from "@/lib/auth";
import { firstValues, type SearchParams } from "@/lib/http";
import { getPipelineSummary, serializeSummary } from "@/lib/opportunities";
import { listUsers } from "@/lib/users";
import { KpiCards } from "@/components/dashboard/kpi-cards";
import { StageChart } from "@/components/dashboard/stage-chart";
import { StageTable } from "@/components/dashboard/stage-table";
import { FilterBar } from "@/components/ui/filter-bar";
import { SelectField } from "@/components/ui/select-field";
import { ownerParam } from "@/components/opportunities/url-filters";
import { EmptyState, PageHeader } from "@/components/ui/list-ui";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage({ searchParams }: { searchParams: SearchParams }) {
  const scope = await requirePageScope();
  const manager = seesWholeTenant(scope);
  const owner = ownerParam(firstValues(await searchParams), manager);
  const [stages, users] = await Promise.all([
    getPipelineSummary(scope, { assigned_to: owner }),
    manager ? listUsers(scope) : Promise.resolve([]),
  ]);
  const summary = serializeSummary(stages);
  const ownerName = owner ? users.find((u) => u.id === owner)?.name : undefined;

  return (
    <div className="space-y-6">
      <PageHeader
        title="Dashboard"
        description={
          !manager
            ? "Your pipeline at a glance."
            : ownerName
              ? `${ownerName}'s pipeline at a glance.`
              : "Your company's pipeline at a glance."
        }
      />
      {manager ? (
        <FilterBar action="/dashboard" label="Filter the summary" clearHref="/dashboard" filtered={Boolean(owner)}>
          <SelectField
            id="dashboard-owner"
            label="Owner"
            name="owner"
            defaultValue={owner ?? ""}
            options={[{ value: "", label: "Everyone" }, ...users.map((u) => ({ value: u.id, label: u.name }))]}
            className="sm:min-w-40"
          />
        </FilterBar>
      ) : null}
      {summary.total_opportunities === 0 ? (
        <EmptyState title={owner ? "No deals for this owner" : "No deals yet"}>
          <Link href="/opportunities/new" className="text-brand-700 underline underline-offset-2">
            Create an opportunity
          </Link>
        </EmptyState>
      ) : (
        <>
          <KpiCards summary={summary} />
          <div className="grid gap-6 xl:grid-cols-2">
            <StageChart byStage={summary.by_stage} currency={summary.base_currency} />
            <StageTable summary={summary} />
          </div>
        </>
      )}
    </div>
  );
}

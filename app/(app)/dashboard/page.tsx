import type { Metadata } from "next";
import Link from "next/link";
import { seesWholeTenant } from "@/lib/scope";
import { requirePageScope } from "@/lib/auth";
import { firstValues, type SearchParams } from "@/lib/http";
import { getPipelineSummary, serializeSummary } from "@/lib/opportunities";
import { listUsers } from "@/lib/users";
import { systemClock } from "@/lib/clock";
import { getFunnel, getVelocity, getWaterfall, getWinLoss, resolvePeriod } from "@/lib/analytics";
import { ManagerReports } from "@/components/analytics/manager-reports";
import { PeriodPicker } from "@/components/analytics/period-picker";
import { KpiCards } from "@/components/dashboard/kpi-cards";
import { StageChart } from "@/components/dashboard/stage-chart";
import { StageTable } from "@/components/dashboard/stage-table";
import { FilterBar } from "@/components/ui/filter-bar";
import { SelectField } from "@/components/ui/select-field";
import { ownerParam } from "@/components/opportunities/url-filters";
import { ExportLinks } from "@/components/opportunities/export-links";
import { EmptyState, PageHeader } from "@/components/ui/list-ui";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage({ searchParams }: { searchParams: SearchParams }) {
  const scope = await requirePageScope();
  const manager = seesWholeTenant(scope);
  const params = firstValues(await searchParams);
  const owner = ownerParam(params, manager);
  const window = resolvePeriod(params, systemClock());
  const query = { from: window.from, to: window.to, assigned_to: owner };
  const [stages, users, funnel, byRep, byReason, velocity, waterfall] = await Promise.all([
    getPipelineSummary(scope, { assigned_to: owner }),
    manager ? listUsers(scope) : Promise.resolve([]),
    getFunnel(scope, query),
    getWinLoss(scope, { ...query, group_by: "rep" }),
    getWinLoss(scope, { ...query, group_by: "loss_reason" }),
    getVelocity(scope, query),
    getWaterfall(scope, query),
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
        action={<ExportLinks filters={{ assigned_to: owner }} />}
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
          <div className="grid grid-cols-1 gap-6 xl:grid-cols-2">
            <StageChart byStage={summary.by_stage} currency={summary.base_currency} />
            <StageTable summary={summary} />
          </div>
          <PeriodPicker period={window.period} from={window.from} to={window.to} owner={owner} />
          <ManagerReports funnel={funnel} byRep={byRep} byReason={byReason} velocity={velocity} waterfall={waterfall} />
        </>
      )}
    </div>
  );
}

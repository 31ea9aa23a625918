import type { Metadata } from "next";
import Link from "next/link";
import { seesWholeTenant } from "@/lib/scope";
import { requirePageScope } from "@/lib/auth";
import { fixedClock, systemClock, toIsoDate, utcDate } from "@/lib/clock";
import { listClientOptions } from "@/lib/clients";
import { firstValues, type SearchParams } from "@/lib/http";
import { canDeleteOpportunity, getOpportunitiesByStage, serializeBoard, type PipelineBoardOut } from "@/lib/opportunities";
import { listUsers } from "@/lib/users";
import { listLossReasons } from "@/lib/loss-reasons";
import { FilterBar } from "@/components/ui/filter-bar";
import { SelectField } from "@/components/ui/select-field";
import { Field } from "@/components/ui/field";
import { ownerParam, textParam, uuidParam } from "@/components/opportunities/url-filters";
import { BOARD_PAGE_SIZE, type BoardFilters } from "@/components/pipeline/board-api";
import { PipelineBoard } from "@/components/pipeline/pipeline-board";
import { ExportLinks } from "@/components/opportunities/export-links";
import { buttonLinkClass, EmptyState, PageHeader } from "@/components/ui/list-ui";

export const metadata: Metadata = { title: "Pipeline" };

export default async function PipelinePage({ searchParams }: { searchParams: SearchParams }) {
  const scope = await requirePageScope();
  const manager = seesWholeTenant(scope);
  const params = firstValues(await searchParams);
  const filters: BoardFilters = { owner: ownerParam(params, manager), client: uuidParam(params.client), q: textParam(params.q) };
  const now = systemClock();
  const [columns, clients, users, lossReasons] = await Promise.all([
    getOpportunitiesByStage(
      scope,
      { assigned_to: filters.owner, client_id: filters.client, q: filters.q, limit: BOARD_PAGE_SIZE },
      fixedClock(now),
    ),
    listClientOptions(scope, 1000),
    manager ? listUsers(scope) : Promise.resolve([]),
    listLossReasons(scope),
  ]);
  const board = JSON.parse(serializeBoard(columns)) as PipelineBoardOut;
  const filtered = Boolean(filters.owner || filters.client || filters.q);
  const empty = board.stages.every((column) => column.count === 0);

  return (
    <div className="space-y-5">
      <PageHeader
        title={manager ? "Pipeline" : "My pipeline"}
        description={
          manager ? "Every deal of your company, by stage. Drag a card to move it." : "Your deals, by stage. Drag a card to move it."
        }
        action={
          <div className="flex flex-wrap items-center gap-2">
            <ExportLinks filters={{ assigned_to: filters.owner, client_id: filters.client, q: filters.q }} />
            <Link href="/opportunities/new" className={buttonLinkClass}>
              New opportunity
            </Link>
          </div>
        }
      />
      <FilterBar action="/pipeline" label="Filter the board" clearHref="/pipeline" filtered={filtered}>
        {manager ? (
          <SelectField
            id="board-owner"
            label="Owner"
            name="owner"
            defaultValue={filters.owner ?? ""}
            options={[{ value: "", label: "Everyone" }, ...users.map((u) => ({ value: u.id, label: u.name }))]}
            className="sm:min-w-40"
          />
        ) : null}
        <SelectField
          id="board-client"
          label="Client"
          name="client"
          defaultValue={filters.client ?? ""}
          options={[{ value: "", label: "All clients" }, ...clients.map((c) => ({ value: c.id, label: c.name }))]}
          className="sm:min-w-40"
        />
        <Field
          id="board-q"
          label="Search"
          name="q"
          placeholder="Deal name"
          type="search"
          defaultValue={filters.q ?? ""}
          maxLength={200}
          className="sm:min-w-56"
        />
      </FilterBar>
      {empty ? (
        <EmptyState title={filtered ? "No deals match these filters" : "No deals yet"}>
          {filtered ? (
            <Link href="/pipeline" className="text-brand-600 hover:underline">
              Show the whole pipeline
            </Link>
          ) : (
            <Link href="/opportunities/new" className="text-brand-600 hover:underline">
              Create your first opportunity
            </Link>
          )}
        </EmptyState>
      ) : (
        <PipelineBoard
          initialData={board}
          renderedAt={now.getTime()}
          filters={filters}
          todayIso={toIsoDate(utcDate(now))}
          canReopen={manager}
          userId={scope.userId}
          canDelete={canDeleteOpportunity(scope.role)}
          clients={clients}
          lossReasons={lossReasons.map((reason) => ({ id: reason.id, label: reason.label }))}
        />
      )}
    </div>
  );
}

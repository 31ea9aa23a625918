import type { Metadata } from "next";
import Link from "next/link";
import { requirePageScope } from "@/lib/auth/page-scope";
import { seesWholeTenant } from "@/lib/auth/scope";
import { systemClock, toIsoDate, utcDate } from "@/lib/clock";
import { listClientOptions } from "@/lib/clients/repository";
import { firstValues, type SearchParams } from "@/lib/http/search-params";
import { getOpportunitiesByStage, serializeBoard } from "@/lib/opportunities";
import { listUsers } from "@/lib/users/repository";
import { FilterBar, FilterSelect, SearchField } from "@/components/opportunities/filter-controls";
import { ownerParam, textParam, uuidParam } from "@/components/opportunities/url-filters";
import { BOARD_PAGE_SIZE, type BoardFilters } from "@/components/pipeline/board-api";
import { PipelineBoard } from "@/components/pipeline/pipeline-board";
import { buttonLinkClass, EmptyState, PageHeader } from "@/components/ui/list-ui";

export const metadata: Metadata = { title: "Pipeline" };

export default async function PipelinePage({ searchParams }: { searchParams: SearchParams }) {
  const scope = await requirePageScope();
  const manager = seesWholeTenant(scope);
  const params = firstValues(await searchParams);
  const filters: BoardFilters = { owner: ownerParam(params, manager), client: uuidParam(params.client), q: textParam(params.q) };
  const now = systemClock();
  const [columns, clients, users] = await Promise.all([
    getOpportunitiesByStage(scope, { assigned_to: filters.owner, client_id: filters.client, q: filters.q, limit: BOARD_PAGE_SIZE }),
    listClientOptions(scope, 1000),
    manager ? listUsers(scope) : Promise.resolve([]),
  ]);
  const board = serializeBoard(columns);
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
          <Link href="/opportunities/new" className={buttonLinkClass}>
            New opportunity
          </Link>
        }
      />
      <FilterBar action="/pipeline" label="Filter the board" clearHref="/pipeline" filtered={filtered}>
        {manager ? (
          <FilterSelect
            id="board-owner"
            label="Owner"
            name="owner"
            value={filters.owner}
            allLabel="Everyone"
            options={users.map((u) => ({ value: u.id, label: u.name }))}
          />
        ) : null}
        <FilterSelect
          id="board-client"
          label="Client"
          name="client"
          value={filters.client}
          allLabel="All clients"
          options={clients.map((c) => ({ value: c.id, label: c.name }))}
        />
        <SearchField id="board-q" label="Search" name="q" value={filters.q} placeholder="Deal name" />
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
        <PipelineBoard initialData={board} renderedAt={now.getTime()} filters={filters} todayIso={toIsoDate(utcDate(now))} />
      )}
    </div>
  );
}

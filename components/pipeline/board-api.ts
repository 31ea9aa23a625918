import type { OpportunityStage } from "@/lib/generated/prisma/enums";
import type { BoardColumnOut, BoardOwnerOut, OpportunityOut, PipelineBoardOut } from "@/lib/opportunities/browser";
import { readProblem } from "@/components/ui/problem";

/** The browser's calls behind the board (same origin, session cookie). */
export type BoardData = PipelineBoardOut;

export type BoardFilters = { owner?: string; client?: string; q?: string };

export const BOARD_PAGE_SIZE = 20;

export function boardQueryKey(filters: BoardFilters) {
  return ["pipeline-board", filters.owner ?? "", filters.client ?? "", filters.q ?? ""] as const;
}

function boardUrl(filters: BoardFilters, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams({ limit: String(BOARD_PAGE_SIZE), ...extra });
  if (filters.owner) params.set("assigned_to", filters.owner);
  if (filters.client) params.set("client_id", filters.client);
  if (filters.q) params.set("q", filters.q);
  return `/api/v1/opportunities/pipeline/board?${params}`;
}

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { credentials: "same-origin", headers: { accept: "application/json" } });
  if (!response.ok) throw await readProblem(response);
  return (await response.json()) as T;
}

export function fetchBoard(filters: BoardFilters): Promise<BoardData> {
  return getJson<BoardData>(boardUrl(filters));
}

export type ColumnPage = { column: BoardColumnOut; owners: BoardOwnerOut[] };

/** The next page of one column (`next_cursor` of that column), with the owners of its cards. */
export async function fetchColumnPage(
  filters: BoardFilters,
  stage: OpportunityStage,
  cursor: string,
  limit = BOARD_PAGE_SIZE,
): Promise<ColumnPage> {
  const data = await getJson<BoardData>(boardUrl(filters, { stage, cursor, limit: String(limit) }));
  const column = data.stages[0];
  if (!column) throw new Error(`The board answered without the ${stage} column.`);
  return { column, owners: data.owners };
}

/** Only the true column totals of the board under the filters (one card per column is the cheapest page). */
export function fetchBoardTotals(filters: BoardFilters): Promise<BoardData> {
  return getJson<BoardData>(boardUrl(filters, { limit: "1" }));
}

export type StageMove = {
  id: string;
  version: number;
  stage: OpportunityStage;
  beforeId?: string;
  afterId?: string;
  lossReason?: string;
  /** One of the company's loss reasons, when the user picked it from the list. */
  lossReasonId?: string;
  /** Present when a closed deal goes back to an open stage: the reopen route, which records it. */
  reopenReason?: string;
};

/**
 * PATCH /opportunities/{id}/stage, or POST /opportunities/{id}/reopen for a closed deal going back to an open
 * stage; both conditional on the version the board showed.
 */
export async function sendMove(move: StageMove): Promise<OpportunityOut> {
  const reopening = move.reopenReason !== undefined;
  const where = { before_id: move.beforeId, after_id: move.afterId };
  const response = await fetch(`/api/v1/opportunities/${move.id}/${reopening ? "reopen" : "stage"}`, {
    method: reopening ? "POST" : "PATCH",
    credentials: "same-origin",
    headers: { "content-type": "application/json", accept: "application/json", "if-match": `"${move.version}"` },
    body: JSON.stringify(
      reopening
        ? { stage: move.stage, reason: move.reopenReason, ...where }
        : { stage: move.stage, ...where, loss_reason: move.lossReason, loss_reason_id: move.lossReasonId },
    ),
  });
  if (!response.ok) throw await readProblem(response);
  return (await response.json()) as OpportunityOut;
}

/** The first `limit` cards of one column under the filters, with its true totals. */
export function fetchColumn(filters: BoardFilters, stage: OpportunityStage, limit: number): Promise<ColumnPage> {
  return getJson<BoardData>(boardUrl(filters, { stage, limit: String(limit) })).then((data) => {
    const column = data.stages[0];
    if (!column) throw new Error(`The board answered without the ${stage} column.`);
    return { column, owners: data.owners };
  });
}

export type QuickDeal = { name: string; clientId: string; value: string; stage: OpportunityStage; closeDate: string };

/** POST /opportunities: a deal created from a column's quick-add. */
export async function createDeal(deal: QuickDeal): Promise<OpportunityOut> {
  const response = await fetch("/api/v1/opportunities", {
    method: "POST",
    credentials: "same-origin",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify({
      name: deal.name,
      client_id: deal.clientId,
      estimated_value: deal.value,
      stage: deal.stage,
      expected_close_date: deal.closeDate,
    }),
  });
  if (!response.ok) throw await readProblem(response);
  return (await response.json()) as OpportunityOut;
}

/** DELETE /opportunities/{id}, conditional on the version the board showed. */
export async function deleteDeal(id: string, version: number): Promise<void> {
  const response = await fetch(`/api/v1/opportunities/${id}`, {
    method: "DELETE",
    credentials: "same-origin",
    headers: { accept: "application/json", "if-match": `"${version}"` },
  });
  if (!response.ok) throw await readProblem(response);
}

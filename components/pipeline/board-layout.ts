import type { UniqueIdentifier } from "@dnd-kit/core";
import type { OpportunityStage } from "@/lib/generated/prisma/enums";
import { STAGES } from "@/lib/opportunities/browser";
import type { BoardData } from "./board-api";

/** The card ids of every column in board order: what the board shows, and what a drag rearranges. */
export type Layout = Record<OpportunityStage, string[]>;

const COLUMN_PREFIX = "column:";

export function columnId(stage: OpportunityStage): string {
  return `${COLUMN_PREFIX}${stage}`;
}

export function isColumnId(id: UniqueIdentifier): boolean {
  return String(id).startsWith(COLUMN_PREFIX);
}

export function layoutOf(board: BoardData): Layout {
  const layout = Object.fromEntries(STAGES.map((stage) => [stage, [] as string[]])) as Layout;
  for (const column of board.stages) layout[column.stage] = column.items.map((item) => item.id);
  return layout;
}

/** The column holding `id`: a column's droppable id names it, a card id is looked up. */
export function containerOf(layout: Layout, id: UniqueIdentifier): OpportunityStage | undefined {
  const text = String(id);
  if (text.startsWith(COLUMN_PREFIX)) return text.slice(COLUMN_PREFIX.length) as OpportunityStage;
  return STAGES.find((stage) => layout[stage].includes(text));
}

export function sameOrder(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

/** `activeId` taken out of its column and put into `to` at `index`. */
export function moveBetweenColumns(layout: Layout, activeId: string, to: OpportunityStage, index: number): Layout {
  const next = { ...layout };
  for (const stage of STAGES) if (next[stage].includes(activeId)) next[stage] = next[stage].filter((id) => id !== activeId);
  const target = [...next[to]];
  target.splice(Math.max(0, Math.min(index, target.length)), 0, activeId);
  next[to] = target;
  return next;
}

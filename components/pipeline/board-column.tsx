"use client";

import { useDroppable } from "@dnd-kit/core";
import { SortableContext, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { formatMoney } from "@/lib/money";
import { isClosedStage, type BoardCardOut, type BoardColumnOut, type BoardOwnerOut } from "@/lib/opportunities/browser";
import { Button } from "@/components/ui/button";
import { STAGE_ACCENT, STAGE_LABEL } from "@/components/opportunities/stage-meta";
import { columnId } from "./board-layout";
import { SortableCard } from "./sortable-card";

type BoardColumnProps = {
  column: BoardColumnOut;
  /** The currency of the column's totals. */
  baseCurrency: string;
  /** The column's cards as shown (during a drag, with the dragged card where it would land). */
  cards: BoardCardOut[];
  owners: ReadonlyMap<string, BoardOwnerOut>;
  busyIds: ReadonlySet<string>;
  loadingMore: boolean;
  onLoadMore: () => void;
  /** The caller may reopen closed deals: closed cards keep their handle and offer Reopen. */
  canReopen: boolean;
  onReopen: (card: BoardCardOut) => void;
};

/** One stage: its true totals (count, value, weighted value), its cards, and "Load more" for the rest. */
export function BoardColumn({
  column,
  baseCurrency,
  cards,
  owners,
  busyIds,
  loadingMore,
  onLoadMore,
  canReopen,
  onReopen,
}: BoardColumnProps) {
  const { setNodeRef, isOver } = useDroppable({ id: columnId(column.stage), data: { type: "column", stage: column.stage } });
  const label = STAGE_LABEL[column.stage];
  const closed = isClosedStage(column.stage);
  const headingId = `column-${column.stage}-heading`;
  return (
    <section
      ref={setNodeRef}
      aria-labelledby={headingId}
      data-testid={`column-${column.stage}`}
      className={`relative flex w-[82vw] max-w-[19rem] shrink-0 snap-start flex-col rounded-xl bg-slate-100 transition-shadow ring-inset sm:w-72 lg:w-auto lg:max-w-none lg:min-w-0 lg:flex-1 ${
        isOver ? "ring-2 ring-brand-500" : ""
      }`}
    >
      <header className="px-3 pt-3 pb-2">
        <div className="flex items-center gap-2">
          <span aria-hidden="true" className={`h-2.5 w-2.5 shrink-0 rounded-full ${STAGE_ACCENT[column.stage]}`} />
          <h2 id={headingId} className="truncate text-sm font-semibold text-slate-800">
            {label}
          </h2>
          <span
            className="ml-auto rounded-full bg-white px-2 py-0.5 text-xs font-medium text-slate-700 tabular-nums"
            data-testid="column-count"
          >
            <span className="sr-only">Deals: </span>
            {column.count}
          </span>
        </div>
        <dl className="mt-2 grid grid-cols-2 gap-x-2 text-xs">
          <div>
            <dt className="text-[11px] tracking-wide text-slate-600 uppercase">Total</dt>
            <dd className="font-semibold text-slate-800 tabular-nums" data-testid="column-total" data-value={column.total_value}>
              <span aria-hidden="true" title={formatMoney(column.total_value, baseCurrency)}>
                {formatMoney(column.total_value, baseCurrency, { compact: true })}
              </span>
              <span className="sr-only">{formatMoney(column.total_value, baseCurrency)}</span>
            </dd>
          </div>
          <div>
            <dt className="text-[11px] tracking-wide text-slate-600 uppercase">Weighted</dt>
            <dd className="font-semibold text-slate-800 tabular-nums" data-testid="column-weighted" data-value={column.weighted_value}>
              <span aria-hidden="true" title={formatMoney(column.weighted_value, baseCurrency)}>
                {formatMoney(column.weighted_value, baseCurrency, { compact: true })}
              </span>
              <span className="sr-only">{formatMoney(column.weighted_value, baseCurrency)}</span>
            </dd>
          </div>
        </dl>
      </header>
      <SortableContext id={column.stage} items={cards.map((card) => card.id)} strategy={verticalListSortingStrategy}>
        <ul aria-label={`${label} deals`} className="flex min-h-28 flex-1 flex-col gap-2 px-2 pb-2">
          {cards.map((card) => (
            <SortableCard
              key={card.id}
              card={card}
              stage={column.stage}
              owner={owners.get(card.owner_id)}
              baseCurrency={baseCurrency}
              disabled={busyIds.has(card.id)}
              locked={closed && !canReopen}
              onReopen={closed && canReopen ? () => onReopen(card) : undefined}
            />
          ))}
          {cards.length === 0 ? (
            <li className="grid flex-1 place-items-center rounded-lg border border-dashed border-slate-300 px-3 py-6 text-center text-xs text-slate-500">
              No deals here. Drop one to move it to {label}.
            </li>
          ) : null}
        </ul>
      </SortableContext>
      {column.next_cursor ? (
        <div className="px-2 pb-3">
          <Button
            variant="secondary"
            className="w-full"
            onClick={onLoadMore}
            disabled={loadingMore}
            aria-label={`Load more ${label} deals`}
          >
            {loadingMore ? "Loading…" : `Load more (${column.count - cards.length} more)`}
          </Button>
        </div>
      ) : null}
    </section>
  );
}

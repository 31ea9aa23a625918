"use client";

import { useDndContext, useDroppable } from "@dnd-kit/core";
import { SortableContext, verticalListSortingStrategy } from "@dnd-kit/sortable";
import {
  isClosedStage,
  type BoardCardOut,
  type BoardColumnOut,
  type BoardOwnerOut,
  type OpportunityOut,
} from "@/lib/opportunities/browser";
import { useMemo, useRef, type UIEvent } from "react";
import { Button } from "@/components/ui/button";
import { STAGE_LABEL } from "@/components/opportunities/stage-meta";
import { columnId } from "./board-layout";
import { CardMenu, type CardAction } from "./card-menu";
import { CollapsedColumnHeader, ColumnHeader } from "./column-header";
import { QuickAdd } from "./quick-add";
import { SortableCard } from "./sortable-card";
import { useCardWindow } from "./use-card-window";

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
  collapsed: boolean;
  onToggleCollapsed: () => void;
  clients: readonly { id: string; name: string }[];
  todayIso: string;
  onCreated: (deal: OpportunityOut) => void;
  canDelete: boolean;
  onCardAction: (action: CardAction, card: BoardCardOut, stage: BoardColumnOut["stage"]) => void;
  /** The caller may reopen closed deals: closed cards keep their handle and offer Reopen. */
  canReopen: boolean;
  onReopen: (card: BoardCardOut) => void;
  /** While selecting: the selected card ids and how to flip one. */
  selection?: { ids: ReadonlySet<string>; toggle: (card: BoardCardOut, stage: BoardColumnOut["stage"]) => void };
};

/** How close to the end of a column's loaded cards (px) scrolling fetches its next page. */
const LOAD_MORE_WITHIN_PX = 600;

/**
 * One stage: its header (true totals, collapse), a quick-add on open stages, its cards and "Load more" for the
 * rest, also fetched as the column scrolls near its end. The cards scroll inside the column, so the header stays
 * in view; a long column renders only the cards in view (useCardWindow); a collapsed column still takes drops.
 */
export function BoardColumn(props: BoardColumnProps) {
  const { column, baseCurrency, cards, owners, busyIds, loadingMore, onLoadMore, collapsed, canReopen, onReopen } = props;
  const { setNodeRef, isOver } = useDroppable({ id: columnId(column.stage), data: { type: "column", stage: column.stage } });
  const scrollerRef = useRef<HTMLDivElement>(null);
  const { active } = useDndContext();
  const shown = useCardWindow(scrollerRef, cards, active ? String(active.id) : null);
  // The same array while the cards stay the same: a scroll re-render does not hand dnd-kit a new list of 2,000 ids
  // (a new list re-renders every sortable card).
  const cardIds = useMemo(() => cards.map((card) => card.id), [cards]);
  const canLoadMore = Boolean(column.next_cursor) && !loadingMore;
  const loadMoreNearEnd = (event: UIEvent<HTMLDivElement>) => {
    const { scrollTop, clientHeight, scrollHeight } = event.currentTarget;
    if (canLoadMore && scrollTop + clientHeight >= scrollHeight - LOAD_MORE_WITHIN_PX) onLoadMore();
  };
  const label = STAGE_LABEL[column.stage];
  const closed = isClosedStage(column.stage);
  const headingId = `column-${column.stage}-heading`;
  const ring = isOver ? "ring-2 ring-brand-500" : "";
  if (collapsed) {
    return (
      <section
        ref={setNodeRef}
        aria-labelledby={headingId}
        data-testid={`column-${column.stage}`}
        data-collapsed="true"
        className={`relative flex w-12 shrink-0 snap-start flex-col rounded-xl bg-slate-100 ring-inset lg:flex-none ${ring}`}
      >
        <CollapsedColumnHeader column={column} headingId={headingId} onExpand={props.onToggleCollapsed} />
      </section>
    );
  }
  return (
    <section
      ref={setNodeRef}
      aria-labelledby={headingId}
      data-testid={`column-${column.stage}`}
      className={`relative flex max-h-[calc(100dvh-7rem)] w-[82vw] max-w-[19rem] shrink-0 snap-start flex-col rounded-xl bg-slate-100 transition-shadow ring-inset sm:w-72 lg:w-auto lg:max-w-none lg:min-w-0 lg:flex-1 ${ring}`}
    >
      <ColumnHeader column={column} baseCurrency={baseCurrency} headingId={headingId} onCollapse={props.onToggleCollapsed} />
      {closed ? null : <QuickAdd stage={column.stage} clients={props.clients} todayIso={props.todayIso} onCreated={props.onCreated} />}
      <div
        ref={scrollerRef}
        onScroll={loadMoreNearEnd}
        className="min-h-0 flex-1 overflow-y-auto"
        data-testid="column-scroller"
        data-loaded-cards={cards.length}
      >
        <SortableContext id={column.stage} items={cardIds} strategy={verticalListSortingStrategy}>
          <ul
            aria-label={`${label} deals`}
            className={shown.windowed ? "relative mb-2" : "flex min-h-28 flex-col gap-2 px-2 pb-2"}
            style={shown.windowed ? { height: shown.height } : undefined}
            data-windowed={shown.windowed || undefined}
          >
            {shown.cards.map(({ card, index, style, measure }) => (
              <SortableCard
                key={card.id}
                place={shown.windowed ? { index, style, measure } : undefined}
                card={card}
                stage={column.stage}
                owner={owners.get(card.owner_id)}
                baseCurrency={baseCurrency}
                disabled={busyIds.has(card.id)}
                locked={closed && !canReopen}
                onReopen={closed && canReopen ? () => onReopen(card) : undefined}
                menu={<CardMenu card={card} stage={column.stage} canDelete={props.canDelete} onAction={props.onCardAction} />}
                selection={
                  props.selection
                    ? { selected: props.selection.ids.has(card.id), toggle: () => props.selection!.toggle(card, column.stage) }
                    : undefined
                }
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
      </div>
    </section>
  );
}

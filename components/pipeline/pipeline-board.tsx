"use client";

import {
  closestCenter,
  DndContext,
  DragOverlay,
  getFirstCollision,
  KeyboardSensor,
  pointerWithin,
  rectIntersection,
  TouchSensor,
  useSensor,
  useSensors,
  type CollisionDetection,
  type DragEndEvent,
  type DragOverEvent,
  type DragStartEvent,
  type KeyboardCoordinateGetter,
  type UniqueIdentifier,
} from "@dnd-kit/core";
import { arrayMove } from "@dnd-kit/sortable";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { toast, Toaster } from "sonner";
import type { OpportunityStage } from "@/lib/generated/prisma/enums";
import { isClosedStage, STAGES } from "@/lib/opportunities/browser";
import type { BoardCardOut, ForecastCategory, OpportunityOut } from "@/lib/opportunities/browser";
import { postBulk } from "@/components/opportunities/bulk-api";
import { BulkBar } from "@/components/opportunities/bulk-bar";
import { Button } from "@/components/ui/button";
import { FORECAST_LABEL } from "@/components/opportunities/forecast-category";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { LossReasonDialog } from "@/components/opportunities/loss-reason-dialog";
import { NextStepDialogHost } from "@/components/activities/next-step-prompt";
import { ProblemError } from "@/components/ui/problem";
import { boardAnnouncements, screenReaderInstructions } from "./announcements";
import { boardQueryKey, deleteDeal, fetchBoard, fetchColumnPage, type BoardData, type BoardFilters } from "./board-api";
import { appendPage, removeCard } from "./board-cache";
import { BoardColumn } from "./board-column";
import { columnId, containerOf, isColumnId, layoutOf, moveBetweenColumns, sameOrder, type Layout } from "./board-layout";
import type { CardAction } from "./card-menu";
import { CardView } from "./card-view";
import { keyboardStep, MOVE_KEYS, planAt, type KeyboardPlan } from "./keyboard-moves";
import { moveMessage, UNDO_TOAST_MS, undoMove } from "./move-undo";
import { ReopenDialog } from "./reopen-dialog";
import { BOARD_AUTO_SCROLL, MouseAndPenSensor } from "./sensors";
import { useCollapsedColumns } from "./use-collapsed-columns";
import { useColumnRefresh, useLiveBoard } from "./use-live-board";
import { useMoveCard, type PlannedMove } from "./use-move-card";

type PipelineBoardProps = {
  /** The server-rendered board for these filters (first paint; React Query takes over from here). */
  initialData: BoardData;
  /** When the server read `initialData` (ms since epoch). */
  renderedAt: number;
  filters: BoardFilters;
  /** Today (UTC, YYYY-MM-DD) as the server saw it: what "overdue" means. */
  todayIso: string;
  /** The caller may reopen closed deals (managers); others see closed cards without a move handle. */
  canReopen: boolean;
  /** The viewer: whose folded columns to remember. */
  userId: string;
  /** Whether the viewer may delete deals (the card menu offers it). */
  canDelete: boolean;
  /** The clients a quick-add may pick. */
  clients: readonly { id: string; name: string }[];
  /** The company's loss reasons, offered when a card is dropped on Closed lost. */
  lossReasons?: readonly { id: string; label: string }[];
  /** Whom selected deals may be assigned to (managers); empty: no Assign in the bulk bar. */
  assignees?: { id: string; name: string }[];
};

/** A drop that needs a confirmation first: closing (won, lost with a reason) or reopening (stage and reason). */
type Closing = { kind: "lost" | "won" | "reopen"; move: PlannedMove };

export function PipelineBoard({
  initialData,
  renderedAt,
  filters,
  todayIso,
  canReopen,
  userId,
  canDelete,
  clients,
  lossReasons = [],
  assignees = [],
}: PipelineBoardProps) {
  const queryClient = useQueryClient();
  const queryKey = boardQueryKey(filters);
  const { data: board } = useQuery({
    queryKey,
    queryFn: () => fetchBoard(filters),
    initialData,
    initialDataUpdatedAt: renderedAt,
    staleTime: 30_000,
  });

  const [preview, setPreview] = useState<Layout | null>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [closing, setClosing] = useState<Closing | null>(null);
  const [selecting, setSelecting] = useState(false);
  const [selected, setSelected] = useState<ReadonlyMap<string, { card: BoardCardOut; stage: OpportunityStage }>>(new Map());
  const [loadingStage, setLoadingStage] = useState<OpportunityStage | null>(null);
  /** A pointer drag carries a floating copy; a keyboard drag lifts the card itself where it will land. */
  const [liftedCopy, setLiftedCopy] = useState(true);
  const { moveCard, busyIds } = useMoveCard({ queryKey, filters, todayIso, onApplied: () => setPreview(null), onMoved: offerUndo });
  const [deleting, setDeleting] = useState<BoardCardOut | null>(null);
  const { collapsed, toggle: toggleCollapsed } = useCollapsedColumns(userId);
  const refreshColumns = useColumnRefresh(filters);
  const live = useLiveBoard({ filters, paused: activeId !== null || closing !== null || preview !== null, busyIds });

  const layout = useMemo(() => preview ?? layoutOf(board), [preview, board]);
  const cards = useMemo(() => new Map(board.stages.flatMap((column) => column.items.map((card) => [card.id, card] as const))), [board]);
  const origin = useMemo(() => layoutOf(board), [board]);
  const owners = useMemo(() => new Map(board.owners.map((owner) => [owner.id, owner] as const)), [board]);

  const layoutRef = useRef(layout);
  const originRef = useRef(origin);
  useEffect(() => {
    layoutRef.current = layout;
    originRef.current = origin;
  }, [layout, origin]);

  /** A closed card enters only open columns, and only for someone who may reopen it; an open card any column. */
  const mayEnter = useCallback(
    (id: string, stage: OpportunityStage) => {
      const from = containerOf(originRef.current, id);
      if (!from || !isClosedStage(from)) return true;
      return stage === from || (canReopen && !isClosedStage(stage));
    },
    [canReopen],
  );

  // A keyboard drag moves slot by slot: each arrow key plans the exact column and place (announced, then saved on
  // drop); the coordinates only carry the lifted copy towards that place.
  const keyboardPlan = useRef<KeyboardPlan | null>(null);
  /**
   * The same plan for the announcements, kept after the drop (which announces where it saved) until the next drag
   * starts. A ref, read when dnd-kit announces: a plan held in state could still be the one before the last arrow
   * key when a move's announcement runs, and a screen reader would hear the old place.
   */
  const announcedPlan = useRef<KeyboardPlan | null>(null);
  const coordinateGetter: KeyboardCoordinateGetter = useCallback(
    (event, { active, context, currentCoordinates }) => {
      const plan = keyboardPlan.current;
      if (!plan || !(MOVE_KEYS as readonly string[]).includes(event.code)) return undefined;
      event.preventDefault();
      const id = String(active);
      const next = keyboardStep(plan, id, event.code, (stage) => mayEnter(id, stage));
      if (!next) return undefined;
      keyboardPlan.current = next;
      announcedPlan.current = next;
      setPreview(next.layout);
      const rects = context.droppableRects;
      const column = rects.get(columnId(next.slot.stage));
      const others = next.layout[next.slot.stage].filter((other) => other !== id);
      const below = others[next.slot.index] ? rects.get(others[next.slot.index]!) : undefined;
      const above = others[next.slot.index - 1] ? rects.get(others[next.slot.index - 1]!) : undefined;
      const top = below ? below.top - 4 : above ? above.top + above.height + 8 : (column?.top ?? currentCoordinates.y) + 96;
      return { x: (column?.left ?? currentCoordinates.x) + 8, y: top };
    },
    [mayEnter],
  );

  const sensors = useSensors(
    useSensor(MouseAndPenSensor, { activationConstraint: { distance: 6 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 200, tolerance: 8 } }),
    useSensor(KeyboardSensor, { coordinateGetter }),
  );

  const announcements = useMemo(
    () =>
      // The plan is read when dnd-kit announces (an event), never while rendering.
      // eslint-disable-next-line react-hooks/refs
      boardAnnouncements({
        layout: () => layout,
        origin: () => origin,
        keyboard: () => announcedPlan.current,
        nameOf: (id) => cards.get(String(id))?.name ?? "The deal",
      }),
    [layout, origin, cards],
  );

  function offerUndo(move: PlannedMove, saved: OpportunityOut) {
    const undo = undoMove(move, saved, todayIso);
    toast(moveMessage(move, saved), {
      duration: UNDO_TOAST_MS,
      action: undo ? { label: "Undo", onClick: () => moveCard(undo) } : undefined,
    });
  }

  // Multiple-container sorting (dnd-kit's recipe): over a column, aim at its closest card; remember the last target
  // so a card that just changed column does not flicker back while the layout settles.
  const lastOverId = useRef<UniqueIdentifier | null>(null);
  const movedToNewColumn = useRef(false);
  useEffect(() => {
    requestAnimationFrame(() => {
      movedToNewColumn.current = false;
    });
  }, [preview]);

  const collisionDetection: CollisionDetection = useCallback(
    (args) => {
      if (keyboardPlan.current) return [{ id: columnId(keyboardPlan.current.slot.stage) }];
      const pointerHits = pointerWithin(args);
      const hits = pointerHits.length > 0 ? pointerHits : rectIntersection(args);
      let overId = getFirstCollision(hits, "id");
      if (overId != null) {
        if (isColumnId(overId)) {
          const stage = containerOf(layoutRef.current, overId);
          const ids = stage ? layoutRef.current[stage] : [];
          if (ids.length > 0) {
            const inColumn = args.droppableContainers.filter((container) => ids.includes(String(container.id)));
            overId = closestCenter({ ...args, droppableContainers: inColumn })[0]?.id ?? overId;
          }
        }
        lastOverId.current = overId;
        return [{ id: overId }];
      }
      if (movedToNewColumn.current) lastOverId.current = activeId;
      return lastOverId.current != null ? [{ id: lastOverId.current }] : [];
    },
    [activeId],
  );

  function onDragStart({ active, activatorEvent }: DragStartEvent) {
    const start = layoutOf(board);
    keyboardPlan.current = activatorEvent instanceof KeyboardEvent ? planAt(start, String(active.id)) : null;
    announcedPlan.current = keyboardPlan.current;
    setLiftedCopy(keyboardPlan.current === null);
    setActiveId(String(active.id));
    setPreview(start);
  }

  function onDragOver({ active, over }: DragOverEvent) {
    if (!over || keyboardPlan.current) return;
    setPreview((current) => {
      if (!current) return current;
      const from = containerOf(current, active.id);
      const to = containerOf(current, over.id);
      if (!from || !to || from === to || !mayEnter(String(active.id), to)) return current;
      let index = current[to].length;
      if (!isColumnId(over.id)) {
        const overIndex = current[to].indexOf(String(over.id));
        const translated = active.rect.current.translated;
        const below = translated ? translated.top > over.rect.top + over.rect.height / 2 : false;
        index = overIndex + (below ? 1 : 0);
      }
      movedToNewColumn.current = true;
      return moveBetweenColumns(current, String(active.id), to, index);
    });
  }

  function onDragEnd({ active, over }: DragEndEvent) {
    setActiveId(null);
    const id = String(active.id);
    const plan = keyboardPlan.current;
    keyboardPlan.current = null;
    if (plan) {
      drop(id, plan.slot.stage, plan.layout[plan.slot.stage]);
      return;
    }
    const to = over && preview ? containerOf(preview, over.id) : undefined;
    if (!over || !preview || !to) {
      setPreview(null);
      return;
    }
    let ids = preview[to];
    const activeIndex = ids.indexOf(id);
    const overIndex = isColumnId(over.id) ? activeIndex : ids.indexOf(String(over.id));
    if (overIndex >= 0 && activeIndex >= 0 && overIndex !== activeIndex) ids = arrayMove(ids, activeIndex, overIndex);
    drop(id, to, ids);
  }

  /** The card `id` dropped in `to`, whose cards are then `ids`: saved, or first confirmed when it closes or reopens. */
  function drop(id: string, to: OpportunityStage, ids: string[]) {
    const card = cards.get(id);
    const from = containerOf(origin, id);
    if (!card || !from || !preview || (to === from && sameOrder(origin[to], ids)) || !mayEnter(id, to)) {
      setPreview(null);
      return;
    }
    const index = ids.indexOf(id);
    const left = origin[from].indexOf(id);
    const move: PlannedMove = {
      card,
      from,
      stage: to,
      beforeId: ids[index - 1],
      afterId: ids[index + 1],
      returnTo: { beforeId: origin[from][left - 1], afterId: origin[from][left + 1] },
    };
    setPreview({ ...preview, [to]: ids });
    const entersClosed = to !== from && !isClosedStage(from);
    if (entersClosed && to === "CLOSED_LOST") setClosing({ kind: "lost", move });
    else if (entersClosed && to === "CLOSED_WON") setClosing({ kind: "won", move });
    else if (to !== from && isClosedStage(from)) setClosing({ kind: "reopen", move });
    else moveCard(move);
  }

  function onDragCancel() {
    keyboardPlan.current = null;
    setActiveId(null);
    setPreview(null);
  }

  /** The card's Reopen action: the dialog, offering Lead (the card goes on top of the chosen column). */
  function askReopen(card: BoardCardOut, from: OpportunityStage) {
    setClosing({ kind: "reopen", move: { card, from, stage: "LEAD" } });
  }

  function confirmReopen(stage: OpportunityStage, reason: string) {
    if (!closing) return;
    const { move } = closing;
    const sameColumn = stage === move.stage;
    moveCard({
      ...move,
      stage,
      beforeId: sameColumn ? move.beforeId : undefined,
      afterId: sameColumn ? move.afterId : undefined,
      reopenReason: reason,
    });
    refocusCard(move.card.id);
    setClosing(null);
  }

  function cancelClosing() {
    if (closing) refocusCard(closing.move.card.id);
    setClosing(null);
    setPreview(null);
  }

  function confirmClosing(lossReason?: string, lossReasonId?: string) {
    if (!closing) return;
    moveCard({ ...closing.move, lossReason, lossReasonId });
    refocusCard(closing.move.card.id);
    setClosing(null);
  }

  /** The page being fetched: a scroll that fires again before the column re-renders asks for it only once. */
  const loadingCursor = useRef<string | null>(null);
  async function loadMore(stage: OpportunityStage, cursor: string) {
    if (loadingCursor.current === cursor) return;
    loadingCursor.current = cursor;
    setLoadingStage(stage);
    try {
      const page = await fetchColumnPage(filters, stage, cursor);
      queryClient.setQueryData<BoardData>(queryKey, (old) => (old ? appendPage(old, page) : old));
    } catch (error) {
      toast.error("Could not load more deals", {
        description: error instanceof ProblemError ? error.detail : "Check your connection and try again.",
      });
    } finally {
      loadingCursor.current = null;
      setLoadingStage(null);
    }
  }

  function onCreated(deal: OpportunityOut) {
    toast.success(`${deal.name} added`);
    void refreshColumns([deal.stage]);
  }

  async function setForecastCategory(card: BoardCardOut, stage: OpportunityStage, category: ForecastCategory | null) {
    try {
      const result = await postBulk({ action: "set_forecast_category", ids: [card.id], forecast_category: category });
      if (result.failed > 0) toast.error(`${card.name} was not changed`, { description: result.results[0]?.detail });
      else toast.success(`${card.name}: forecast ${category ? FORECAST_LABEL[category] : "follows the stage"}`);
    } catch (error) {
      toast.error(`${card.name} was not changed`, { description: error instanceof ProblemError ? error.detail : undefined });
    }
    void refreshColumns([stage]);
  }

  function onCardAction(action: CardAction, card: BoardCardOut, stage: OpportunityStage) {
    if (typeof action === "object") return void setForecastCategory(card, stage, action.forecast);
    if (action === "delete") return setDeleting(card);
    const target = action === "won" ? "CLOSED_WON" : "CLOSED_LOST";
    const top = layout[target][0];
    setClosing({ kind: action, move: { card, from: stage, stage: target, afterId: top } });
  }

  async function confirmDelete() {
    const card = deleting;
    if (!card) return;
    setDeleting(null);
    const placed = containerOf(origin, card.id);
    queryClient.setQueryData<BoardData>(queryKey, (old) => (old ? removeCard(old, card.id) : old));
    try {
      await deleteDeal(card.id, card.version);
      toast.success(`${card.name} deleted`);
    } catch (error) {
      toast.error(`Could not delete ${card.name}`, {
        description: error instanceof ProblemError ? error.detail : "Check your connection and try again.",
      });
    }
    if (placed) void refreshColumns([placed]);
  }

  const selectedDeals = [...selected.values()].map(({ card, stage }) => ({
    id: card.id,
    stage,
    assigned_to: card.owner_id,
    forecast_category: card.fc ?? null,
  }));

  function toggleSelected(card: BoardCardOut, stage: OpportunityStage) {
    setSelected((current) => {
      const next = new Map(current);
      if (next.has(card.id)) next.delete(card.id);
      else next.set(card.id, { card, stage });
      return next;
    });
  }

  function stopSelecting() {
    setSelecting(false);
    setSelected(new Map());
  }

  const activeCard = activeId ? cards.get(activeId) : undefined;
  const activeStage = activeId ? containerOf(origin, activeId) : undefined;
  const columnCards = (stage: OpportunityStage): BoardCardOut[] =>
    layout[stage].map((id) => cards.get(id)).filter((card): card is BoardCardOut => card !== undefined);

  return (
    <div className="flex flex-col">
      {/* Under the board on phones, so the first card stays in view; above it from tablets up. */}
      <div className="order-last mt-2 flex justify-end sm:order-first sm:mt-0 sm:mb-2">
        <Button variant="secondary" aria-pressed={selecting} onClick={() => (selecting ? stopSelecting() : setSelecting(true))}>
          {selecting ? "Done selecting" : "Select deals"}
        </Button>
      </div>
      <DndContext
        id="pipeline-board"
        sensors={sensors}
        autoScroll={BOARD_AUTO_SCROLL}
        collisionDetection={collisionDetection}
        accessibility={{ announcements, screenReaderInstructions }}
        onDragStart={onDragStart}
        onDragOver={onDragOver}
        onDragEnd={onDragEnd}
        onDragCancel={onDragCancel}
      >
        <div
          role="region"
          aria-label="Pipeline board"
          data-live={live}
          className={`relative -mx-4 flex gap-3 overflow-x-auto px-4 pb-4 lg:mx-0 lg:px-0 ${activeId ? "" : "snap-x snap-mandatory scroll-px-4"}`}
        >
          {STAGES.map((stage) => {
            const column = board.stages.find((c) => c.stage === stage);
            if (!column) return null;
            return (
              <BoardColumn
                key={stage}
                column={column}
                baseCurrency={board.base_currency}
                cards={columnCards(stage)}
                owners={owners}
                busyIds={busyIds}
                loadingMore={loadingStage === stage}
                canReopen={canReopen}
                onReopen={(card) => askReopen(card, stage)}
                onLoadMore={() => column.next_cursor && loadMore(stage, column.next_cursor)}
                collapsed={collapsed.has(stage)}
                onToggleCollapsed={() => toggleCollapsed(stage)}
                clients={clients}
                todayIso={todayIso}
                onCreated={onCreated}
                canDelete={canDelete}
                onCardAction={onCardAction}
                selection={selecting ? { ids: new Set(selected.keys()), toggle: toggleSelected } : undefined}
              />
            );
          })}
        </div>
        <DragOverlay>
          {activeCard && activeStage && liftedCopy ? (
            <CardView
              card={activeCard}
              stage={activeStage}
              owner={owners.get(activeCard.owner_id)}
              baseCurrency={board.base_currency}
              lifted
            />
          ) : null}
        </DragOverlay>
      </DndContext>
      <LossReasonDialog
        open={closing?.kind === "lost"}
        dealName={closing?.move.card.name ?? ""}
        onCancel={cancelClosing}
        onConfirm={(reason, reasonId) => confirmClosing(reason, reasonId)}
        reasons={lossReasons}
      />
      <ConfirmDialog
        open={closing?.kind === "won"}
        title="Mark as won?"
        message={
          <>
            <strong className="font-medium text-slate-900">{closing?.move.card.name}</strong> will close as won with probability 100%. You
            can undo it right after; later only a manager can reopen it.
          </>
        }
        confirmLabel="Mark as won"
        onCancel={cancelClosing}
        onConfirm={() => confirmClosing()}
      />
      <ReopenDialog
        open={closing?.kind === "reopen"}
        dealName={closing?.move.card.name ?? ""}
        stage={closing?.move.stage ?? "LEAD"}
        onCancel={cancelClosing}
        onConfirm={confirmReopen}
      />
      <ConfirmDialog
        open={deleting !== null}
        title="Delete this deal?"
        message={
          <>
            <strong className="font-medium text-slate-900">{deleting?.name}</strong> will be removed from the board and the lists.
          </>
        }
        confirmLabel="Delete"
        variant="danger"
        onCancel={() => {
          if (deleting) refocusCard(deleting.id);
          setDeleting(null);
        }}
        onConfirm={() => void confirmDelete()}
      />
      {selecting && selectedDeals.length > 0 ? (
        <BulkBar
          selected={selectedDeals}
          owners={assignees}
          canDelete={canDelete}
          onDone={() => setSelected(new Map())}
          onChanged={() => void queryClient.invalidateQueries({ queryKey })}
        />
      ) : null}
      <NextStepDialogHost />
      <Toaster position="bottom-right" richColors closeButton expand />
    </div>
  );
}

/** After a closing dialog, focus goes back to the card's handle (the card was re-rendered where it now stands). */
function refocusCard(id: string) {
  requestAnimationFrame(() =>
    document
      .querySelector<HTMLElement>(
        `[data-card-id="${CSS.escape(id)}"] button[aria-roledescription], [data-card-id="${CSS.escape(id)}"] button`,
      )
      ?.focus(),
  );
}

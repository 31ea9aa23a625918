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
  type UniqueIdentifier,
} from "@dnd-kit/core";
import { arrayMove, sortableKeyboardCoordinates } from "@dnd-kit/sortable";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { toast, Toaster } from "sonner";
import type { OpportunityStage } from "@/lib/generated/prisma/enums";
import { isClosedStage, STAGES } from "@/lib/opportunities/browser";
import type { BoardCardOut } from "@/lib/opportunities/browser";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { LossReasonDialog } from "@/components/opportunities/loss-reason-dialog";
import { NextStepDialogHost } from "@/components/activities/next-step-prompt";
import { ProblemError } from "@/components/ui/problem";
import { boardAnnouncements, screenReaderInstructions } from "./announcements";
import { boardQueryKey, fetchBoard, fetchColumnPage, type BoardData, type BoardFilters } from "./board-api";
import { appendPage } from "./board-cache";
import { BoardColumn } from "./board-column";
import { containerOf, isColumnId, layoutOf, moveBetweenColumns, sameOrder, type Layout } from "./board-layout";
import { CardView } from "./card-view";
import { MouseAndPenSensor } from "./sensors";
import { useMoveCard, type PlannedMove } from "./use-move-card";

type PipelineBoardProps = {
  /** The server-rendered board for these filters (first paint; React Query takes over from here). */
  initialData: BoardData;
  /** When the server read `initialData` (ms since epoch). */
  renderedAt: number;
  filters: BoardFilters;
  /** Today (UTC, YYYY-MM-DD) as the server saw it: what "overdue" means. */
  todayIso: string;
};

type Closing = { kind: "lost" | "won"; move: PlannedMove };

export function PipelineBoard({ initialData, renderedAt, filters, todayIso }: PipelineBoardProps) {
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
  const [loadingStage, setLoadingStage] = useState<OpportunityStage | null>(null);
  const { moveCard, busyIds } = useMoveCard({ queryKey, filters, todayIso, onApplied: () => setPreview(null) });

  const layout = useMemo(() => preview ?? layoutOf(board), [preview, board]);
  const cards = useMemo(() => new Map(board.stages.flatMap((column) => column.items.map((card) => [card.id, card] as const))), [board]);
  const origin = useMemo(() => layoutOf(board), [board]);
  const owners = useMemo(() => new Map(board.owners.map((owner) => [owner.id, owner] as const)), [board]);

  const layoutRef = useRef(layout);
  useEffect(() => {
    layoutRef.current = layout;
  }, [layout]);

  const sensors = useSensors(
    useSensor(MouseAndPenSensor, { activationConstraint: { distance: 6 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 200, tolerance: 8 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const announcements = useMemo(
    () =>
      boardAnnouncements({
        layout: () => layout,
        origin: () => layoutOf(board),
        nameOf: (id) => cards.get(String(id))?.name ?? "The deal",
      }),
    [layout, board, cards],
  );

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

  function onDragStart({ active }: DragStartEvent) {
    setActiveId(String(active.id));
    setPreview(layoutOf(board));
  }

  function onDragOver({ active, over }: DragOverEvent) {
    if (!over) return;
    setPreview((current) => {
      if (!current) return current;
      const from = containerOf(current, active.id);
      const to = containerOf(current, over.id);
      if (!from || !to || from === to) return current;
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
    const card = cards.get(id);
    const from = containerOf(origin, id);
    const to = over && preview ? containerOf(preview, over.id) : undefined;
    if (!card || !from || !preview || !over || !to) {
      setPreview(null);
      return;
    }
    let ids = preview[to];
    const activeIndex = ids.indexOf(id);
    const overIndex = isColumnId(over.id) ? activeIndex : ids.indexOf(String(over.id));
    if (overIndex >= 0 && activeIndex >= 0 && overIndex !== activeIndex) ids = arrayMove(ids, activeIndex, overIndex);
    if (to === from && sameOrder(origin[to], ids)) {
      setPreview(null);
      return;
    }
    const index = ids.indexOf(id);
    const move: PlannedMove = { card, from, stage: to, beforeId: ids[index - 1], afterId: ids[index + 1] };
    setPreview({ ...preview, [to]: ids });
    // Closed deals are final: the server refuses (409) and the card goes back; no point asking for a reason first.
    const entersClosed = to !== from && !isClosedStage(from);
    if (entersClosed && to === "CLOSED_LOST") setClosing({ kind: "lost", move });
    else if (entersClosed && to === "CLOSED_WON") setClosing({ kind: "won", move });
    else moveCard(move);
  }

  function onDragCancel() {
    setActiveId(null);
    setPreview(null);
  }

  function cancelClosing() {
    if (closing) refocusCard(closing.move.card.id);
    setClosing(null);
    setPreview(null);
  }

  function confirmClosing(lossReason?: string) {
    if (!closing) return;
    moveCard({ ...closing.move, lossReason });
    refocusCard(closing.move.card.id);
    setClosing(null);
  }

  async function loadMore(stage: OpportunityStage, cursor: string) {
    setLoadingStage(stage);
    try {
      const page = await fetchColumnPage(filters, stage, cursor);
      queryClient.setQueryData<BoardData>(queryKey, (old) => (old ? appendPage(old, page) : old));
    } catch (error) {
      toast.error("Could not load more deals", {
        description: error instanceof ProblemError ? error.detail : "Check your connection and try again.",
      });
    } finally {
      setLoadingStage(null);
    }
  }

  const activeCard = activeId ? cards.get(activeId) : undefined;
  const activeStage = activeId ? containerOf(origin, activeId) : undefined;
  const columnCards = (stage: OpportunityStage): BoardCardOut[] =>
    layout[stage].map((id) => cards.get(id)).filter((card): card is BoardCardOut => card !== undefined);

  return (
    <>
      <DndContext
        id="pipeline-board"
        sensors={sensors}
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
                onLoadMore={() => column.next_cursor && loadMore(stage, column.next_cursor)}
              />
            );
          })}
        </div>
        <DragOverlay>
          {activeCard && activeStage ? (
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
        onConfirm={(reason) => confirmClosing(reason)}
      />
      <ConfirmDialog
        open={closing?.kind === "won"}
        title="Mark as won?"
        message={
          <>
            <strong className="font-medium text-slate-900">{closing?.move.card.name}</strong> will close as won with probability 100%.
            Closed deals can no longer change stage.
          </>
        }
        confirmLabel="Mark as won"
        onCancel={cancelClosing}
        onConfirm={() => confirmClosing()}
      />
      <NextStepDialogHost />
      <Toaster position="bottom-right" richColors closeButton />
    </>
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

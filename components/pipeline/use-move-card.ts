"use client";

import { useMutation, useQueryClient, type QueryKey } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import type { OpportunityStage } from "@/lib/generated/prisma/enums";
import { isClosedStage, type BoardCardOut, type OpportunityOut } from "@/lib/opportunities/browser";
import { ProblemError } from "@/components/ui/problem";
import { STAGE_LABEL } from "@/components/opportunities/stage-meta";
import { promptNextStep } from "@/components/activities/next-step-prompt";
import { fetchBoardTotals, sendMove, type BoardData, type BoardFilters } from "./board-api";
import { mergeTotals, moveCard as moveInCache, replaceCard } from "./board-cache";

/** A drop the user made: the card, its target column and its neighbours there. */
export type PlannedMove = {
  card: BoardCardOut;
  /** The column the card leaves. */
  from: OpportunityStage;
  stage: OpportunityStage;
  beforeId?: string;
  afterId?: string;
  lossReason?: string;
  lossReasonId?: string;
  /** Reopening a closed deal (the reopen route), with the reason its history keeps. */
  reopenReason?: string;
  /** The card's neighbours in the column it leaves: where Undo puts it back. */
  returnTo?: { beforeId?: string; afterId?: string };
  /** The move that undoes an earlier one (it offers no Undo itself). */
  isUndo?: boolean;
};

const MUTATION_KEY = ["pipeline-board", "move"];

type Options = {
  queryKey: QueryKey;
  filters: BoardFilters;
  todayIso: string;
  /** Called once the move is in the cache (the board's drag preview can go). */
  onApplied: () => void;
  /** Called once the server saved the move, with the deal as it now is (the board offers Undo here). */
  onMoved?: (move: PlannedMove, saved: OpportunityOut) => void;
};

/**
 * Moves a card optimistically: the cache changes at once (exact totals), the PATCH goes out with the card's
 * version in If-Match, and a refusal (409, 412, 422, …) puts the board back and says why in a toast. A card is
 * not draggable while its own move is in flight, so its version is always the one the server last returned.
 */
export function useMoveCard({ queryKey, filters, todayIso, onApplied, onMoved }: Options) {
  const queryClient = useQueryClient();
  const [busyIds, setBusyIds] = useState<ReadonlySet<string>>(new Set());
  const setBusy = (id: string, busy: boolean) =>
    setBusyIds((current) => {
      const next = new Set(current);
      if (busy) next.add(id);
      else next.delete(id);
      return next;
    });

  const mutation = useMutation({
    mutationKey: MUTATION_KEY,
    mutationFn: (move: PlannedMove) =>
      sendMove({
        id: move.card.id,
        version: move.card.version,
        stage: move.stage,
        beforeId: move.beforeId,
        afterId: move.afterId,
        lossReason: move.lossReason,
        lossReasonId: move.lossReasonId,
        reopenReason: move.reopenReason,
      }),
    onMutate: async (move) => {
      setBusy(move.card.id, true);
      await queryClient.cancelQueries({ queryKey });
      const previous = queryClient.getQueryData<BoardData>(queryKey);
      queryClient.setQueryData<BoardData>(queryKey, (old) =>
        old
          ? moveInCache(old, {
              cardId: move.card.id,
              stage: move.stage,
              beforeId: move.beforeId,
              afterId: move.afterId,
              lossReason: move.lossReason,
              today: todayIso,
            })
          : old,
      );
      onApplied();
      return { previous };
    },
    onSuccess: (card, move) => {
      queryClient.setQueryData<BoardData>(queryKey, (old) => (old ? replaceCard(old, card, todayIso) : old));
      onMoved?.(move, card);
      if (!move.isUndo && card.stage !== move.from && !isClosedStage(card.stage)) promptNextStep(card);
    },
    onError: (error, move, context) => {
      // With another move in flight the snapshot would undo it too: read the board again instead.
      if (context?.previous && queryClient.isMutating({ mutationKey: MUTATION_KEY }) <= 1)
        queryClient.setQueryData(queryKey, context.previous);
      else void queryClient.invalidateQueries({ queryKey });
      const detail = error instanceof ProblemError ? error.detail : "The server could not be reached. Check your connection and try again.";
      toast.error(`Could not move “${move.card.name}” to ${STAGE_LABEL[move.stage]}`, { description: detail });
    },
    onSettled: async (_card, _error, move) => {
      setBusy(move.card.id, false);
      if (queryClient.isMutating({ mutationKey: MUTATION_KEY }) > 1) return;
      try {
        const totals = await fetchBoardTotals(filters);
        queryClient.setQueryData<BoardData>(queryKey, (old) => (old ? mergeTotals(old, totals) : old));
      } catch {
        // The optimistic totals stay; the next read of the board corrects them.
      }
    },
  });

  return { moveCard: (move: PlannedMove) => mutation.mutate(move), busyIds };
}

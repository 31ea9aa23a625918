"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import type { OpportunityStage } from "@/lib/generated/prisma/enums";
import { STAGES } from "@/lib/opportunities/browser";
import { BOARD_PAGE_SIZE, boardQueryKey, fetchColumn, type BoardData, type BoardFilters } from "./board-api";
import { replaceColumn } from "./board-cache";

/** The board API's largest page: a re-read column keeps at most this many of the cards it had loaded. */
const MAX_COLUMN_READ = 100;
/** Changes arriving this close together are re-read once. */
const COALESCE_MS = 150;

const isStage = (value: string): value is OpportunityStage => (STAGES as readonly string[]).includes(value);

/** Re-reads columns from the server (their first cards, as many as were loaded, and their true totals). */
export function useColumnRefresh(filters: BoardFilters) {
  const queryClient = useQueryClient();
  return useCallback(
    async (stages: Iterable<OpportunityStage>) => {
      const queryKey = boardQueryKey(filters);
      const board = queryClient.getQueryData<BoardData>(queryKey);
      await Promise.all(
        [...new Set(stages)].map(async (stage) => {
          const loaded = board?.stages.find((column) => column.stage === stage)?.items.length ?? 0;
          const page = await fetchColumn(filters, stage, Math.min(MAX_COLUMN_READ, Math.max(BOARD_PAGE_SIZE, loaded)));
          queryClient.setQueryData<BoardData>(queryKey, (old) => (old ? replaceColumn(old, page) : old));
        }),
      );
    },
    [filters, queryClient],
  );
}

type LiveBoardOptions = {
  filters: BoardFilters;
  /** While true (a drag, a closing dialog), changes wait and are applied when it turns false. */
  paused: boolean;
  /** Deals this tab is saving itself: their own answer updates the board. */
  busyIds: ReadonlySet<string>;
};

/**
 * Keeps the board current while others work: the board event stream names the columns a deal left and entered,
 * and those columns are re-read through the viewer's own scope (so a rep never sees more than their own deals).
 * Answers whether the board is live (the stream listens).
 */
export function useLiveBoard({ filters, paused, busyIds }: LiveBoardOptions): boolean {
  const [live, setLive] = useState(false);
  const refresh = useColumnRefresh(filters);
  const pending = useRef(new Set<OpportunityStage>());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const state = useRef({ paused, busyIds, refresh });
  useEffect(() => {
    state.current = { paused, busyIds, refresh };
  }, [paused, busyIds, refresh]);

  const flush = useCallback(() => {
    timer.current = null;
    if (state.current.paused || pending.current.size === 0) return;
    const stages = [...pending.current];
    pending.current.clear();
    void state.current.refresh(stages).catch(() => {
      // The next change or reconnect re-reads again; a failed refresh leaves the board as it was.
    });
  }, []);

  useEffect(() => {
    if (!paused && pending.current.size > 0) flush();
  }, [paused, flush]);

  useEffect(() => {
    const source = new EventSource("/api/v1/opportunities/pipeline/board/events");
    source.addEventListener("ready", () => setLive(true));
    source.addEventListener("error", () => setLive(false));
    source.addEventListener("change", (event) => {
      const change = JSON.parse((event as MessageEvent<string>).data) as { opportunity_id: string; stages: string[] };
      if (state.current.busyIds.has(change.opportunity_id)) return;
      for (const stage of change.stages) if (isStage(stage)) pending.current.add(stage);
      timer.current ??= setTimeout(flush, COALESCE_MS);
    });
    source.addEventListener("refetch", () => {
      for (const stage of STAGES) pending.current.add(stage);
      timer.current ??= setTimeout(flush, COALESCE_MS);
    });
    return () => {
      source.close();
      if (timer.current) clearTimeout(timer.current);
    };
  }, [flush]);
  return live;
}

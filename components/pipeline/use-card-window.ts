"use client";

import { defaultRangeExtractor, useVirtualizer, type Range } from "@tanstack/react-virtual";
import { useCallback, type CSSProperties, type RefObject } from "react";

/** Up to this many loaded cards a column renders them all; beyond, only those in view (and the one dragged). */
export const WINDOW_FROM_CARDS = 60;
const CARD_HEIGHT_ESTIMATE_PX = 104;
const CARD_GAP_PX = 8;
const OVERSCAN_CARDS = 6;

export type WindowedCard<T> = {
  card: T;
  index: number;
  /** Where the card stands in the windowed list (absent when the column renders every card in flow). */
  style?: CSSProperties;
  /** Measures the rendered card, so the cards below it stand right whatever its height. */
  measure?: (node: Element | null) => void;
};

export type CardWindow<T> = {
  windowed: boolean;
  cards: WindowedCard<T>[];
  /** The height of the whole list when windowed. */
  height?: number;
};

/**
 * The cards of one column to render: all of them in a short column; in a long one only those the scroller shows,
 * plus the card being dragged wherever it is, so dnd-kit keeps its node.
 */
export function useCardWindow<T extends { id: string }>(
  scrollerRef: RefObject<HTMLElement | null>,
  cards: readonly T[],
  draggedId: string | null,
): CardWindow<T> {
  const windowed = cards.length > WINDOW_FROM_CARDS;
  const draggedIndex = draggedId ? cards.findIndex((card) => card.id === draggedId) : -1;
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      return draggedIndex >= 0 && !indexes.includes(draggedIndex) ? [...indexes, draggedIndex].sort((a, b) => a - b) : indexes;
    },
    [draggedIndex],
  );
  // No React Compiler here: the virtualizer re-renders its column itself and nothing memoizes what it returns.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: windowed ? cards.length : 0,
    getScrollElement: () => scrollerRef.current,
    estimateSize: () => CARD_HEIGHT_ESTIMATE_PX,
    gap: CARD_GAP_PX,
    overscan: OVERSCAN_CARDS,
    getItemKey: (index) => cards[index]?.id ?? index,
    rangeExtractor,
    // Scrolling re-renders the column in React's next render, not synchronously inside each scroll event: a fast
    // scroll no longer renders the column once per event (most of a scroll's main-thread time in a profile).
    useFlushSync: false,
  });
  if (!windowed) return { windowed, cards: cards.map((card, index) => ({ card, index })) };
  return {
    windowed,
    height: virtualizer.getTotalSize(),
    cards: virtualizer.getVirtualItems().map((item) => ({
      card: cards[item.index]!,
      index: item.index,
      style: { position: "absolute", top: item.start, left: "0.5rem", right: "0.5rem" },
      measure: virtualizer.measureElement,
    })),
  };
}

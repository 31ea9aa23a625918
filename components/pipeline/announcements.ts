import type { Announcements, ScreenReaderInstructions, UniqueIdentifier } from "@dnd-kit/core";
import { STAGE_LABEL } from "@/components/opportunities/stage-meta";
import { containerOf, type Layout } from "./board-layout";

export const screenReaderInstructions: ScreenReaderInstructions = {
  draggable:
    "To move a deal, press space or enter on its move button. Use the left and right arrow keys to move it to another stage " +
    "and the up and down arrow keys to change its place in the column. Press space or enter again to drop it, or escape to cancel.",
};

type BoardState = {
  /** The columns as currently shown (during a drag, with the dragged card where it would land). */
  layout: () => Layout;
  /** The columns as they were before the drag. */
  origin: () => Layout;
  nameOf: (id: UniqueIdentifier) => string;
};

/** "Qualified, position 2 of 5": where `id` is (or, over `over`, would land) in `layout`. */
function place(layout: Layout, id: UniqueIdentifier, over: UniqueIdentifier = id): string {
  const stage = containerOf(layout, over) ?? containerOf(layout, id);
  if (!stage) return "";
  const ids = layout[stage];
  const index = ids.indexOf(String(id));
  const position = index >= 0 ? `position ${index + 1} of ${ids.length}` : `${ids.length} ${ids.length === 1 ? "deal" : "deals"}`;
  return `${STAGE_LABEL[stage]}, ${position}`;
}

/** What a screen reader hears during a drag: the deal's name, the column and its place in it. */
export function boardAnnouncements({ layout, origin, nameOf }: BoardState): Announcements {
  return {
    onDragStart: ({ active }) => `Picked up ${nameOf(active.id)} in ${place(origin(), active.id)}.`,
    onDragOver: ({ active, over }) => {
      if (!over) return `${nameOf(active.id)} is no longer over a column.`;
      const where = place(layout(), active.id, over.id);
      // Right after pick-up the card is over its own place: keep "Picked up …" audible instead of repeating it.
      if (over.id === active.id && where === place(origin(), active.id)) return undefined;
      return `${nameOf(active.id)} is over ${where}.`;
    },
    onDragEnd: ({ active, over }) =>
      over
        ? `${nameOf(active.id)} was dropped in ${place(layout(), active.id, over.id)}.`
        : `${nameOf(active.id)} was dropped outside the board and stays in ${place(origin(), active.id)}.`,
    onDragCancel: ({ active }) => `Moving ${nameOf(active.id)} was cancelled. It stays in ${place(origin(), active.id)}.`,
  };
}

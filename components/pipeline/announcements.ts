import type { Announcements, ScreenReaderInstructions, UniqueIdentifier } from "@dnd-kit/core";
import { STAGE_LABEL } from "@/components/opportunities/stage-meta";
import { containerOf, type Layout } from "./board-layout";
import type { KeyboardPlan } from "./keyboard-moves";

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
  /** The keyboard drag in progress, if any: where the card will land, decided by the arrow keys. */
  keyboard: () => KeyboardPlan | null;
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

/** Where a keyboard drag will land: exactly the slot the drop saves. */
function planned({ layout, slot }: KeyboardPlan): string {
  return `${STAGE_LABEL[slot.stage]}, position ${slot.index + 1} of ${layout[slot.stage].length}`;
}

/**
 * What a screen reader hears during a drag: the deal's name, the column and its place in it. A keyboard drag is
 * announced on each arrow key from its plan (the slot the drop will save); a pointer drag from the column it is over.
 */
export function boardAnnouncements({ layout, origin, keyboard, nameOf }: BoardState): Announcements {
  let lastKeyboardPlan: KeyboardPlan | null = null;
  return {
    onDragStart: ({ active }) => {
      lastKeyboardPlan = keyboard();
      return `Picked up ${nameOf(active.id)} in ${place(origin(), active.id)}.`;
    },
    onDragMove: ({ active }) => {
      const plan = keyboard();
      if (!plan || plan === lastKeyboardPlan) return undefined;
      lastKeyboardPlan = plan;
      return `${nameOf(active.id)} is over ${planned(plan)}.`;
    },
    onDragOver: ({ active, over }) => {
      if (keyboard()) return undefined;
      if (!over) return `${nameOf(active.id)} is no longer over a column.`;
      const where = place(layout(), active.id, over.id);
      // Right after pick-up the card is over its own place: keep "Picked up …" audible instead of repeating it.
      if (over.id === active.id && where === place(origin(), active.id)) return undefined;
      return `${nameOf(active.id)} is over ${where}.`;
    },
    onDragEnd: ({ active, over }) => {
      const plan = keyboard();
      if (plan) return `${nameOf(active.id)} was dropped in ${planned(plan)}.`;
      return over
        ? `${nameOf(active.id)} was dropped in ${place(layout(), active.id, over.id)}.`
        : `${nameOf(active.id)} was dropped outside the board and stays in ${place(origin(), active.id)}.`;
    },
    onDragCancel: ({ active }) => `Moving ${nameOf(active.id)} was cancelled. It stays in ${place(origin(), active.id)}.`,
  };
}

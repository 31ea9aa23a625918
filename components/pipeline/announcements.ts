import type { Announcements, ScreenReaderInstructions, UniqueIdentifier } from "@dnd-kit/core";
import type { OpportunityStage } from "@/lib/generated/prisma/enums";
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
  nameOf: (id: UniqueIdentifier) => string;
  stageOf: (id: UniqueIdentifier) => OpportunityStage | undefined;
};

/** What a screen reader hears during a drag: the deal's name, the column and its place in it. */
export function boardAnnouncements({ layout, nameOf, stageOf }: BoardState): Announcements {
  const place = (id: UniqueIdentifier, over: UniqueIdentifier) => {
    const current = layout();
    const stage = containerOf(current, over) ?? containerOf(current, id);
    if (!stage) return "";
    const ids = current[stage];
    const index = ids.indexOf(String(id));
    const position = index >= 0 ? `position ${index + 1} of ${ids.length}` : `${ids.length} ${ids.length === 1 ? "deal" : "deals"}`;
    return `${STAGE_LABEL[stage]}, ${position}`;
  };
  const origin = (id: UniqueIdentifier) => {
    const stage = stageOf(id);
    return stage ? STAGE_LABEL[stage] : "its column";
  };
  return {
    onDragStart: ({ active }) => `Picked up ${nameOf(active.id)} in ${place(active.id, active.id)}.`,
    onDragOver: ({ active, over }) =>
      over ? `${nameOf(active.id)} is over ${place(active.id, over.id)}.` : `${nameOf(active.id)} is no longer over a column.`,
    onDragEnd: ({ active, over }) =>
      over ? `${nameOf(active.id)} was dropped in ${place(active.id, over.id)}.` : `${nameOf(active.id)} was dropped outside the board and stays in ${origin(active.id)}.`,
    onDragCancel: ({ active }) => `Moving ${nameOf(active.id)} was cancelled. It stays in ${origin(active.id)}.`,
  };
}

"use client";

import { useDndContext } from "@dnd-kit/core";
import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { useCallback, type ComponentProps, type CSSProperties, type ReactNode } from "react";
import { CardView } from "./card-view";

type SortableCardProps = Omit<ComponentProps<typeof CardView>, "handle" | "lifted" | "footer" | "leading"> & {
  /** While the board selects cards: whether this one is selected, and how to flip it. */
  selection?: { selected: boolean; toggle: () => void };
  /** A move of this card is in flight. */
  disabled: boolean;
  /** A closed card the user cannot reopen: it does not move at all, so it has no handle. */
  locked: boolean;
  /** Offered on closed cards the user may reopen. */
  onReopen?: () => void;
  /** The card's actions, shown at its top right beside the move button. */
  menu?: ReactNode;
  /** In a windowed column: where the card stands, its index, and what measures it. */
  place?: { index: number; style?: CSSProperties; measure?: (node: Element | null) => void };
};

/**
 * A draggable card. The whole card answers the mouse and a long touch; the keyboard starts a drag only from the
 * move button, so Enter on the deal's link still opens it. While dragged, the card leaves a faded placeholder
 * where it would land and the DragOverlay carries the copy, so nothing around it shifts.
 */
export function SortableCard({ disabled, locked, onReopen, menu, place, selection, ...view }: SortableCardProps) {
  const { card, stage } = view;
  const { setNodeRef, setActivatorNodeRef, attributes, listeners, transform, transition, isDragging } = useSortable({
    id: card.id,
    data: { type: "card", stage },
    disabled: disabled || locked,
  });
  const { activatorEvent } = useDndContext();
  // A keyboard drag has no floating copy: the card itself stands, lifted, where it will land.
  const byKeyboard = isDragging && activatorEvent instanceof KeyboardEvent;
  const measure = place?.measure;
  const ref = useCallback(
    (node: HTMLLIElement | null) => {
      setNodeRef(node);
      measure?.(node);
    },
    [setNodeRef, measure],
  );
  return (
    <li
      ref={ref}
      style={{ ...place?.style, transform: CSS.Translate.toString(transform), transition }}
      data-index={place?.index}
      {...listeners}
      data-testid="board-card"
      data-card-id={card.id}
      data-stage={stage}
      aria-busy={disabled || undefined}
      className={`relative select-none [-webkit-touch-callout:none] ${isDragging && !byKeyboard ? "opacity-40" : ""} ${
        disabled ? "cursor-progress" : locked ? "" : "cursor-grab"
      }`}
    >
      <CardView
        {...view}
        lifted={byKeyboard}
        leading={
          selection ? (
            <input
              type="checkbox"
              checked={selection.selected}
              onChange={selection.toggle}
              onPointerDown={(event) => event.stopPropagation()}
              onKeyDown={(event) => event.stopPropagation()}
              aria-label={`Select ${card.name}`}
              className="mt-0.5 h-4 w-4 shrink-0 rounded border-slate-300 text-brand-600"
            />
          ) : null
        }
        footer={
          onReopen ? (
            <button
              type="button"
              onClick={onReopen}
              className="mt-2 rounded text-xs font-medium text-brand-700 underline-offset-2 hover:underline focus-visible:underline"
              aria-label={`Reopen ${card.name}`}
            >
              Reopen
            </button>
          ) : null
        }
        handle={
          locked ? null : (
            <button
              ref={setActivatorNodeRef}
              type="button"
              {...attributes}
              aria-label={`Move ${card.name}`}
              className="-mt-1 -mr-1 shrink-0 cursor-grab rounded p-1 text-slate-400 hover:bg-slate-100 hover:text-slate-700 focus-visible:text-slate-700"
            >
              <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4" fill="currentColor">
                <circle cx="7" cy="5" r="1.5" />
                <circle cx="13" cy="5" r="1.5" />
                <circle cx="7" cy="10" r="1.5" />
                <circle cx="13" cy="10" r="1.5" />
                <circle cx="7" cy="15" r="1.5" />
                <circle cx="13" cy="15" r="1.5" />
              </svg>
            </button>
          )
        }
      />
      {menu ? <div className="absolute top-3 right-9">{menu}</div> : null}
    </li>
  );
}

import { PointerSensor, type PointerSensorOptions } from "@dnd-kit/core";
import type { PointerEvent as ReactPointerEvent } from "react";

/**
 * The pointer sensor for mouse and pen only. Touch goes to the TouchSensor (press and hold), so a finger swipe
 * still scrolls the board sideways instead of being claimed by a pointer drag the browser then cancels.
 */
export class MouseAndPenSensor extends PointerSensor {
  static activators = [
    {
      eventName: "onPointerDown" as const,
      handler: ({ nativeEvent: event }: ReactPointerEvent, { onActivation }: PointerSensorOptions) => {
        if (!event.isPrimary || event.button !== 0 || event.pointerType === "touch") return false;
        onActivation?.({ event });
        return true;
      },
    },
  ];
}

/**
 * Auto-scroll while dragging near an edge. On a phone the next column peeks ~58 px at the right: the scroll zone is
 * kept narrower than that peek (6% of the board's width, 23 px at 390 px) and slow, so a card held over the peeking
 * column drops there instead of the board running on to the column after it.
 */
export const BOARD_AUTO_SCROLL = { threshold: { x: 0.06, y: 0.12 }, acceleration: 3 } as const;

import type { OpportunityStage } from "@/lib/generated/prisma/enums";
import { STAGES } from "@/lib/opportunities/browser";
import { containerOf, moveBetweenColumns, type Layout } from "./board-layout";

/** Where a card would land: its column and its index in it. */
export type Slot = { stage: OpportunityStage; index: number };

/** A keyboard drag in progress: the board as it would be with the card at `slot`. */
export type KeyboardPlan = { layout: Layout; slot: Slot };

export const MOVE_KEYS = ["ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight"] as const;

export function planAt(layout: Layout, id: string): KeyboardPlan | null {
  const stage = containerOf(layout, id);
  return stage ? { layout, slot: { stage, index: layout[stage].indexOf(id) } } : null;
}

/**
 * One arrow key of a keyboard drag: ↑/↓ one place within the column, →/← to the next/previous column the card may
 * enter, keeping its row (or the column's end). Null when the key does not move the card (top, bottom, last column).
 */
export function keyboardStep(
  plan: KeyboardPlan,
  id: string,
  key: string,
  mayEnter: (stage: OpportunityStage) => boolean,
): KeyboardPlan | null {
  const { stage, index } = plan.slot;
  const length = plan.layout[stage].length;
  let target: Slot | null = null;
  if (key === "ArrowDown" && index < length - 1) target = { stage, index: index + 1 };
  else if (key === "ArrowUp" && index > 0) target = { stage, index: index - 1 };
  else if (key === "ArrowRight" || key === "ArrowLeft") {
    const step = key === "ArrowRight" ? 1 : -1;
    for (let i = STAGES.indexOf(stage) + step; i >= 0 && i < STAGES.length; i += step) {
      const next = STAGES[i]!;
      if (!mayEnter(next)) continue;
      target = { stage: next, index: Math.min(index, plan.layout[next].length) };
      break;
    }
  }
  return target ? { layout: moveBetweenColumns(plan.layout, id, target.stage, target.index), slot: target } : null;
}

import type { Tx } from "@/lib/db";
import { notifyChannel } from "./repository";

/**
 * What travels on the board channel when a deal is created, moved, changed or deleted: ids only. Each open board
 * re-reads the columns it names through its own scope, so nothing a viewer may not see is ever sent as data.
 */
export const BOARD_CHANNEL = "onquota_board";

export type BoardChange = {
  tenantId: string;
  opportunityId: string;
  /** The deal's owner before and after (the same id twice when it did not change): who may see the change. */
  ownerIds: string[];
  /** The columns the deal left and entered (one when it stayed). */
  stages: string[];
  /** Who made the change. */
  actorId: string;
};

type Wire = { t: string; o: string; u: string[]; s: string[]; a: string };

export function encodeBoardChange(change: BoardChange): string {
  const wire: Wire = {
    t: change.tenantId,
    o: change.opportunityId,
    u: [...new Set(change.ownerIds)],
    s: [...new Set(change.stages)],
    a: change.actorId,
  };
  return JSON.stringify(wire);
}

const strings = (value: unknown): string[] | null =>
  Array.isArray(value) && value.every((item) => typeof item === "string") ? value : null;

export function decodeBoardChange(payload: string): BoardChange | null {
  try {
    const wire = JSON.parse(payload) as Partial<Wire>;
    const ownerIds = strings(wire.u);
    const stages = strings(wire.s);
    if (typeof wire.t !== "string" || typeof wire.o !== "string" || typeof wire.a !== "string" || !ownerIds || !stages) return null;
    return { tenantId: wire.t, opportunityId: wire.o, ownerIds, stages, actorId: wire.a };
  } catch {
    return null;
  }
}

/** NOTIFY inside the write's transaction: delivered to every instance at commit, dropped on rollback. */
export function publishBoardChange(change: BoardChange, tx: Tx): Promise<void> {
  return notifyChannel(BOARD_CHANNEL, [encodeBoardChange(change)], tx);
}

import { eventStreamResponse, liveHub, type BoardChange } from "@/lib/notifications";
import { seesWholeTenant, type Scope } from "@/lib/scope";

/** Whether this viewer's board shows the deal (before or after the change): managers all, reps their own. */
export function boardChangeVisible(scope: Scope, change: BoardChange): boolean {
  return change.tenantId === scope.tenantId && (seesWholeTenant(scope) || change.ownerIds.includes(scope.userId));
}

/** The caller's board changes as Server-Sent Events (`ready` once subscribed, `change`, `refetch`), until `signal` aborts. */
export function boardEventStream(scope: Scope, signal: AbortSignal, heartbeatMs?: number): Response {
  return eventStreamResponse({ name: "board", userId: scope.userId, signal, heartbeatMs }, async ({ event, onStop, isClosed }) => {
    onStop(
      await liveHub().subscribeBoard(scope.tenantId, (change) => {
        if (change.kind === "resync") return event("refetch", {});
        if (!boardChangeVisible(scope, change.change)) return;
        const { opportunityId, stages, actorId } = change.change;
        event("change", { opportunity_id: opportunityId, stages, actor_id: actorId });
      }),
    );
    // Changes committed from here on reach this stream: `ready` says so.
    if (!isClosed()) event("ready", {});
  });
}

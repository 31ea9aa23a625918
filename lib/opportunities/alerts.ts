import type { Scope } from "@/lib/scope";
import type { OpportunityStage } from "@/lib/generated/prisma/enums";
import { deliverNotificationEmails } from "@/lib/email";
import { logger } from "@/lib/log";
import { notifyOpportunityAssigned, notifyOpportunityClosed } from "@/lib/notifications";
import { getUser } from "@/lib/users";
import { isClosedStage } from "./rules";
import type { OpportunityRow } from "./rows";

type Before = { assignedTo: string; stage: OpportunityStage } | null;

/**
 * The alerts a committed write raises: the new assignee hears of a deal someone else gave them, and the
 * tenant's supervisors and admins hear of every deal won or lost — in the app, and by email to those who keep
 * OPPORTUNITY emails on (a failed email is recorded and retried). An alert that fails never fails the write.
 */
export async function announceOpportunityChange(scope: Scope, before: Before, after: OpportunityRow): Promise<void> {
  const assigned = after.assignedTo !== (before ? before.assignedTo : scope.userId);
  const closed = isClosedStage(after.stage) && (before === null || !isClosedStage(before.stage));
  if (!assigned && !closed) return;
  try {
    const actorName = (await getUser(scope, scope.userId))?.name ?? "Someone";
    const base = { tenantId: scope.tenantId, actorId: scope.userId, actorName };
    const created: string[] = [];
    if (assigned) {
      created.push(
        ...(await notifyOpportunityAssigned({ ...base, opportunity: { id: after.id, name: after.name }, assigneeId: after.assignedTo })),
      );
    }
    if (closed) {
      const closedIds = await notifyOpportunityClosed({
        ...base,
        opportunity: {
          id: after.id,
          name: after.name,
          estimated_value: after.estimatedValue,
          currency: after.currency,
          base_value: after.baseValue,
          base_currency: after.baseCurrency,
        },
        won: after.stage === "CLOSED_WON",
        lossReason: after.lossReason,
      });
      created.push(...closedIds);
    }
    if (created.length > 0) await deliverNotificationEmails(created);
  } catch (err) {
    logger.warn({ err, opportunityId: after.id }, "opportunity alert failed");
  }
}

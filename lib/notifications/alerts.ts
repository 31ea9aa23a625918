import type { Tx } from "@/lib/db";
import { formatWithBase, type Decimal } from "@/lib/money";
import { activeUserIdsWithRoles } from "@/lib/users";
import { clipTitle } from "./rules";
import { createNotificationRows, type NewNotification } from "./service";

type OpportunityRef = { id: string; name: string };

const opportunityLink = (id: string) => ({ actionUrl: `/opportunities/${id}`, actionLabel: "View opportunity" });

export type OpportunityAssigned = {
  tenantId: string;
  opportunity: OpportunityRef;
  assigneeId: string;
  actorId: string;
  actorName: string;
};

/**
 * Tells the assignee about an opportunity someone else gave them (nothing when they assigned it to themselves), in the
 * app and by email (OPPORTUNITY emails, unless turned off). Returns the ids created, for the caller to email.
 */
export async function notifyOpportunityAssigned(event: OpportunityAssigned, tx?: Tx): Promise<string[]> {
  if (event.assigneeId === event.actorId) return [];
  const rows = await createNotificationRows(
    [
      {
        tenantId: event.tenantId,
        userId: event.assigneeId,
        title: clipTitle(`New opportunity assigned: ${event.opportunity.name}`),
        message: `${event.actorName} assigned you the opportunity "${event.opportunity.name}".`,
        type: "INFO",
        category: "OPPORTUNITY",
        ...opportunityLink(event.opportunity.id),
        relatedEntityType: "opportunity",
        relatedEntityId: event.opportunity.id,
        emailRequested: true,
      },
    ],
    tx,
  );
  return rows.map((row) => row.id);
}

export type OpportunityClosed = {
  tenantId: string;
  opportunity: OpportunityRef & {
    estimated_value: Decimal | string;
    currency: string;
    base_value?: Decimal | string;
    base_currency?: string;
  };
  won: boolean;
  actorId: string;
  actorName: string;
  lossReason?: string | null;
};

/**
 * Tells every active supervisor and admin of the tenant that a deal closed: SUCCESS when won, WARNING when lost
 * (with the reason), in the app and by email. A deal closes once, so the alert is deduplicated per opportunity and
 * recipient. Returns the ids created, for the caller to email.
 */
export async function notifyOpportunityClosed(event: OpportunityClosed, tx?: Tx): Promise<string[]> {
  const recipients = await activeUserIdsWithRoles(event.tenantId, ["SUPERVISOR", "ADMIN"]);
  const { opportunity } = event;
  const amount = formatWithBase(
    opportunity.estimated_value,
    opportunity.currency,
    opportunity.base_value ?? opportunity.estimated_value,
    opportunity.base_currency ?? opportunity.currency,
  );
  const base: Omit<NewNotification, "userId"> = event.won
    ? {
        tenantId: event.tenantId,
        title: clipTitle(`Deal won: ${opportunity.name}`),
        message: `${event.actorName} closed "${opportunity.name}" as won for ${amount}.`,
        type: "SUCCESS",
      }
    : {
        tenantId: event.tenantId,
        title: clipTitle(`Deal lost: ${opportunity.name}`),
        message: `${event.actorName} closed "${opportunity.name}" (${amount}) as lost. Reason: ${event.lossReason?.trim() || "not given"}.`,
        type: "WARNING",
      };
  const rows = await createNotificationRows(
    recipients.map((userId) => ({
      ...base,
      userId,
      category: "OPPORTUNITY",
      ...opportunityLink(opportunity.id),
      relatedEntityType: "opportunity",
      relatedEntityId: opportunity.id,
      dedupeKey: `opportunity-closed:${opportunity.id}`,
      emailRequested: true,
    })),
    tx,
  );
  return rows.map((row) => row.id);
}

import { formatInstant, type Clock } from "@/lib/clock";
import { db, Prisma } from "@/lib/db";
import { clipTitle, type NewNotification, type NotificationRow } from "@/lib/notifications";
import { recordWebhookEvents } from "@/lib/webhook-events";
import { addEmailTotals, noEmails, type EmailTotals } from "./dispatch";
import { notifyAll } from "./notify";
import { tenantCondition, type JobOptions } from "./options";
import { keysetPages } from "./pages";

export type DueActivitiesResult = { comingDue: number; overdue: number; notified: number; alreadyNotified: number; emails: EmailTotals };

/** The check runs every 15 minutes: it tells of what falls due before its next run. */
export const DUE_SOON_MS = 15 * 60_000;
/** Overdue activities are told of once, within a day of their due time (a later run finds them told already). */
const OVERDUE_LOOKBACK_MS = 86_400_000;

type DueRow = {
  id: string;
  tenant_id: string;
  assigned_to: string;
  subject: string;
  due_at: Date;
  opportunity_id: string | null;
  about: string | null;
};

function duePage(now: Date, options: JobOptions, after: DueRow | undefined): Promise<DueRow[]> {
  return db().$queryRaw<DueRow[]>`
    SELECT a.id::text, a.tenant_id::text, a.assigned_to::text, a.subject, a.due_at, a.opportunity_id::text,
           coalesce(o.name, c.name) AS about
    FROM activities a
    JOIN users u ON u.id = a.assigned_to AND u.is_active
    LEFT JOIN opportunities o ON o.id = a.opportunity_id
    LEFT JOIN clients c ON c.id = a.client_id
    WHERE a.done_at IS NULL
      AND a.due_at > ${new Date(now.getTime() - OVERDUE_LOOKBACK_MS)} AND a.due_at <= ${new Date(now.getTime() + DUE_SOON_MS)}
      ${tenantCondition(Prisma.sql`a.tenant_id`, options)}
      ${after ? Prisma.sql`AND (a.due_at, a.id) > (${after.due_at}, ${after.id}::uuid)` : Prisma.empty}
    ORDER BY a.due_at, a.id
    LIMIT 1000`;
}

/**
 * Every 15 minutes: the assignee of each open activity falling due before the next run hears "coming up", and of
 * each that went overdue "overdue", in the app and by email (per their preferences). The dedupe keys carry the due
 * time, so each is told once per due time and a rescheduled activity is told of again.
 */
export async function checkDueActivities(clock: Clock, options: JobOptions = {}): Promise<DueActivitiesResult> {
  const now = clock();
  const result: DueActivitiesResult = { comingDue: 0, overdue: 0, notified: 0, alreadyNotified: 0, emails: noEmails() };
  for await (const page of keysetPages((after: DueRow | undefined) => duePage(now, options, after), 1000)) {
    const notices: NewNotification[] = page.map((row) => {
      const late = row.due_at.getTime() < now.getTime();
      if (late) result.overdue += 1;
      else result.comingDue += 1;
      const about = row.about ? ` (${row.about})` : "";
      return {
        tenantId: row.tenant_id,
        userId: row.assigned_to,
        title: clipTitle(`${late ? "Overdue" : "Coming up"}: ${row.subject}`),
        message: `"${row.subject}"${about} ${late ? "was" : "is"} due ${formatInstant(row.due_at)}.`,
        type: late ? "WARNING" : "INFO",
        category: "OPPORTUNITY",
        actionUrl: row.opportunity_id ? `/opportunities/${row.opportunity_id}` : "/today",
        actionLabel: row.opportunity_id ? "View opportunity" : "Open Today",
        relatedEntityType: "activity",
        relatedEntityId: row.id,
        dedupeKey: `${late ? "activity-overdue" : "activity-due"}:${row.id}:${row.due_at.getTime()}`,
      };
    });
    const totals = await notifyAll(notices, { email: true, clock, onCreated: (rows) => recordActivityDue(page, rows, now) });
    result.notified += totals.notified;
    result.alreadyNotified += page.length - totals.notified;
    addEmailTotals(result.emails, totals.emails);
  }
  return result;
}

/** An `activity.due` webhook event for each activity whose assignee was just told (so once per due time, like them). */
function recordActivityDue(page: DueRow[], created: NotificationRow[], now: Date): Promise<number> {
  const byId = new Map(page.map((row) => [row.id, row]));
  const told = created.map((n) => byId.get(n.relatedEntityId ?? "")).filter((row): row is DueRow => row !== undefined);
  return recordWebhookEvents(
    told.map((row) => ({
      tenantId: row.tenant_id,
      type: "activity.due" as const,
      data: {
        id: row.id,
        subject: row.subject,
        due_at: row.due_at.toISOString(),
        is_overdue: row.due_at.getTime() < now.getTime(),
        assigned_to: row.assigned_to,
        opportunity_id: row.opportunity_id,
        about: row.about,
      },
    })),
    now,
  );
}

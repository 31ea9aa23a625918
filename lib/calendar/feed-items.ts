import { db } from "@/lib/db";
import { OPEN_STAGES } from "@/lib/opportunities";
import type { Scope } from "@/lib/scope";

/** What a feed shows, read for the feed's owner only (their tenant, assigned to them), whatever their role. */

/** A calendar app reads the whole feed each time: each list is capped (soonest first). */
export const FEED_ITEM_LIMIT = 2000;

export type FeedActivity = {
  id: string;
  type: string;
  subject: string;
  note: string | null;
  dueAt: Date;
  opportunity: { id: string; name: string } | null;
  client: { id: string; name: string } | null;
};

export type FeedDeal = { id: string; name: string; expectedCloseDate: Date; stage: string; client: { id: string; name: string } };

export async function openDatedActivitiesOf(scope: Scope): Promise<FeedActivity[]> {
  const rows = await db().activity.findMany({
    where: {
      tenantId: scope.tenantId,
      assignedTo: scope.userId,
      doneAt: null,
      dueAt: { not: null },
      OR: [{ opportunityId: null }, { opportunity: { isDeleted: false } }],
    },
    select: {
      id: true,
      type: true,
      subject: true,
      note: true,
      dueAt: true,
      opportunity: { select: { id: true, name: true } },
      client: { select: { id: true, name: true } },
    },
    orderBy: [{ dueAt: "asc" }, { id: "asc" }],
    take: FEED_ITEM_LIMIT,
  });
  return rows.map((row) => ({ ...row, dueAt: row.dueAt! }));
}

export function openDealsOf(scope: Scope): Promise<FeedDeal[]> {
  return db().opportunity.findMany({
    where: { tenantId: scope.tenantId, assignedTo: scope.userId, isDeleted: false, stage: { in: [...OPEN_STAGES] } },
    select: { id: true, name: true, expectedCloseDate: true, stage: true, client: { select: { id: true, name: true } } },
    orderBy: [{ expectedCloseDate: "asc" }, { id: "asc" }],
    take: FEED_ITEM_LIMIT,
  });
}

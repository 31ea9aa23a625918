import type { Prisma } from "@/lib/db";

/** An activity is read one way: `activitySelect`, with its deal, client and assignee names. */
export const activitySelect = {
  id: true,
  tenantId: true,
  opportunityId: true,
  clientId: true,
  type: true,
  subject: true,
  note: true,
  dueAt: true,
  doneAt: true,
  assignedTo: true,
  createdBy: true,
  createdAt: true,
  updatedAt: true,
  opportunity: { select: { id: true, name: true } },
  client: { select: { id: true, name: true } },
  assignedUser: { select: { id: true, name: true } },
} as const satisfies Prisma.ActivitySelect;

export type ActivityRow = Prisma.ActivityGetPayload<{ select: typeof activitySelect }>;

import { Prisma } from "@/lib/db";

/** The query twins of rules.ts: SQL over an activity aliased `a`, and the same condition as a Prisma filter. */

export function activityOverdueSql(now: Date): Prisma.Sql {
  return Prisma.sql`(a.done_at IS NULL AND a.due_at IS NOT NULL AND a.due_at < ${now})`;
}

export function activityOverdueWhere(now: Date): Prisma.ActivityWhereInput {
  return { doneAt: null, dueAt: { not: null, lt: now } };
}

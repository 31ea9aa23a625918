/** When an activity counts as open, done or overdue. SQL twins in rules-sql.ts. */

/** A NOTE records something that happened: it is done when written. */
export const doneOnCreate = (type: string): boolean => type === "NOTE";

/** Overdue: not done and due before `now`. SQL: `activityOverdueSql`. */
export function isActivityOverdue(activity: { dueAt: Date | null; doneAt: Date | null }, now: Date): boolean {
  return activity.doneAt === null && activity.dueAt !== null && activity.dueAt.getTime() < now.getTime();
}

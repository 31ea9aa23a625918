/** What client components may import of activities: schemas, types and pure rules. */
export { ACTIVITY_TYPES, type ActivityOut } from "./schemas";
export { isActivityOverdue } from "./rules";

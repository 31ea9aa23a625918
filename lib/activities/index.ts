/** What the edges and the other modules use of activities. */
export * from "./operations";
export { ACTIVITY_TYPES, type ActivityOut, createActivityBody, updateActivityBody } from "./schemas";
export { activityOverdueSql } from "./rules-sql";
export { completeActivity, createActivity, deleteActivity, getActivity, getMyDay, listActivities, updateActivity } from "./service";

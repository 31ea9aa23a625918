import { defineOperation } from "@/lib/http";
import { activityIdParams, activityOut, activityPageOut, createActivityBody, listActivitiesQuery, updateActivityBody } from "./schemas";

const tags = ["Activities"];

export const listActivitiesOperation = defineOperation({
  id: "listActivities",
  method: "GET",
  path: "/activities",
  summary: "List activities you can see (reps: assigned to them), soonest due first",
  tags,
  query: listActivitiesQuery,
  response: activityPageOut,
});

export const createActivityOperation = defineOperation({
  id: "createActivity",
  method: "POST",
  path: "/activities",
  summary: "Plan or log an activity on a deal or a client (a NOTE is done when written)",
  tags,
  body: createActivityBody,
  response: activityOut,
  successStatus: 201,
  errors: [403],
});

export const getActivityOperation = defineOperation({
  id: "getActivity",
  method: "GET",
  path: "/activities/{id}",
  summary: "One activity",
  tags,
  ownerScoped: true,
  params: activityIdParams,
  response: activityOut,
  errors: [404],
});

export const updateActivityOperation = defineOperation({
  id: "updateActivity",
  method: "PUT",
  path: "/activities/{id}",
  summary: "Change an activity (partial update): reschedule, reassign, complete or reopen",
  tags,
  ownerScoped: true,
  params: activityIdParams,
  body: updateActivityBody,
  response: activityOut,
  errors: [403, 404],
});

export const deleteActivityOperation = defineOperation({
  id: "deleteActivity",
  method: "DELETE",
  path: "/activities/{id}",
  summary: "Delete an activity",
  tags,
  ownerScoped: true,
  params: activityIdParams,
  successStatus: 204,
  errors: [404],
});

export const completeActivityOperation = defineOperation({
  id: "completeActivity",
  method: "POST",
  path: "/activities/{id}/complete",
  summary: "Mark an activity done now (already done: unchanged)",
  tags,
  ownerScoped: true,
  params: activityIdParams,
  response: activityOut,
  errors: [404],
});

export const activityOperations = [
  listActivitiesOperation,
  createActivityOperation,
  getActivityOperation,
  updateActivityOperation,
  deleteActivityOperation,
  completeActivityOperation,
];

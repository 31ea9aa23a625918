import { defineOperation } from "@/lib/http";
import { DELETE_ROLES } from "./rules";
import {
  boardEventStreamOut,
  boardQuery,
  changeStageBody,
  bulkActionBody,
  bulkResultOut,
  createOpportunityBody,
  exportOpportunitiesQuery,
  listOpportunitiesQuery,
  opportunityIdParams,
  opportunityOut,
  opportunityPageOut,
  pipelineBoardOut,
  pipelineSummaryOut,
  reopenBody,
  stageHistoryOut,
  summaryQuery,
  updateOpportunityBody,
} from "./schemas";

const tags = ["Opportunities"];

export const createOpportunityOperation = defineOperation({
  id: "createOpportunity",
  method: "POST",
  path: "/opportunities",
  summary: "Create an opportunity (assigned to you unless a manager names someone else)",
  tags,
  body: createOpportunityBody,
  response: opportunityOut,
  successStatus: 201,
  errors: [403],
});

export const listOpportunitiesOperation = defineOperation({
  id: "listOpportunities",
  method: "GET",
  path: "/opportunities",
  summary: "List opportunities you can see, filtered, sorted and paginated",
  tags,
  query: listOpportunitiesQuery,
  response: opportunityPageOut,
});

export const getOpportunityOperation = defineOperation({
  id: "getOpportunity",
  method: "GET",
  path: "/opportunities/{id}",
  summary: "One opportunity (its version is also the ETag)",
  tags,
  ownerScoped: true,
  params: opportunityIdParams,
  response: opportunityOut,
  errors: [404],
});

export const updateOpportunityOperation = defineOperation({
  id: "updateOpportunity",
  method: "PUT",
  path: "/opportunities/{id}",
  summary: "Update some fields of an open opportunity; a stage change applies the stage rules",
  tags,
  ownerScoped: true,
  ifMatch: true,
  params: opportunityIdParams,
  body: updateOpportunityBody,
  response: opportunityOut,
  errors: [403, 404, 409, 412],
});

export const changeStageOperation = defineOperation({
  id: "changeOpportunityStage",
  method: "PATCH",
  path: "/opportunities/{id}/stage",
  summary: "Move an opportunity to a stage and/or a drop point of the board; closing as lost needs a reason",
  tags,
  ownerScoped: true,
  ifMatch: true,
  params: opportunityIdParams,
  body: changeStageBody,
  response: opportunityOut,
  errors: [404, 409, 412],
});

export const reopenOpportunityOperation = defineOperation({
  id: "reopenOpportunity",
  method: "POST",
  path: "/opportunities/{id}/reopen",
  summary: "Move a closed deal back to an open stage (managers; whoever closed it, within 10 minutes)",
  description:
    "Clears the close date, the loss reason and the frozen exchange rate (the deal converts at today's rate again); the probability takes the stage's default; the history records the reason. 403 for a user who may not reopen it, 409 when the deal is open, 422 for a closed target stage or a missing reason.",
  tags,
  ownerScoped: true,
  ifMatch: true,
  params: opportunityIdParams,
  body: reopenBody,
  response: opportunityOut,
  errors: [403, 404, 409, 412],
});

export const deleteOpportunityOperation = defineOperation({
  id: "deleteOpportunity",
  method: "DELETE",
  path: "/opportunities/{id}",
  summary: "Delete an opportunity (admins; soft delete)",
  tags,
  roles: DELETE_ROLES,
  ownerScoped: true,
  ifMatch: true,
  params: opportunityIdParams,
  successStatus: 204,
  errors: [403, 404, 412],
});

export const exportOpportunitiesOperation = defineOperation({
  id: "exportOpportunities",
  method: "GET",
  path: "/opportunities/export",
  summary: "Download every opportunity the list's filters match (the caller's scope applies), as CSV or XLSX",
  description:
    "Streamed in the list's order, whatever the number of deals. Exact decimals: the deal's value and currency, its base value, weighted base value and the base currency. CSV cells that a spreadsheet would run as a formula are escaped with a leading quote.",
  tags,
  query: exportOpportunitiesQuery,
  responseContentType: ["text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
});

export const bulkOpportunitiesOperation = defineOperation({
  id: "bulkUpdateOpportunities",
  method: "POST",
  path: "/opportunities/bulk",
  summary: "Assign, move or delete many opportunities at once, with a result per deal",
  description:
    "Each id is handled on its own with the rules of the single-deal route (a rep only their own deals, closed deals are final, only admins delete); one refusal does not stop the others. 404 when none of the ids is a deal the caller can see.",
  tags,
  body: bulkActionBody,
  response: bulkResultOut,
  errors: [404],
});

export const pipelineSummaryOperation = defineOperation({
  id: "getPipelineSummary",
  method: "GET",
  path: "/opportunities/pipeline/summary",
  summary: "Pipeline statistics by stage (a rep's cover only their own deals)",
  tags,
  query: summaryQuery,
  response: pipelineSummaryOut,
});

export const pipelineBoardOperation = defineOperation({
  id: "getPipelineBoard",
  method: "GET",
  path: "/opportunities/pipeline/board",
  summary: "Kanban board: every stage with its totals and a page of cards in board order",
  tags,
  query: boardQuery,
  response: pipelineBoardOut,
});

export const boardEventsOperation = defineOperation({
  id: "streamPipelineBoardEvents",
  method: "GET",
  path: "/opportunities/pipeline/board/events",
  summary: "Live board changes (Server-Sent Events)",
  description:
    "Sends `ready` once it listens, then `change` whenever a deal you can see (managers: every deal of the company; reps: their own, including one just " +
    "reassigned away from them) is created, moved, changed or deleted, from any app instance. Events carry ids only: re-read " +
    "the named columns with `GET /opportunities/pipeline/board?stage=…`. `refetch` means changes may have been missed.",
  tags,
  response: boardEventStreamOut,
  responseContentType: "text/event-stream",
});

export const stageHistoryOperation = defineOperation({
  id: "getOpportunityHistory",
  method: "GET",
  path: "/opportunities/{id}/history",
  summary: "Stage changes of an opportunity, oldest first",
  tags,
  ownerScoped: true,
  params: opportunityIdParams,
  response: stageHistoryOut,
  errors: [404],
});

export const opportunityOperations = [
  createOpportunityOperation,
  listOpportunitiesOperation,
  getOpportunityOperation,
  updateOpportunityOperation,
  changeStageOperation,
  reopenOpportunityOperation,
  deleteOpportunityOperation,
  pipelineSummaryOperation,
  pipelineBoardOperation,
  boardEventsOperation,
  stageHistoryOperation,
  exportOpportunitiesOperation,
  bulkOpportunitiesOperation,
];

/** What the edges (route handlers, pages, server actions, scheduled checks) use of the opportunities module. */
export {
  createOpportunity,
  deleteOpportunity,
  findVisibleOpportunity,
  getOpportunities,
  getOpportunitiesByStage,
  getOpportunityById,
  getOverdueOpportunities,
  getPipelineSummary,
  getStageHistory,
  updateOpportunity,
  updateStage,
  type OverdueOpportunity,
  type WriteOptions,
} from "./repository";
export { STAGES, OPEN_STAGES, CLOSED_STAGES, defaultProbability, isClosedStage, weightedValue } from "./rules";
export { serializeBoardColumn, serializeHistory, serializeOpportunity, serializeSummary, type OpportunityRow } from "./serialize";
export { opportunityResponse } from "./responses";
export * from "./schemas";
export * from "./operations";

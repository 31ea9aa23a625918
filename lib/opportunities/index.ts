/** What the edges (route handlers, pages, server actions, scheduled checks) and other modules use of opportunities. */
export {
  createOpportunity,
  deleteOpportunity,
  findVisibleOpportunity,
  getOpportunities,
  getOpportunityById,
  getOverdueOpportunities,
  getMyStaleOpportunities,
  getStageHistory,
  updateOpportunity,
  updateStage,
  type WriteOptions,
} from "./service";
export { reopenOpportunity } from "./reopen";
export { getOpportunitiesByStage, getPipelineSummary } from "./pipeline";
export { everyStage, type StageTotalsRow } from "./repository";
export { ownerVisibleSql } from "./filters";
export { exportOpportunities } from "./export";
export { bulkUpdateOpportunities } from "./bulk";
export type { Board, BoardColumn, HistoryRow, OpportunityRow, OverdueOpportunity, PipelineSummary, StageTotals } from "./rows";
export { daysOverdueSql, openStageSql, overdueSql, baseWeightedCentsSql } from "./rules-sql";
export { visibleSql } from "./filters";
export { boardResponse, opportunityResponse, serializeBoard, serializeHistory, serializeOpportunity, serializeSummary } from "./serialize";
export * from "./browser";
export * from "./operations";
export { getExchangeRates, importExchangeRates, restateExchangeRates, setExchangeRates } from "./exchange-rates";
export { getStageSettings, putStageSettings, refreshAutoStaleDays, stageProbability } from "./stage-settings";
export * from "./stage-settings-operations";
export { FORECAST_CATEGORIES, forecastCategorySchema, type ForecastCategory, type StageSettingsOut } from "./stage-settings-schemas";
export { DEFAULT_FORECAST, forecastCategoryOf } from "./forecast-category";
export { forecastCategorySql } from "./forecast-category-sql";
export { daysInStage, isStale } from "./stale";
export { daysInStageSql, isStaleSql, STAGE_SETTINGS_JOIN } from "./stale-sql";
export {
  OPPORTUNITY_IMPORT_FIELDS,
  checkOpportunityRow,
  opportunityImportWriter,
  opportunityImportContext,
  type ImportedOpportunity,
  type OpportunityImportContext,
} from "./import-rows";
export { boardEventStream } from "./board-stream";

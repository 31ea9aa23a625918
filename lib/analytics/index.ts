/** What the edges use of analytics: the change log, time travel and the managers' reports. */
export { getOpportunityChanges } from "./changes";
export { getPipelineSummaryAsOf } from "./as-of";
export { dealsAtSql } from "./state-sql";
export { takePipelineSnapshots, type PipelineSnapshotsResult } from "./snapshots";
export { getFunnel, getVelocity, getWaterfall, getWinLoss } from "./service";
export { serializeChanges } from "./serialize";
export * from "./operations";
export * from "./schemas";
export { PERIODS, resolvePeriod, toCsv, type Period } from "./period";

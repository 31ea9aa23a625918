/** What the edges and the other modules use of this module. */
export { migrationStatus, type MigrationStatus } from "./migration-status";
export { Prisma, closeDatabase, db, dbPool, type Tx } from "./prisma";
export { queryPreparedRows, queryRows } from "./raw-rows";
export { streamRows } from "./stream-rows";
export { isDatabaseUnavailable } from "./unavailable";

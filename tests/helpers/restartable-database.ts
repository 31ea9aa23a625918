/**
 * A PostgreSQL cluster of a test's own (embedded binaries, a temp folder under .data/, a free port), migrated,
 * that the test may stop and start again, as an operator restarting the database would. The run's shared test
 * database is never touched.
 */
import path from "node:path";
import { ensureEmbeddedPostgres, removeEmbeddedCluster, stopEmbeddedPostgres } from "@/scripts/db/embedded";
import { migrate, ROOT } from "../test-database";
import { freePort } from "./embedded-postgres";

export type RestartableDatabase = {
  url: string;
  /** Fast shutdown: open transactions roll back, connections are closed. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops the cluster and deletes its folder. */
  teardown(): Promise<void>;
};

export async function startRestartableDatabase(): Promise<RestartableDatabase> {
  const dataDir = path.join(ROOT, ".data", `restartable-${process.pid}-${Date.now()}`);
  const options = { dataDir, port: await freePort(), database: "onquota", fast: true };
  const { url } = await ensureEmbeddedPostgres(options);
  await migrate(url);
  return {
    url,
    stop: async () => {
      await stopEmbeddedPostgres({ dataDir });
    },
    start: async () => {
      await ensureEmbeddedPostgres(options);
    },
    teardown: () => removeEmbeddedCluster({ dataDir }),
  };
}

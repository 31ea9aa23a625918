/**
 * A PostgreSQL cluster of a test's own (embedded binaries, a temp folder under .data/, a free port), migrated,
 * that the test may stop and start again, as an operator restarting the database would. The run's shared test
 * database is never touched.
 */
import fs from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import { embeddedPaths, ensureEmbeddedPostgres, stopEmbeddedPostgres } from "@/scripts/db/embedded";
import { migrate, ROOT } from "../test-database";

export type RestartableDatabase = {
  url: string;
  /** Fast shutdown: open transactions roll back, connections are closed. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops the cluster and deletes its folder. */
  teardown(): Promise<void>;
};

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

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
    teardown: async () => {
      await stopEmbeddedPostgres({ dataDir });
      const paths = embeddedPaths({ dataDir });
      for (const target of [paths.dataDir, paths.log, paths.lock, paths.keep, paths.leases])
        await fs.rm(target, { recursive: true, force: true });
    },
  };
}

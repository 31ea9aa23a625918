/**
 * `npm run db:stop`: stops the embedded PostgreSQL (.data/postgres, or $ONQUOTA_DATA_DIR) now, with a
 * fast clean shutdown, whatever leases are held (running launchers lose their database), and clears
 * the "keep running" mark left by `npm run db:url`.
 */
import { embeddedPaths, stopEmbeddedPostgres } from "./db/embedded";

const { dataDir } = embeddedPaths();
const stopped = await stopEmbeddedPostgres({ onLog: (m) => process.stderr.write(`[db] ${m}\n`) });
process.stderr.write(
  stopped ? `[db] embedded PostgreSQL stopped (${dataDir})\n` : `[db] embedded PostgreSQL was not running (${dataDir})\n`,
);

/**
 * `npm run db:url`: prints the database URL on stdout. With DATABASE_URL set, prints it. Otherwise
 * starts the embedded PostgreSQL if needed (no migrations, no seed: `npm run dev` does those) and
 * marks it "keep running": it then stays up — also after the last `npm run dev`/`job` exits —
 * until `npm run db:stop`.
 *   psql "$(npm run -s db:url)"
 */
import { ensureEmbeddedPostgres, keepEmbeddedPostgres } from "./db/embedded";

if (process.env.DATABASE_URL) {
  process.stdout.write(`${process.env.DATABASE_URL}\n`);
} else {
  const server = await ensureEmbeddedPostgres({ onLog: (m) => process.stderr.write(`[db] ${m}\n`) });
  await keepEmbeddedPostgres();
  if (server.startedByUs)
    process.stderr.write(`[db] embedded PostgreSQL started on port ${server.port}; it keeps running until \`npm run db:stop\`\n`);
  process.stdout.write(`${server.url}\n`);
}

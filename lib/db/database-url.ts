/**
 * The database to use: DATABASE_URL when set (nothing is started then), otherwise the embedded
 * PostgreSQL in .data/postgres, started if needed (it keeps running: launchers stop it via leases).
 */
export async function resolveDatabaseUrl(): Promise<string> {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  const { ensureEmbeddedPostgres } = await import("./embedded");
  return (await ensureEmbeddedPostgres()).url;
}

import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");

type Queryable = { query<R extends object>(sql: string): Promise<{ rows: R[] }> };
type Migration = { name: string; checksum: string };

export type MigrationStatus = {
  /** Every migration folder of this code base. */
  expected: string[];
  /** Folders with no successful record in the database. */
  pending: string[];
  /** Records that started and neither finished nor were rolled back. */
  failed: string[];
  /** Applied migrations whose SQL changed since (Prisma's checksum differs). */
  edited: string[];
};

const folderCache = new Map<string, Migration[]>();

/** The migration folders (name and checksum of migration.sql), read once per directory and process. */
function migrationFolders(dir: string): Migration[] {
  let folders = folderCache.get(dir);
  if (!folders) {
    folders = readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, "migration.sql")))
      .map((entry) => ({
        name: entry.name,
        checksum: createHash("sha256")
          .update(readFileSync(path.join(dir, entry.name, "migration.sql")))
          .digest("hex"),
      }))
      .sort((a, b) => a.name.localeCompare(b.name));
    folderCache.set(dir, folders);
  }
  return folders;
}

/**
 * Compares the migration folders with Prisma's `_prisma_migrations` table. A database without that table has
 * every migration pending. Throws when the database cannot be queried.
 */
export async function migrationStatus(db: Queryable, dir = MIGRATIONS_DIR): Promise<MigrationStatus> {
  const folders = migrationFolders(dir);
  const expected = folders.map((m) => m.name);
  const [{ exists } = { exists: false }] = (
    await db.query<{ exists: boolean }>("SELECT to_regclass('_prisma_migrations') IS NOT NULL AS exists")
  ).rows;
  if (!exists) return { expected, pending: expected, failed: [], edited: [] };
  const { rows } = await db.query<{ migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null }>(
    "SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations",
  );
  const failed = rows.filter((r) => !r.finished_at && !r.rolled_back_at).map((r) => r.migration_name);
  const applied = new Map(rows.filter((r) => r.finished_at && !r.rolled_back_at).map((r) => [r.migration_name, r.checksum]));
  return {
    expected,
    pending: folders.filter((m) => !applied.has(m.name)).map((m) => m.name),
    failed,
    edited: folders.filter((m) => applied.has(m.name) && applied.get(m.name) !== m.checksum).map((m) => m.name),
  };
}

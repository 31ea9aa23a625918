/**
 * Where root keeps the embedded PostgreSQL's binaries and clusters when the `postgres` user cannot reach
 * the project (a mode-700 home, a `mktemp -d` folder): $EMBEDDED_PG_RUNTIME_DIR, by default
 * /var/tmp/onquota-postgres (kept across reboots; the system may clean what stays unused for weeks).
 *   <runtime>/<platform package>-<version>/  a copy of the binaries (bin, lib, share)
 *   <runtime>/clusters/<name>-<hash>/        a cluster (PGDATA), owned by `postgres`, mode 700
 */
import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { canReach, POSTGRES_USER, type PostgresUser } from "./postgres-user";

export function runtimeDir(): string {
  if (process.env.EMBEDDED_PG_RUNTIME_DIR) return path.resolve(process.env.EMBEDDED_PG_RUNTIME_DIR);
  return path.join(existsSync("/var/tmp") ? "/var/tmp" : os.tmpdir(), "onquota-postgres");
}

const advice = "set EMBEDDED_PG_RUNTIME_DIR to a folder of yours that every user can traverse (or set DATABASE_URL)";

/**
 * The runtime folder (or `<runtime>/<sub>`), created if missing: owned by us and writable by us only (the
 * default lives in world-writable /var/tmp, where another user could have planted a folder or a symlink),
 * readable and searchable by all.
 */
export async function runtimeFolder(user: PostgresUser, sub?: string): Promise<string> {
  const root = runtimeDir();
  const folder = sub ? path.join(root, sub) : root;
  for (const dir of new Set([root, folder])) {
    await fs.mkdir(dir, { recursive: true });
    const stat = await fs.lstat(dir);
    if (!stat.isDirectory() || stat.uid !== process.getuid?.()) {
      throw new Error(`${dir} is not a folder of ours (a symlink, or another user's): remove it, or ${advice}.`);
    }
    if ((stat.mode & 0o777) !== 0o755) await fs.chmod(dir, 0o755);
  }
  if (!canReach(user, folder)) {
    throw new Error(`The "${POSTGRES_USER}" user that runs PostgreSQL cannot reach ${root}: ${advice}.`);
  }
  return folder;
}

/**
 * Where a data folder's cluster really lives. Normally in the data folder itself. When root runs
 * PostgreSQL as the `postgres` user and that user cannot reach the data folder, a new cluster goes to
 * `<runtime>/clusters/<name>-<hash of the data folder's path>` and the data folder becomes a symlink to
 * it: the choice is made once, and every later start, stop and status follows the link as root.
 */
import { createHash } from "node:crypto";
import { existsSync, realpathSync } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { livePostmaster } from "./postmaster";
import { canReach, POSTGRES_USER, type PostgresUser } from "./postgres-user";
import { runtimeFolder } from "./runtime-dir";

export const notACluster = (dir: string) =>
  new Error(`${dir} is not empty but holds no PostgreSQL cluster (an interrupted first start?): delete it and retry.`);

async function linkTarget(dataDir: string): Promise<string | null> {
  const stat = await fs.lstat(dataDir).catch(() => null);
  if (!stat?.isSymbolicLink()) return null;
  return path.resolve(path.dirname(dataDir), await fs.readlink(dataDir));
}

/** The folder PostgreSQL is given as its data directory (-D); it may not exist yet. */
export async function clusterDir(dataDir: string, user: PostgresUser | null, onLog: (message: string) => void): Promise<string> {
  const target = await linkTarget(dataDir);
  if (target) return target; // a relocated cluster (re-created there by initdb if the folder was cleaned away)

  const hasCluster = existsSync(path.join(dataDir, "PG_VERSION"));
  if (user && !hasCluster) await fs.mkdir(path.dirname(dataDir), { recursive: true });
  if (!user || canReach(user, hasCluster ? dataDir : path.dirname(dataDir))) return dataDir;
  if (hasCluster) {
    throw new Error(
      `The "${POSTGRES_USER}" user that runs PostgreSQL cannot reach ${dataDir} any more: make its parent folders searchable by others (chmod o+x), or stop the server and delete ${dataDir} to create a new cluster where it can.`,
    );
  }

  if ((await fs.readdir(dataDir).catch(() => [])).length > 0) throw notACluster(dataDir);
  const name = path.basename(dataDir);
  const key = createHash("sha256")
    .update(path.join(realpathSync(path.dirname(dataDir)), name))
    .digest("hex")
    .slice(0, 16);
  const relocated = path.join(await runtimeFolder(user, "clusters"), `${name}-${key}`);
  if (existsSync(relocated)) {
    // Left behind when the link was deleted (the documented reset: rm -rf .data/postgres): start afresh,
    // unless its server still runs, which then is this data folder's server again.
    if (await livePostmaster(relocated)) onLog(`re-linking ${dataDir} to its running cluster ${relocated}`);
    else await fs.rm(relocated, { recursive: true, force: true });
  }
  await fs.rm(dataDir, { recursive: true, force: true }); // an empty folder, if any
  await fs.symlink(relocated, dataDir);
  onLog(`the "${POSTGRES_USER}" user cannot reach ${path.dirname(dataDir)}: the cluster lives in ${relocated} (${dataDir} links to it)`);
  return relocated;
}

/** Deletes a data folder and, when it is a link to a relocated cluster, the cluster too. The server must be stopped. */
export async function removeCluster(dataDir: string): Promise<void> {
  const target = await linkTarget(dataDir);
  if (target) await fs.rm(target, { recursive: true, force: true });
  await fs.rm(dataDir, { recursive: true, force: true });
}

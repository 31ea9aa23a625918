/**
 * PostgreSQL refuses to run as root, so a root process runs it as the `postgres` system user (created
 * if missing). That user can only use files it can reach: what `canReach` checks.
 */
import { execFileSync } from "node:child_process";
import { realpathSync, statSync } from "node:fs";
import path from "node:path";

export const POSTGRES_USER = "postgres";

export type PostgresUser = { uid: number; gid: number };

let cached: PostgresUser | null | undefined;

/** The user to run PostgreSQL as: null when we are not root (it runs as us). */
export function postgresUser(onLog: (message: string) => void): PostgresUser | null {
  if (cached !== undefined) return cached;
  if (process.getuid?.() !== 0) return (cached = null);
  const id = (flag: string) =>
    Number(execFileSync("id", [flag, POSTGRES_USER], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim());
  const lookup = () => ({ uid: id("-u"), gid: id("-g") });
  try {
    return (cached = lookup());
  } catch {
    onLog(`running as root: creating system user "${POSTGRES_USER}" to run PostgreSQL`);
    try {
      execFileSync("groupadd", ["-f", "-r", POSTGRES_USER], { stdio: "ignore" });
      execFileSync("useradd", ["-r", "-g", POSTGRES_USER, "-M", "-d", "/nonexistent", "-s", "/usr/sbin/nologin", POSTGRES_USER], {
        stdio: "ignore",
      });
    } catch (err) {
      throw new Error(
        `PostgreSQL cannot run as root and creating a "${POSTGRES_USER}" user to run it failed (${String(err)}): create that user (useradd -r ${POSTGRES_USER}), run as another user, or set DATABASE_URL.`,
      );
    }
    return (cached = lookup());
  }
}

/**
 * Whether `user` may search (for a folder) or execute (for a file) `target` and search every folder
 * above it, by the owner/group/other bits. The process runs with its primary group only (Node drops
 * supplementary groups when it switches user), and ACLs are not read: "no" may be too cautious, never wrong.
 */
export function canReach(user: PostgresUser, target: string): boolean {
  const lexical = path.resolve(target);
  let real: string;
  try {
    real = realpathSync(lexical);
  } catch {
    return false;
  }
  return [lexical, real].every((start) => {
    for (let dir = start; ; dir = path.dirname(dir)) {
      let mode: number, uid: number, gid: number;
      try {
        ({ mode, uid, gid } = statSync(dir));
      } catch {
        return false;
      }
      const bit = uid === user.uid ? 0o100 : gid === user.gid ? 0o010 : 0o001;
      if (!(mode & bit)) return false;
      if (path.dirname(dir) === dir) return true;
    }
  });
}

/** The postmaster of a cluster, as its `postmaster.pid` file and /proc tell it. */
import { readFileSync, readlinkSync, realpathSync } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { pidAlive } from "./processes";

export interface PidFile {
  pid: number;
  port: number;
  status: string;
}

export async function readPidFile(clusterDir: string): Promise<PidFile | null> {
  try {
    const lines = (await fs.readFile(path.join(clusterDir, "postmaster.pid"), "utf8")).split("\n");
    return { pid: Number(lines[0]), port: Number(lines[3]), status: (lines[7] ?? "").trim() };
  } catch {
    return null;
  }
}

/** Is `pid` the postmaster of this cluster? (The postmaster's working directory is its data folder.) */
export function isOurPostmaster(pid: number, clusterDir: string): boolean {
  if (!pidAlive(pid)) return false;
  try {
    return realpathSync(readlinkSync(`/proc/${pid}/cwd`)) === realpathSync(clusterDir);
  } catch {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("postgres");
    } catch {
      return true; // no /proc (macOS): trust kill(0)
    }
  }
}

/** The cluster's postmaster pid when one runs on it (a stale pid file does not count). */
export async function livePostmaster(clusterDir: string): Promise<number | null> {
  const pid = await readPidFile(clusterDir);
  return pid && isOurPostmaster(pid.pid, clusterDir) ? pid.pid : null;
}

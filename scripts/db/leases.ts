/** Lease files (`<dir>/<pid>`): one per process using the embedded server; leases of dead processes do not count. */
import fs from "node:fs/promises";
import path from "node:path";
import { ownerAlive, processStartTime, type Owner } from "./processes";

export async function writeLease(dir: string, pid: number): Promise<void> {
  await fs.mkdir(dir, { recursive: true });
  const lease = { pid, start: processStartTime(pid), at: new Date().toISOString(), cmd: process.argv.slice(1).join(" ") };
  await fs.writeFile(path.join(dir, String(pid)), JSON.stringify(lease));
}

/** Pids of live lease holders; removes leases of dead processes. */
export async function liveLeases(dir: string): Promise<number[]> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return [];
  }
  const live: number[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    let owner: Owner = { pid: Number(name) };
    try {
      owner = { pid: Number(name), ...JSON.parse(await fs.readFile(file, "utf8")) };
    } catch {
      // unreadable: judge by the file name
    }
    if (ownerAlive(owner)) live.push(owner.pid);
    else await fs.rm(file, { force: true });
  }
  return live;
}

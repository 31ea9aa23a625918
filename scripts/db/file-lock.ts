/** A lock shared by processes: an in-process queue plus an O_EXCL lock file (owner pid + start time; a dead owner's lock is stale). */
import { constants as fsConstants } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { ownerAlive, processStartTime, type Owner } from "./processes";

const inProcess: Map<string, Promise<unknown>> = ((globalThis as Record<string, unknown>).__onquotaEmbeddedLocks ??= new Map()) as Map<
  string,
  Promise<unknown>
>;

export async function withLock<T>(lockPath: string, fn: () => Promise<T>, timeoutMs = 180_000): Promise<T> {
  const previous = inProcess.get(lockPath) ?? Promise.resolve();
  let release!: () => void;
  const mine = new Promise<void>((r) => (release = r));
  const tail = previous.then(() => mine);
  inProcess.set(lockPath, tail);
  await previous.catch(() => undefined);
  try {
    await acquireFileLock(lockPath, timeoutMs);
    try {
      return await fn();
    } finally {
      await fs.rm(lockPath, { force: true });
    }
  } finally {
    release();
    if (inProcess.get(lockPath) === tail) inProcess.delete(lockPath);
  }
}

async function acquireFileLock(lockPath: string, timeoutMs: number): Promise<void> {
  await fs.mkdir(path.dirname(lockPath), { recursive: true });
  const me = JSON.stringify({ pid: process.pid, start: processStartTime(process.pid), at: new Date().toISOString() });
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await fs.open(lockPath, fsConstants.O_CREAT | fsConstants.O_EXCL | fsConstants.O_WRONLY, 0o644);
      await handle.writeFile(me);
      await handle.close();
      return;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    }
    let content = "";
    try {
      content = await fs.readFile(lockPath, "utf8");
    } catch {
      continue; // released meanwhile
    }
    let owner: Owner | undefined;
    try {
      owner = JSON.parse(content) as Owner;
    } catch {
      owner = undefined; // being written right now, or garbage
    }
    // Our own pid cannot hold it (the in-process queue serialises us), so that is a leftover too.
    const stale = owner ? owner.pid === process.pid || !ownerAlive(owner) : attempt > 20;
    if (stale) {
      // Only remove it if it is still the same stale file (a fresh one may have replaced it).
      const again = await fs.readFile(lockPath, "utf8").catch(() => null);
      if (again === content) await fs.rm(lockPath, { force: true });
      continue;
    }
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${lockPath} (held by pid ${owner?.pid})`);
    await sleep(50 + Math.random() * 50);
  }
}

/** Resident memory and CPU time of a process group, read from /proc (Linux): the server's or a job's while it runs. */
import { readdirSync, readFileSync } from "node:fs";

function groupOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // pid (comm) state ppid pgrp ...: comm may hold spaces, so count fields after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(fields[2]);
  } catch {
    return null;
  }
}

function statusKb(pid: number, field: "VmRSS" | "VmHWM"): number {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** Clock ticks per second of /proc's utime and stime (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** CPU seconds (user + system) the group's live processes have used so far. */
export function groupCpuSeconds(groupId: number): number {
  let ticks = 0;
  for (const pid of groupPids(groupId)) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // the process ended between the listing and the read
    }
  }
  return ticks / TICKS_PER_SECOND;
}

/** The group's summed RSS now (MB). */
export function groupRssMb(groupId: number): number {
  return groupPids(groupId).reduce((kb, pid) => kb + statusKb(pid, "VmRSS"), 0) / 1024;
}

export function groupPids(groupId: number): number[] {
  return readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((pid) => groupOf(pid) === groupId);
}

/** Samples the group's summed RSS every `everyMs`; `stop()` gives the peak and the samples (MB). */
export function sampleGroupMemory(groupId: number, everyMs = 100) {
  const samples: Array<{ at: number; mb: number }> = [];
  const hwm = new Map<number, number>();
  const started = Date.now();
  const take = () => {
    let kb = 0;
    for (const pid of groupPids(groupId)) {
      kb += statusKb(pid, "VmRSS");
      hwm.set(pid, Math.max(hwm.get(pid) ?? 0, statusKb(pid, "VmHWM")));
    }
    if (kb > 0) samples.push({ at: Date.now() - started, mb: kb / 1024 });
  };
  take();
  const timer = setInterval(take, everyMs);
  timer.unref();
  return {
    /** Peak summed RSS so far (MB). */
    peakMb: () => Math.max(0, ...samples.map((s) => s.mb)),
    stop: () => {
      clearInterval(timer);
      take();
      return {
        peakMb: Math.max(0, ...samples.map((s) => s.mb)),
        /** The largest VmHWM (kernel-recorded peak) of any one process of the group (MB). */
        largestProcessHwmMb: Math.max(0, ...hwm.values()) / 1024,
        samples,
      };
    },
  };
}

/**
 * Starts the production server (server.ts as `npm run build` bundled it, on that build) as a process of its own, for
 * tests that stop it, starve it or measure it. It gets a port of its own: E2E_PORT + `slot` (slots 1–3, so a run uses E2E_PORT to E2E_PORT + 3).
 */
import { spawn } from "node:child_process";
import { mkdirSync, openSync, closeSync, readFileSync } from "node:fs";
import path from "node:path";
import { serverCommand } from "../scripts/server/entry";

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const ROOT = path.resolve(import.meta.dirname, "..");

export type ServerProcess = {
  pid: number;
  base: string;
  logFile: string;
  /** Resolves with the exit code (128 + n for a signal) once the process has gone. */
  exited: Promise<number>;
  /** Resident memory now (VmRSS), in MB; NaN once the process has gone. */
  rssMb: () => number;
  /** SIGTERM, then SIGKILL if it is still there after 20 s. */
  stop: () => Promise<number>;
};

async function waitForHealth(base: string, exited: Promise<number>): Promise<void> {
  let gone = false;
  void exited.then(() => (gone = true));
  for (let i = 0; i < 600; i++) {
    if (gone) throw new Error("the server exited before answering");
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the server did not answer on ${base}`);
}

export async function startServerProcess(slot: number, env: Record<string, string>): Promise<ServerProcess> {
  const port = E2E_PORT + slot;
  const logFile = path.join(ROOT, "test-results", `server-${port}.log`);
  mkdirSync(path.dirname(logFile), { recursive: true });
  const out = openSync(logFile, "w");
  const child = spawn(process.execPath, serverCommand(port, "127.0.0.1"), {
    cwd: ROOT,
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      AUTH_SECRET: process.env.AUTH_SECRET ?? "e2e-secret-not-for-production-0123456789",
      LOG_LEVEL: "info",
      ...env,
    },
    stdio: ["ignore", out, out],
    detached: true,
  });
  closeSync(out);
  const pid = child.pid!;
  const exited = new Promise<number>((resolve) => child.on("exit", (code, signal) => resolve(code ?? (signal ? 128 : 1))));
  const base = `http://127.0.0.1:${port}`;
  const stop = async () => {
    try {
      process.kill(pid, "SIGTERM");
    } catch {
      // already gone
    }
    const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
    const code = await exited;
    clearTimeout(timer);
    return code;
  };
  try {
    await waitForHealth(base, exited);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message} (log: ${logFile})`);
  }
  const rssMb = () => {
    try {
      const line = readFileSync(`/proc/${pid}/status`, "utf8").match(/^VmRSS:\s+(\d+) kB$/m);
      return line ? Number(line[1]) / 1024 : NaN;
    } catch {
      return NaN;
    }
  };
  return { pid, base, logFile, exited, rssMb, stop };
}

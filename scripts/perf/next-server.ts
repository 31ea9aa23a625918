/**
 * The production server (the bundle of server.ts `npm run build` makes, as `npm start` runs it; server.ts under tsx
 * or `next start` for an older checkout without them) on a port against a given database, in its own process group,
 * with its memory sampled from start to stop. Builds first if the build or the bundle is missing.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, openSync, closeSync, mkdirSync } from "node:fs";
import path from "node:path";
import { groupCpuSeconds, groupRssMb, sampleGroupMemory } from "./memory";
import { APP_ROOT as ROOT } from "./paths";
import { SERVER_BUNDLE, serverCommand } from "../server/entry";

const NEXT_BIN = path.join(ROOT, "node_modules", ".bin", "next");
const TSX_BIN = path.join(ROOT, "node_modules", ".bin", "tsx");
const SERVER_BUNDLE_SCRIPT = path.join(ROOT, "scripts", "server", "build.ts");
const SERVER_ENTRY = path.join(ROOT, "server.ts");

function command(port: number): [string, string[]] {
  const listen = ["-p", String(port), "-H", "127.0.0.1"];
  if (existsSync(path.join(ROOT, SERVER_BUNDLE))) return [process.execPath, serverCommand(port, "127.0.0.1")];
  if (existsSync(SERVER_ENTRY)) return [process.execPath, ["--import", "tsx", SERVER_ENTRY, ...listen]];
  return [NEXT_BIN, ["start", ...listen]];
}

export type RunningServer = {
  baseUrl: string;
  pid: number;
  logFile: string;
  /** Peak summed RSS of the server's processes so far (MB). */
  peakRssMb: () => number;
  /** Summed RSS of the server's processes now (MB). */
  rssMb: () => number;
  /** CPU seconds the server's processes have used so far. */
  cpuSeconds: () => number;
  stop: () => Promise<{ peakRssMb: number; largestProcessHwmMb: number }>;
};

const log = (message: string) => process.stderr.write(`[server] ${message}\n`);

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: "inherit" });
    child.on("error", () => resolve(127));
    child.on("close", (code) => resolve(code ?? 1));
  });
}

/** Runs `npm run build` when there is no production build yet (or no server bundle beside a build). */
export async function ensureBuild(): Promise<void> {
  const built = existsSync(path.join(ROOT, ".next", "BUILD_ID"));
  if (built && (existsSync(path.join(ROOT, SERVER_BUNDLE)) || !existsSync(SERVER_BUNDLE_SCRIPT))) return;
  log(
    built
      ? "no server bundle beside the build: bundling server.ts"
      : "no production build in .next: running `npm run build` (a few minutes)",
  );
  const [executable, args] = built ? [TSX_BIN, [SERVER_BUNDLE_SCRIPT]] : ["npm", ["run", "build"]];
  const code = await run(executable, args, { ...process.env, NEXT_TELEMETRY_DISABLED: "1" });
  if (code !== 0) throw new Error(`the build failed (exit ${code})`);
}

async function waitUntilAnswering(baseUrl: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode} before answering`);
    try {
      await fetch(`${baseUrl}/api/v1/me`, { signal: AbortSignal.timeout(2_000) });
      return;
    } catch {
      if (Date.now() > deadline) throw new Error(`the server did not answer on ${baseUrl} within ${timeoutMs / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

function signalGroup(pid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}

/** Starts the server; its stdout/stderr (one JSON log line per request) go to `logFile`. */
export async function startNextServer(options: {
  databaseUrl: string;
  port: number;
  env?: Record<string, string>;
  logFile?: string;
}): Promise<RunningServer> {
  await ensureBuild();
  const logFile = options.logFile ?? path.join(ROOT, ".data", "bench", `server-${options.port}.log`);
  mkdirSync(path.dirname(logFile), { recursive: true });
  const out = openSync(logFile, "w");
  const [executable, args] = command(options.port);
  const child = spawn(executable, args, {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", ...options.env, DATABASE_URL: options.databaseUrl },
    stdio: ["ignore", out, out],
    detached: true,
  });
  closeSync(out);
  const pid = child.pid!;
  const memory = sampleGroupMemory(pid);
  const baseUrl = `http://127.0.0.1:${options.port}`;
  const stop = async () => {
    signalGroup(pid, "SIGTERM");
    const deadline = Date.now() + 5_000;
    while (signalGroup(pid, 0) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    signalGroup(pid, "SIGKILL");
    const { peakMb, largestProcessHwmMb } = memory.stop();
    return { peakRssMb: peakMb, largestProcessHwmMb };
  };
  try {
    await waitUntilAnswering(baseUrl, child);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message} (log: ${logFile})`);
  }
  log(`server pid ${pid} answering on ${baseUrl} (log ${path.relative(ROOT, logFile)})`);
  return { baseUrl, pid, logFile, peakRssMb: memory.peakMb, rssMb: () => groupRssMb(pid), cpuSeconds: () => groupCpuSeconds(pid), stop };
}

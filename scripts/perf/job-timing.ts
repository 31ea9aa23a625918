/** Times one scheduled job as its own process (`tsx scripts/run-job.ts`), with its peak memory. */
import { spawn } from "node:child_process";
import path from "node:path";
import { sampleGroupMemory } from "./memory";
import { APP_ROOT as ROOT } from "./paths";

export type JobTiming = { seconds: number; peakRssMb: number; rssSamplesMb: number[]; output: string; exitCode: number };

/** Runs `tsx scripts/run-job.ts <args>` on the database and samples its process group's RSS every 50 ms. */
export function timeJob(databaseUrl: string, args: string[]): Promise<JobTiming> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(path.join(ROOT, "node_modules", ".bin", "tsx"), [path.join(ROOT, "scripts", "run-job.ts"), ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: "production" },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    const memory = sampleGroupMemory(child.pid!, 50);
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      const seconds = (performance.now() - started) / 1000;
      const { peakMb, samples } = memory.stop();
      // RSS at each tenth of the run: flat memory shows as a plateau, a leak as a slope.
      const tenths = Array.from({ length: 10 }, (_, i) => samples[Math.floor(((i + 1) * (samples.length - 1)) / 10)]?.mb ?? 0);
      resolve({ seconds, peakRssMb: peakMb, rssSamplesMb: tenths, output: output.trim(), exitCode: code ?? 1 });
    });
  });
}

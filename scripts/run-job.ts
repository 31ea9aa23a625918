/**
 * The job runner: `npm run job -- <name> [--now <ISO instant>] [--tenant <id>]` runs one scheduled job — the
 * same lib/jobs code the Inngest functions run — right now or as of another instant, and prints what it did.
 * `npm run job` starts it through the launcher (embedded database or DATABASE_URL); `tsx scripts/run-job.ts`
 * runs it on DATABASE_URL directly. With Inngest configured, emails and weekly summaries are queued as events;
 * without it they are sent inline. Exit code: 0 done, 1 the job failed, 2 bad arguments.
 */
import { fixedClock, systemClock } from "@/lib/clock";
import { closeDatabase } from "@/lib/db";
import { crontab, isInngestConfigured, runJob } from "@/lib/jobs";
import { parseJobArgs, UsageError, USAGE } from "./job-args";

async function main(argv: string[]): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h")) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (argv[0] === "crontab") {
    process.stdout.write(`${crontab(argv[1] ?? process.cwd())}\n`);
    return 0;
  }
  let args;
  try {
    args = parseJobArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`job: ${error.message}\n${USAGE}\n`);
    return 2;
  }
  if (!process.env.DATABASE_URL) {
    process.stderr.write("job: DATABASE_URL is not set; run it as `npm run job -- <name>` (embedded database) or set DATABASE_URL\n");
    return 2;
  }
  const clock = args.now ? fixedClock(args.now) : systemClock;
  const via = isInngestConfigured() ? "queued to Inngest" : "sent inline";
  process.stderr.write(
    `[job] ${args.name} as of ${clock().toISOString()}${args.tenantId ? ` for tenant ${args.tenantId}` : ""} (emails ${via})\n`,
  );
  const started = performance.now();
  try {
    const { line } = await runJob(args.name, clock, args.tenantId ? { tenantId: args.tenantId } : {});
    process.stdout.write(`${line} [${Math.round(performance.now() - started)} ms]\n`);
    return 0;
  } catch (error) {
    process.stderr.write(`job: ${args.name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 1;
  } finally {
    await closeDatabase().catch(() => undefined);
  }
}

process.exitCode = await main(process.argv.slice(2));
// A pool or a timer left open must not keep the process alive once the job is done.
setTimeout(() => process.exit(), 100).unref();

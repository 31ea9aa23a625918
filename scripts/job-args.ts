import { isJobName, JOB_NAMES, type JobName } from "@/lib/jobs";

export type JobArgs = { name: JobName; now: Date | null; tenantId: string | null };

export class UsageError extends Error {}

export const USAGE = `usage: npm run job -- <name> [--now <ISO instant>] [--tenant <tenant id>]
       npm run job -- crontab [<project folder>]   (prints the crontab of every job, for a deployment without Inngest)
  names: ${JOB_NAMES.join(", ")}
  --now     run as of this instant, e.g. 2026-03-02T10:00:00Z (a date alone means 00:00 UTC); default: now
  --tenant  only this tenant's rows (the checks; weekly-summary: its users)`;

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An ISO-8601 instant; without a zone it is read as UTC (never the machine's local time). */
export function parseInstant(text: string): Date {
  const match = ISO_INSTANT.exec(text);
  if (!match) throw new UsageError(`--now: "${text}" is not an ISO-8601 instant (e.g. 2026-03-02T10:00:00Z)`);
  const zoned = text.length === 10 ? `${text}T00:00:00Z` : match[1] ? text : `${text}Z`;
  const date = new Date(zoned);
  const [year, month, day] = text.slice(0, 10).split("-").map(Number);
  if (Number.isNaN(date.getTime()) || !isRealDate(year!, month!, day!)) throw new UsageError(`--now: "${text}" is not a valid date`);
  return date;
}

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function parseJobArgs(argv: string[]): JobArgs {
  let name: JobName | undefined;
  let now: Date | null = null;
  let tenantId: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] =
      arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    if (flag === "--now" || flag === "--tenant") {
      const value = inline ?? argv[++i];
      if (value === undefined || value === "") throw new UsageError(`${flag} needs a value`);
      if (flag === "--now") now = parseInstant(value);
      else if (UUID.test(value)) tenantId = value.toLowerCase();
      else throw new UsageError(`--tenant: "${value}" is not a tenant id (UUID)`);
    } else if (arg.startsWith("-")) {
      throw new UsageError(`unknown option ${arg}`);
    } else if (name !== undefined) {
      throw new UsageError(`one job at a time (got "${name}" and "${arg}")`);
    } else if (isJobName(arg)) {
      name = arg;
    } else {
      throw new UsageError(`unknown job "${arg}"`);
    }
  }
  if (!name) throw new UsageError("which job? name one");
  return { name, now, tenantId };
}

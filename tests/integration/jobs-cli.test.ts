/**
 * The job runner end to end: `tsx scripts/run-job.ts <name> --now <ISO> --tenant <id>` on the test database,
 * its output, its exit codes and the rows it writes.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { JOB_NAMES, JOBS } from "@/lib/jobs";
import { parseInstant, parseJobArgs } from "@/scripts/job-args";
import { createTestClient, createTestTenant, type TestTenant } from "../helpers/fixtures";
import { ROOT } from "../test-database";
import { insertOpportunity, insertQuote, notificationsOf } from "./jobs-data";

type Run = { code: number | null; stdout: string; stderr: string };

function runJob(args: string[]): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: "silent", NODE_ENV: "production", EMAIL_OUTBOX: "1" };
  for (const key of ["INNGEST_DEV", "INNGEST_EVENT_KEY", "INNGEST_SIGNING_KEY"]) delete env[key];
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(ROOT, "node_modules", ".bin", "tsx"), ["scripts/run-job.ts", ...args], { cwd: ROOT, env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

let t: TestTenant;
let dealIds: string[];

beforeAll(async () => {
  t = await createTestTenant("Job runner");
  const client = await createTestClient(t.tenantId, "Adventure Works");
  const deals = await Promise.all([
    insertOpportunity(t.tenantId, client.id, t.rep.userId, "2026-02-27", { name: "Bikes" }),
    insertOpportunity(t.tenantId, client.id, t.otherRep.userId, "2026-02-20", { name: "Tents" }),
    insertOpportunity(t.tenantId, client.id, t.rep.userId, "2026-02-01", { stage: "CLOSED_WON", closedOn: "2026-02-01" }),
  ]);
  dealIds = deals.slice(0, 2).map((deal) => deal.id);
});

describe("npm run job (scripts/run-job.ts)", () => {
  it("prints the crontab of every job from the jobs table", { timeout: 120_000 }, async () => {
    const run = await runJob(["crontab", "/srv/onquota"]);
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split("\n");
    expect(lines[0]).toBe("CRON_TZ=UTC");
    for (const name of JOB_NAMES) {
      const [minute, hour, dom, month, dow] = JOBS[name].schedule.split(" ");
      const line = lines.find((l) => l.includes(`-- ${name} `));
      expect(line?.split(/\s+/).slice(0, 5)).toEqual([minute, hour, dom, month, dow]);
      expect(line).toContain("cd /srv/onquota && npm run -s job --");
    }
  });

  it("runs a check as of --now and prints what it did; a second run creates nothing", { timeout: 120_000 }, async () => {
    const args = ["check-overdue-opportunities", "--now", "2026-03-02T10:00:00Z", "--tenant", t.tenantId];
    const first = await runJob(args);
    expect(first.stderr).toContain("check-overdue-opportunities as of 2026-03-02T10:00:00.000Z");
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(
      /^check-overdue-opportunities: 2 overdue, 2 notified \(0 already notified today\), 2 emails \(2 sent\) \[\d+ ms\]\n$/,
    );
    const rows = await notificationsOf(t.tenantId, { category: "OPPORTUNITY" });
    expect(rows.map((row) => [row.relatedEntityId, row.userId, row.title]).sort()).toEqual(
      [
        [dealIds[0], t.rep.userId, "Opportunity 3 days overdue: Bikes"],
        [dealIds[1], t.otherRep.userId, "Opportunity 10 days overdue: Tents"],
      ].sort(),
    );

    const second = await runJob(args);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/^check-overdue-opportunities: 2 overdue, 0 notified \(2 already notified today\), 0 emails/);
    expect(await notificationsOf(t.tenantId, { category: "OPPORTUNITY" })).toHaveLength(2);
  });

  it("emails through the real email module (the development outbox without RESEND_API_KEY)", { timeout: 120_000 }, async () => {
    const mailed = await createTestTenant("Job runner mail");
    const client = await createTestClient(mailed.tenantId, "Wide World Importers");
    const quote = await insertQuote(mailed.tenantId, client.id, mailed.rep.userId, "2026-02-26", { number: "Q-MAIL-1" });

    const run = await runJob(["check-expired-quotes", "--now", "2026-03-02T09:00:00Z", "--tenant", mailed.tenantId]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^check-expired-quotes: 1 expired, 1 notified \(0 already notified\), 1 email \(1 sent\)/);
    const [row] = await notificationsOf(mailed.tenantId, { category: "QUOTE" });
    expect(row).toMatchObject({ relatedEntityId: quote.id, emailRequested: true, emailSent: true, emailError: null });
    const outbox = await db().emailOutbox.findMany({ where: { tenantId: mailed.tenantId } });
    expect(outbox.map((message) => message.to)).toEqual([mailed.rep.email]);
    expect(outbox[0]!.text).toContain("Q-MAIL-1");

    const weekly = await runJob(["weekly-summary", "--now", "2026-03-02T07:00:00Z", "--tenant", mailed.tenantId]);
    expect(weekly.code).toBe(0);
    expect(weekly.stdout).toMatch(/^weekly-summary: week of 2026-03-02, 4 active users: 4 sent, 0 already sent, 0 failed, 0 skipped/);
    expect(await db().emailOutbox.count({ where: { tenantId: mailed.tenantId } })).toBe(5);
    const again = await runJob(["weekly-summary", "--now", "2026-03-03T07:00:00Z", "--tenant", mailed.tenantId]);
    expect(again.stdout).toMatch(/^weekly-summary: week of 2026-03-02, 4 active users: 0 sent, 4 already sent/);
    expect(await db().emailOutbox.count({ where: { tenantId: mailed.tenantId } })).toBe(5);
  });

  it("rejects an unknown job or a bad --now with exit code 2 and the usage", { timeout: 120_000 }, async () => {
    const [unknown, badNow] = await Promise.all([runJob(["check-everything"]), runJob(["weekly-summary", "--now", "next tuesday"])]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown job "check-everything"');
    expect(unknown.stderr).toContain("usage: npm run job -- <name>");
    expect(badNow.code).toBe(2);
    expect(badNow.stderr).toContain('--now: "next tuesday" is not an ISO-8601 instant');
  });
});

describe("job arguments", () => {
  it("reads the name, --now (zone-less means UTC) and --tenant", () => {
    expect(parseJobArgs(["weekly-summary"])).toEqual({ name: "weekly-summary", now: null, tenantId: null });
    expect(parseJobArgs(["cleanup-old-notifications", "--now=2026-03-01T02:00:00Z"]).now).toEqual(new Date("2026-03-01T02:00:00Z"));
    expect(parseInstant("2026-03-02")).toEqual(new Date("2026-03-02T00:00:00Z"));
    expect(parseInstant("2026-03-02T10:00")).toEqual(new Date("2026-03-02T10:00:00Z"));
    expect(parseInstant("2026-03-02T10:00:00+02:00")).toEqual(new Date("2026-03-02T08:00:00Z"));
    expect(parseJobArgs(["retry-emails", "--tenant", t.tenantId.toUpperCase()]).tenantId).toBe(t.tenantId);
  });

  it("refuses what it cannot read", () => {
    expect(() => parseJobArgs([])).toThrow("which job?");
    expect(() => parseJobArgs(["weekly-summary", "retry-emails"])).toThrow("one job at a time");
    expect(() => parseJobArgs(["weekly-summary", "--now"])).toThrow("--now needs a value");
    expect(() => parseJobArgs(["weekly-summary", "--now", "2026-02-30"])).toThrow("not a valid date");
    expect(() => parseJobArgs(["weekly-summary", "--tenant", "acme"])).toThrow("not a tenant id");
    expect(() => parseJobArgs(["weekly-summary", "--verbose"])).toThrow("unknown option --verbose");
  });
});

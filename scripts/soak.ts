/**
 * `npm run test:soak -- [--runs N] [--suite integration|e2e] [-- <test file filters...>]`: runs the integration
 * and the e2e suites N times in a row (default 10; e2e without retries) and prints every failing test of every
 * run, then a tally. Exit code 1 when any run failed. A flaky test is a defect: soak new asynchronous tests here
 * before relying on them. The e2e suite needs a build (`npm run build`) first.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ROOT } from "../tests/test-database";

type Suite = "integration" | "e2e";
type Failure = { run: number; suite: Suite; test: string };

const argv = process.argv.slice(2);
const sep = argv.indexOf("--");
const flags = sep >= 0 ? argv.slice(0, sep) : argv;
const filters = sep >= 0 ? argv.slice(sep + 1) : [];
const flag = (name: string) => {
  const at = flags.indexOf(name);
  return at >= 0 ? flags[at + 1] : undefined;
};
const runs = Number(flag("--runs") ?? 10);
const suites: Suite[] = flag("--suite") ? [flag("--suite") as Suite] : ["integration", "e2e"];
if (!Number.isInteger(runs) || runs < 1 || suites.some((s) => s !== "integration" && s !== "e2e")) {
  console.error("usage: npm run test:soak -- [--runs N] [--suite integration|e2e] [-- <test file filters...>]");
  process.exit(2);
}

const scratch = mkdtempSync(path.join(tmpdir(), "onquota-soak-"));
const bin = (name: string) => path.join(ROOT, "node_modules", ".bin", name);

function run(cmd: string[], env: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(cmd[0]!, cmd.slice(1), { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "inherit"] });
    child.on("error", () => resolve(127));
    child.on("close", (code) => resolve(code ?? 1));
  });
}

/** Failing test names from vitest's JSON report. */
function vitestFailures(file: string): string[] {
  const report = JSON.parse(readFileSync(file, "utf8")) as {
    testResults: Array<{ name: string; message?: string; assertionResults: Array<{ fullName: string; status: string }> }>;
  };
  return report.testResults.flatMap((file) => {
    const failed = file.assertionResults
      .filter((a) => a.status === "failed")
      .map((a) => `${path.relative(ROOT, file.name)} › ${a.fullName}`);
    return failed.length > 0 || !file.message ? failed : [`${path.relative(ROOT, file.name)} › ${file.message.split("\n")[0]}`];
  });
}

type PwSuite = { title: string; specs?: Array<{ title: string; ok: boolean }>; suites?: PwSuite[] };
/** Failing test names from Playwright's JSON report. */
function playwrightFailures(file: string): string[] {
  const report = JSON.parse(readFileSync(file, "utf8")) as { suites: PwSuite[]; errors?: Array<{ message: string }> };
  const walk = (suite: PwSuite, trail: string[]): string[] => [
    ...(suite.specs ?? []).filter((s) => !s.ok).map((s) => [...trail, suite.title, s.title].filter(Boolean).join(" › ")),
    ...(suite.suites ?? []).flatMap((child) => walk(child, [...trail, suite.title])),
  ];
  return [...report.suites.flatMap((s) => walk(s, [])), ...(report.errors ?? []).map((e) => e.message.split("\n")[0]!)];
}

async function runSuite(suite: Suite, index: number): Promise<string[]> {
  const report = path.join(scratch, `${suite}-${index}.json`);
  let code: number;
  try {
    if (suite === "integration") {
      code = await run([bin("vitest"), "run", "--project", "integration", "--reporter=json", `--outputFile=${report}`, ...filters]);
      return code === 0 ? [] : orElse(() => vitestFailures(report), code);
    }
    code = await run(
      [bin("tsx"), "scripts/with-test-db.ts", "--seed", "--", "playwright", "test", "--retries=0", "--reporter=json", ...filters],
      {
        PLAYWRIGHT_JSON_OUTPUT_NAME: report,
      },
    );
    return code === 0 ? [] : orElse(() => playwrightFailures(report), code);
  } catch (error) {
    return [`the runner itself failed: ${(error as Error).message}`];
  }
}

function orElse(read: () => string[], code: number): string[] {
  try {
    const failures = read();
    return failures.length > 0 ? failures : [`exited with ${code} and no failing test in its report`];
  } catch {
    return [`exited with ${code} and wrote no readable report`];
  }
}

const failures: Failure[] = [];
const started = Date.now();
for (let index = 1; index <= runs; index += 1) {
  for (const suite of suites) {
    const began = Date.now();
    const failed = await runSuite(suite, index);
    const seconds = ((Date.now() - began) / 1000).toFixed(0);
    console.log(`run ${index}/${runs} ${suite}: ${failed.length === 0 ? "passed" : `${failed.length} failed`} (${seconds} s)`);
    for (const test of failed) {
      console.log(`  ✗ ${test}`);
      failures.push({ run: index, suite, test });
    }
  }
}
rmSync(scratch, { recursive: true, force: true });

const minutes = ((Date.now() - started) / 60_000).toFixed(1);
console.log(
  `\n${runs} run(s) of ${suites.join(" + ")} in ${minutes} min: ${failures.length === 0 ? "no failures" : `${failures.length} failure(s)`}`,
);
const tally = new Map<string, number>();
for (const f of failures) tally.set(`${f.suite}: ${f.test}`, (tally.get(`${f.suite}: ${f.test}`) ?? 0) + 1);
for (const [test, count] of [...tally].sort((a, b) => b[1] - a[1])) console.log(`  ${count}/${runs}  ${test}`);
process.exit(failures.length === 0 ? 0 : 1);

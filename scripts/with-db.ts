/**
 * Launcher: `tsx scripts/with-db.ts [--no-seed] [--seed] [--keep-db] -- <command...>`
 *
 * 1. Resolves the database: DATABASE_URL if set; otherwise the embedded PostgreSQL in .data/postgres,
 *    started if needed, with a lease (.data/leases/postgres/<pid>) held for as long as we run.
 * 2. Applies migrations (`node scripts/prisma.mjs migrate deploy`).
 * 3. Seeds demo data (`tsx prisma/seed.ts`) when the database has no tenants — embedded database
 *    only, unless --seed; never with --no-seed.
 * 4. Runs the command with DATABASE_URL set, in its own process group; SIGINT/SIGTERM/SIGHUP are
 *    forwarded to the whole group (Next leaves `next-server` children behind otherwise).
 * 5. When it exits: kills what is left of its group, releases the lease, and stops the embedded
 *    server if this was the last lease (unless --keep-db / ONQUOTA_KEEP_DB=1, or `db:url` marked it
 *    "keep running"). The command's exit code passes through.
 *
 * Steps 2–3 run under a PostgreSQL advisory lock, so launchers started together migrate/seed once.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, lstatSync, realpathSync } from "node:fs";
import { constants as osConstants } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
// Relative, not "@/lib/db": the launcher runs before (and without) the tsconfig path aliases of a project copy.
import { migrationStatus, type MigrationStatus } from "../lib/db/migration-status";
import { ensureEmbeddedPostgres, releaseLease } from "./db/embedded";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SETUP_LOCK_KEY = "7310875497371745"; // pg_advisory_lock key for migrate + seed ("onquota")

const log = (msg: string): void => void process.stderr.write(`[db] ${msg}\n`);

function parseArgs(argv: string[]) {
  const sep = argv.indexOf("--");
  const flags = sep >= 0 ? argv.slice(0, sep) : argv.filter((a) => a.startsWith("--"));
  const command = sep >= 0 ? argv.slice(sep + 1) : argv.filter((a) => !a.startsWith("--"));
  const known = new Set(["--no-seed", "--seed", "--keep-db"]);
  for (const f of flags) if (!known.has(f)) throw new Error(`unknown option ${f}`);
  return {
    noSeed: flags.includes("--no-seed"),
    forceSeed: flags.includes("--seed"),
    keep: flags.includes("--keep-db") || /^(1|true|yes)$/i.test(process.env.ONQUOTA_KEEP_DB ?? ""),
    command,
  };
}

export function maskUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.username ? `${u.username}:***@` : ""}${u.host}${u.pathname}`;
  } catch {
    return "(unparseable DATABASE_URL)";
  }
}

const binPath = () => [path.join(ROOT, "node_modules", ".bin"), process.env.PATH ?? ""].join(path.delimiter);

/** Runs a helper to completion, capturing its output (printed only if it fails). */
function runCaptured(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (c: Buffer) => (output += c.toString()));
    child.stderr.on("data", (c: Buffer) => (output += c.toString()));
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code: code ?? 128 + (osConstants.signals[signal as NodeJS.Signals] ?? 0), output }));
  });
}

/**
 * Fast path: when every migration folder is recorded as applied (and none failed), `migrate deploy`
 * would do nothing; skipping it saves the ~2 s the Prisma CLI takes to start.
 */
async function allMigrationsApplied(client: pg.Client): Promise<number | null> {
  let status: MigrationStatus;
  try {
    status = await migrationStatus(client, path.join(ROOT, "prisma", "migrations"));
  } catch {
    return null;
  }
  // Pending or failed migrations: let Prisma apply or report them.
  if (status.pending.length > 0 || status.failed.length > 0) return null;
  for (const name of status.edited) {
    log(
      `warning: migration ${name} was edited after it was applied to this database (reset the embedded one: npm run db:stop && rm -rf .data/postgres)`,
    );
  }
  return status.expected.length;
}

async function migrate(client: pg.Client, env: NodeJS.ProcessEnv): Promise<void> {
  const wrapper = path.join(ROOT, "scripts", "prisma.mjs");
  if (!existsSync(wrapper)) {
    log("scripts/prisma.mjs not found: migrations NOT applied");
    return;
  }
  const started = Date.now();
  const upToDate = await allMigrationsApplied(client);
  if (upToDate !== null) return log(`migrations: up to date (${upToDate} applied)`);
  const { code, output } = await runCaptured(process.execPath, [wrapper, "migrate", "deploy"], env);
  if (code !== 0) {
    process.stderr.write(output);
    throw new Error(`prisma migrate deploy failed (exit ${code})`);
  }
  const applied = [...output.matchAll(/└─ ([^/\s]+)\//g)].map((m) => m[1]).filter((n) => n !== "migration.sql");
  const ms = Date.now() - started;
  if (/No pending migrations/i.test(output)) log(`migrations: up to date (${ms} ms)`);
  else if (applied.length) log(`migrations: applied ${applied.length} (${applied.join(", ")}) in ${ms} ms`);
  else log(`migrations: applied (${ms} ms)`);
}

async function hasTenants(client: pg.Client): Promise<boolean | null> {
  const { rows } = await client.query<{ t: string | null }>("SELECT to_regclass('tenants')::text AS t");
  if (!rows[0]?.t) return null;
  const res = await client.query<{ any: boolean }>("SELECT EXISTS (SELECT 1 FROM tenants) AS any");
  return res.rows[0]?.any ?? false;
}

async function seed(client: pg.Client, env: NodeJS.ProcessEnv): Promise<void> {
  const tenants = await hasTenants(client);
  if (tenants === null) return log("seed: no tenants table (migrations missing?), not seeding");
  if (tenants) return log("seed: demo data present, not seeding");
  const seedFile = path.join(ROOT, "prisma", "seed.ts");
  if (!existsSync(seedFile)) return log("seed: prisma/seed.ts not found, not seeding");
  const started = Date.now();
  const { code, output } = await runCaptured("tsx", [seedFile], env);
  if (code !== 0) {
    process.stderr.write(output);
    throw new Error(`seeding failed (exit ${code})`);
  }
  log(`seed: seeded demo data (${Date.now() - started} ms)`);
}

async function prepare(url: string, opts: { seed: boolean; seedSkipReason: string }, env: NodeJS.ProcessEnv) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  client.on("error", () => undefined);
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [SETUP_LOCK_KEY]);
    await migrate(client, env);
    if (opts.seed) await seed(client, env);
    else log(`seed: ${opts.seedSkipReason}`);
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [SETUP_LOCK_KEY]).catch(() => undefined);
    await client.end().catch(() => undefined);
  }
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals | 0): boolean {
  if (!child.pid) return false;
  try {
    process.kill(-child.pid, signal);
    return true;
  } catch {
    return false;
  }
}

async function main(): Promise<number> {
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (err) {
    log(`${(err as Error).message}\nusage: tsx scripts/with-db.ts [--no-seed] [--seed] [--keep-db] -- <command...>`);
    return 2;
  }
  if (args.command.length === 0) {
    log("usage: tsx scripts/with-db.ts [--no-seed] [--seed] [--keep-db] -- <command...>");
    return 2;
  }

  // Signals that arrive before the command runs abort the start-up (after the current step).
  let interrupted: NodeJS.Signals | null = null;
  let child: ChildProcess | null = null;
  let lastSignalAt = 0;
  let forwarded = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    if (!child) {
      interrupted ??= signal;
      return;
    }
    // A Ctrl+C reaches us twice (from the terminal and relayed by tsx/npm): count it once.
    const now = Date.now();
    if (now - lastSignalAt < 300) return;
    lastSignalAt = now;
    forwarded++;
    signalGroup(child, forwarded >= 3 ? "SIGKILL" : signal);
  };
  for (const s of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(s, onSignal);

  const started = Date.now();
  const external = process.env.DATABASE_URL;
  let leased = false;
  let exitCode = 1;
  try {
    let url: string;
    if (external) {
      url = external;
      log(`using DATABASE_URL ${maskUrl(url)}`);
    } else {
      const server = await ensureEmbeddedPostgres({ lease: true, onLog: log });
      leased = true;
      url = server.url;
      const rel = server.dataDir.startsWith(ROOT + path.sep) ? path.relative(ROOT, server.dataDir) : server.dataDir;
      const link = lstatSync(server.dataDir).isSymbolicLink() ? ` → ${realpathSync(server.dataDir)}` : "";
      log(`embedded PostgreSQL at 127.0.0.1:${server.port} (${rel}${link}), ${server.startedByUs ? "started" : "already running, reused"}`);
    }
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: url, PATH: binPath() };
    // On the embedded database (a developer's machine) `npm start` keeps mail in the development outbox too.
    if (!external && env.EMAIL_OUTBOX === undefined) env.EMAIL_OUTBOX = "1";
    if (interrupted) return 130;

    const doSeed = !args.noSeed && (!external || args.forceSeed);
    const seedSkipReason = args.noSeed ? "skipped (--no-seed)" : "skipped for DATABASE_URL (pass --seed to seed an empty database)";
    await prepare(url, { seed: doSeed, seedSkipReason }, env);
    if (interrupted) return 130;
    log(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s, running: ${args.command.join(" ")}`);

    exitCode = await new Promise<number>((resolve) => {
      const [cmd, ...rest] = args.command as [string, ...string[]];
      const c = spawn(cmd, rest, { cwd: process.cwd(), env, stdio: "inherit", detached: true });
      child = c;
      c.on("error", (err) => {
        log(`cannot run ${cmd}: ${err.message}`);
        resolve(127);
      });
      c.on("exit", (code, signal) => resolve(code ?? 128 + (osConstants.signals[signal as NodeJS.Signals] ?? 0)));
    });

    // Whatever the command left running in its group (e.g. next-server): TERM, then KILL.
    const c = child as ChildProcess | null;
    if (c && signalGroup(c, 0)) {
      signalGroup(c, "SIGTERM");
      const deadline = Date.now() + 5000;
      while (signalGroup(c, 0) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      signalGroup(c, "SIGKILL");
    }
    return exitCode;
  } catch (err) {
    log(`error: ${(err as Error).message}`);
    return 1;
  } finally {
    if (leased) {
      try {
        const { stopped, remaining } = await releaseLease({ keep: args.keep });
        if (stopped) log("embedded PostgreSQL stopped (last user)");
        else if (remaining > 0) log(`embedded PostgreSQL left running (${remaining} other user${remaining > 1 ? "s" : ""})`);
        else log("embedded PostgreSQL left running (keep); stop it with `npm run db:stop`");
      } catch (err) {
        log(`could not release the lease: ${(err as Error).message}`);
      }
    }
  }
}

process.exitCode = await main();
// Don't let a stray handle (pg socket, timers) keep the launcher alive.
setTimeout(() => process.exit(), 100).unref();

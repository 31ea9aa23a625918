/**
 * `tsx scripts/with-test-db.ts [--empty] [--seed] -- <command...>`: runs a command against a fresh test
 * database (tests/test-database.ts), migrated unless --empty and seeded with the demo data when --seed,
 * with DATABASE_URL and E2E_DATABASE_URL set; drops the database afterwards. The exit code passes through.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { createTestDatabase, ROOT } from "../tests/test-database";

const argv = process.argv.slice(2);
const sep = argv.indexOf("--");
const flags = sep >= 0 ? argv.slice(0, sep) : [];
const command = sep >= 0 ? argv.slice(sep + 1) : argv;
if (command.length === 0) {
  console.error("usage: tsx scripts/with-test-db.ts [--empty] [--seed] -- <command...>");
  process.exit(2);
}

function run(cmd: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(cmd[0]!, cmd.slice(1), { cwd: ROOT, env, stdio: "inherit" });
    child.on("error", () => resolve(127));
    child.on("close", (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

const database = await createTestDatabase({ migrated: !flags.includes("--empty") });
const env = {
  ...process.env,
  DATABASE_URL: database.url,
  E2E_DATABASE_URL: database.url,
  PATH: [path.join(ROOT, "node_modules", ".bin"), process.env.PATH ?? ""].join(path.delimiter),
};
let code = 0;
try {
  if (flags.includes("--seed")) code = await run(["tsx", "prisma/seed.ts"], env);
  if (code === 0) code = await run(command, env);
} finally {
  await database.teardown();
}
process.exit(code);

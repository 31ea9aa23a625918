/**
 * Pointing the process's database users (the Prisma client and the notification stream's LISTEN connection,
 * both created on first use) at another database; and a fresh migrated database of one test file's own, for
 * tests of tenant-wide jobs (email retries) whose totals must not count rows that other files, running at
 * the same time, leave in the run's shared database.
 */
import { afterAll, beforeAll } from "vitest";
import { closeDatabase } from "@/lib/db/prisma";
import { liveHub } from "@/lib/notifications/live";
import { createTestDatabase, type TestDatabase } from "../test-database";

export async function pointDatabaseAt(url: string | undefined): Promise<void> {
  await liveHub().close();
  await closeDatabase();
  if (url === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = url;
}

/** Call at the top of the file, before any hook that touches the database. */
export function withPrivateDatabase(): void {
  let database: TestDatabase | undefined;
  const sharedUrl = process.env.DATABASE_URL;
  beforeAll(async () => {
    database = await createTestDatabase();
    await pointDatabaseAt(database.url);
  });
  afterAll(async () => {
    await pointDatabaseAt(sharedUrl);
    await database?.teardown();
  });
}

/**
 * vitest globalSetup of the `integration` project: a fresh migrated database (tests/test-database.ts)
 * whose URL reaches the workers through provide/inject (tests/setup-env.ts copies it into
 * process.env.DATABASE_URL). Teardown drops it.
 */
import type { TestProject } from "vitest/node";
import { createTestDatabase } from "./test-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const database = await createTestDatabase();
  project.provide("databaseUrl", database.url);
  process.env.DATABASE_URL = database.url;
  return database.teardown;
}

import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/log";

export { Prisma } from "@/lib/generated/prisma/client";
export type { PrismaClient } from "@/lib/generated/prisma/client";

/** One pg pool per process, shared by the Prisma client and the hot raw reads (`queryRows`). */
type Connections = { pool: pg.Pool; prisma: PrismaClient };

function connect(): Connections {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) {
    throw new Error(
      "DATABASE_URL is not set. Start the app through `npm run dev` / `npm start`, which provide the embedded database, or set DATABASE_URL.",
    );
  }
  const pool = new pg.Pool({ connectionString, max: Number(process.env.DATABASE_POOL_SIZE ?? 10), connectionTimeoutMillis: 5_000 });
  // An idle connection the server closed (restart, admin kill): the pool drops it and opens another when needed.
  pool.on("error", (err) => logger.warn({ err }, "database: an idle connection was lost"));
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return { pool, prisma };
}

const globalForDb = globalThis as unknown as { onquotaDatabase?: Connections };

const connections = (): Connections => (globalForDb.onquotaDatabase ??= connect());

/** The process-wide Prisma client, created on first use (so importing this module never connects). */
export function db(): PrismaClient {
  return connections().prisma;
}

/** The pool under `db()`. */
export function dbPool(): pg.Pool {
  return connections().pool;
}

/** Closes the pool; the next `db()` connects again, to the DATABASE_URL of that moment. */
export async function closeDatabase(): Promise<void> {
  const open = globalForDb.onquotaDatabase;
  delete globalForDb.onquotaDatabase;
  if (!open) return;
  await open.prisma.$disconnect();
  await open.pool.end();
}

export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

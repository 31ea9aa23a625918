import { createHash } from "node:crypto";
import pg from "pg";
import { dbPool, Prisma, type Tx } from "./prisma";

const DATE = 1082;
const TIMESTAMP = 1114;
const NUMERIC = 1700;

/** Values come back as `$queryRaw` gives them: numeric as Decimal, a date as that day's UTC midnight, timestamps in UTC. */
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: "text" | "binary") => {
    if (oid === NUMERIC) return (text: string) => new Prisma.Decimal(text);
    if (oid === DATE) return (text: string) => new Date(`${text}T00:00:00.000Z`);
    if (oid === TIMESTAMP) return (text: string) => new Date(`${text.replace(" ", "T")}Z`);
    return pg.types.getTypeParser(oid, format);
  }) as pg.CustomTypesConfig["getTypeParser"],
};

/** Parameters as Prisma sends them: instants in UTC, decimals as their exact text. */
export function toParameter(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Prisma.Decimal.isDecimal(value)) return value.toString();
  return value;
}

/**
 * A read-only statement of the hottest routes (bearer check, unread count, list page, board, totals) straight
 * through pg on the Prisma client's own pool: a third of `$queryRaw`'s CPU per call (see docs/performance.md).
 * Writes and transactions stay on Prisma: given a transaction, the statement runs in it (through `$queryRaw`, whose
 * values match these).
 */
export async function queryRows<Row>(sql: Prisma.Sql, tx?: Tx): Promise<Row[]> {
  if (tx) return tx.$queryRaw<Row[]>(sql);
  return poolRows<Row>(sql);
}

/**
 * `queryRows` for a hot read whose statement takes a few shapes only (the board's: by role, filters and cursor):
 * prepared once per pooled connection under a name taken from its text, so PostgreSQL parses it once per connection
 * and, after five runs, keeps a generic plan when it costs no more than planning each call (the board's planning was
 * a third of its time). Never for a statement whose text varies with its values: each shape stays prepared on every
 * connection of the pool.
 */
export function queryPreparedRows<Row>(sql: Prisma.Sql): Promise<Row[]> {
  return poolRows<Row>(sql, `oq_${createHash("sha1").update(sql.text).digest("base64url")}`);
}

async function poolRows<Row>(sql: Prisma.Sql, name?: string): Promise<Row[]> {
  const result = await dbPool().query({ name, text: sql.text, values: sql.values.map(toParameter), types });
  return result.rows as Row[];
}

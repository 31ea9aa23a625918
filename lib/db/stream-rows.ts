import { dbPool, type Prisma } from "./prisma";
import { toParameter } from "./raw-rows";

/**
 * The rows of a read-only statement in batches, through a server-side cursor on one pooled connection, so a
 * result of any size streams in constant memory. Rows come as arrays of column values in SELECT order. Stopping
 * early (the consumer breaks out, the client goes away) closes the cursor and gives the connection back.
 */
export async function* streamRows(sql: Prisma.Sql, batchSize = 1_000): AsyncGenerator<unknown[][]> {
  const client = await dbPool().connect();
  let broken = false;
  try {
    await client.query("BEGIN READ ONLY");
    await client.query({ text: `DECLARE stream_rows NO SCROLL CURSOR FOR ${sql.text}`, values: sql.values.map(toParameter) });
    for (;;) {
      const batch = await client.query<unknown[]>({ text: `FETCH ${batchSize} FROM stream_rows`, rowMode: "array" });
      if (batch.rows.length === 0) break;
      yield batch.rows;
    }
    await client.query("COMMIT");
  } catch (error) {
    broken = true;
    throw error;
  } finally {
    if (!broken) await client.query("ROLLBACK").catch(() => undefined);
    client.release(broken);
  }
}

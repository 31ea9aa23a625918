/** Rows are read and written in pages of this size, so a check's memory stays flat however many rows match. */
export const PAGE_SIZE = 1000;

/**
 * Keyset pagination: `fetchPage(after)` returns the page after the last row of the previous one (ordered by a
 * unique key), and the loop ends on a short page. Never OFFSET, so the 100th page costs what the first does.
 */
export async function* keysetPages<Row>(fetchPage: (after: Row | undefined) => Promise<Row[]>, size = PAGE_SIZE): AsyncGenerator<Row[]> {
  let after: Row | undefined;
  for (;;) {
    const rows = await fetchPage(after);
    if (rows.length > 0) yield rows;
    if (rows.length < size) return;
    after = rows.at(-1);
  }
}

export function chunks<T>(items: readonly T[], size = PAGE_SIZE): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size) out.push(items.slice(start, start + size));
  return out;
}

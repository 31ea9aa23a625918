/** A column of an exported table: its header, how its text value is written, and its width in a spreadsheet. */
export type ExportColumn = { header: string; kind: "text" | "money" | "percent" | "date" | "instant"; width: number };

/** Rows as column values in column order: text (decimals and dates as their exact ISO text) or null. */
export type RowBatches = AsyncIterable<unknown[][]>;

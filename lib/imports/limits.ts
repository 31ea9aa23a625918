import { ValidationError } from "@/lib/errors";

/** The most data rows one file may hold. */
export const MAX_IMPORT_ROWS = 50_000;

export const tooManyRows = (maxRows: number) => ValidationError.field("file", `has more than ${maxRows} rows; split it into smaller files`);

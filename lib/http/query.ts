import { z } from "zod";

/** Query strings carry text: these coerce the few shapes our filters use, strictly. */
export const queryBoolean = z.enum(["true", "false"], { message: "must be true or false" }).transform((v) => v === "true");

export const queryInt = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,9}$/, "must be a whole number")
    .transform(Number)
    .pipe(z.number().int().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));

/** The days a report may be asked about: a window's bounds and "as of" must stay inside what an instant can hold. */
export const FIRST_QUERY_DAY = "1900-01-01";
export const LAST_QUERY_DAY = "2999-12-31";

export const queryDay = z.iso
  .date({ message: "must be a date YYYY-MM-DD" })
  .refine((day) => day >= FIRST_QUERY_DAY && day <= LAST_QUERY_DAY, {
    message: `must be a date between ${FIRST_QUERY_DAY} and ${LAST_QUERY_DAY}`,
  });

export const MAX_PAGE_SIZE = 100;

export const paginationQuery = z.object({
  page: queryInt(1, 1_000_000).default(1).meta({ description: "Page number, from 1." }),
  page_size: queryInt(1, MAX_PAGE_SIZE).default(20).meta({ description: "Items per page (1–100)." }),
});

export type PageRequest = { page: number; page_size: number };

export function searchParamsToObject(params: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of params) out[key] = value;
  return out;
}

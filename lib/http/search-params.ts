import type { z } from "zod";

export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The first value of each search parameter. */
export function firstValues(params: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined && first !== "") out[key] = first;
  }
  return out;
}

/** A page's list query from its URL: the same schema as the API; a hand-edited bad value falls back to the defaults. */
export function listQueryFrom<S extends z.ZodType>(schema: S, params: Record<string, string>): z.output<S> {
  const parsed = schema.safeParse(params);
  return parsed.success ? parsed.data : schema.parse({});
}

/** The page_size to carry into pagination links, when it is not the default. */
export function pageSizeParam(query: { page_size: number }): string | undefined {
  return query.page_size === 20 ? undefined : String(query.page_size);
}

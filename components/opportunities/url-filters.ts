import { z } from "zod";

/** Filter values read from a page's URL: a hand-edited bad value is ignored rather than failing the page. */

const uuid = z.uuid();

export function uuidParam(value: string | undefined): string | undefined {
  return value !== undefined && uuid.safeParse(value).success ? value : undefined;
}

/** Search text: trimmed, at most 200 characters (the API's limit), empty → none. */
export function textParam(value: string | undefined): string | undefined {
  const text = value?.trim().slice(0, 200);
  return text ? text : undefined;
}

/** The `owner` filter applies to supervisors and admins only; a rep always sees their own deals. */
export function ownerParam(params: Record<string, string>, manager: boolean): string | undefined {
  return manager ? uuidParam(params.owner) : undefined;
}

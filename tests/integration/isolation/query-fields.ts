import type { z } from "zod";

/** What a query parameter accepts, as far as filtering goes: an id, one of some values, or anything else. */
export type QueryField =
  { name: string; kind: "id" } | { name: string; kind: "choice"; values: string[] } | { name: string; kind: "other" };

type Def = { type: string; format?: string; innerType?: z.ZodType; in?: z.ZodType; entries?: Record<string, string> };

function leaf(schema: z.ZodType): Def {
  let def = (schema as unknown as { _zod: { def: Def } })._zod.def;
  for (;;) {
    const next = def.innerType ?? (def.type === "pipe" ? def.in : undefined);
    if (!next) return def;
    def = (next as unknown as { _zod: { def: Def } })._zod.def;
  }
}

/** The parameters of an operation's query schema (a z.object), classified from the schema itself. */
export function queryFields(schema: z.ZodType | undefined): QueryField[] {
  if (!schema) return [];
  const shape = (schema as unknown as { shape?: Record<string, z.ZodType> }).shape ?? {};
  return Object.entries(shape).map(([name, field]) => {
    const def = leaf(field);
    if (def.type === "string" && def.format === "uuid") return { name, kind: "id" };
    if (def.type === "enum" && def.entries) return { name, kind: "choice", values: Object.values(def.entries) };
    return { name, kind: "other" };
  });
}

/** The top-level keys a body schema (a z.object) names. */
export function bodyKeys(schema: z.ZodType | undefined): string[] {
  return Object.keys((schema as unknown as { shape?: Record<string, unknown> } | undefined)?.shape ?? {});
}

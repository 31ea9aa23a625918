import { z } from "zod";
import type { ZodOpenApiOverrideContext } from "zod-openapi";

type JsonSchema = Record<string, unknown>;

/** Formats whose generated regex only repeats what the format already says. */
const SELF_DESCRIBING_FORMATS = new Set(["uuid", "date", "date-time", "time", "email", "uri", "ipv4", "ipv6"]);
/** Keywords that describe the wire type of a value, replaced when a coerced query value is documented by its target type. */
const TYPE_KEYWORDS = ["type", "pattern", "format", "minLength", "maxLength", "enum", "const", "anyOf", "oneOf"];

/**
 * Tidies the JSON Schema zod renders so the document reads well: coerced query values are documented by the
 * type they parse to (`page` is an integer 1–…, default 1, not a digit string), and noise is dropped.
 */
export function tidySchema({ jsonSchema, zodSchema, io }: ZodOpenApiOverrideContext) {
  const schema = jsonSchema as JsonSchema;
  const def = zodSchema._zod.def;
  if (io === "input" && def.type === "pipe") documentParsedType(schema, def as unknown as PipeDef);
  if (io === "input" && def.type === "default" && schema.default === undefined) {
    schema.default = jsonSafe((def as unknown as { defaultValue: unknown }).defaultValue);
  }
  dropRedundantKeywords(schema);
}

type PipeDef = { in: z.core.$ZodType; out: z.core.$ZodType };

/**
 * Query strings are text, but `"20" → transform → pipe(number)` is documented as the integer it becomes, with
 * its bounds, and `"true" | "false" → boolean` as a boolean. `string → pipe(email)` gains the email format.
 */
function documentParsedType(schema: JsonSchema, def: PipeDef) {
  if (isTransform(def.out)) {
    if (isBooleanText(schema.enum)) {
      for (const key of TYPE_KEYWORDS) delete schema[key];
      schema.type = "boolean";
    }
    return;
  }
  const target = z.toJSONSchema(def.out, { io: "output", unrepresentable: "any" }) as JsonSchema;
  delete target.$schema;
  if (typeof target.type !== "string" || "$ref" in target || "$defs" in target) return;
  if (chainTransforms(def.in)) {
    for (const key of TYPE_KEYWORDS) delete schema[key];
  } else if (target.type !== schema.type) {
    return;
  }
  for (const [key, value] of Object.entries(target)) schema[key] ??= value;
}

function isBooleanText(values: unknown): boolean {
  return Array.isArray(values) && values.length === 2 && values.includes("true") && values.includes("false");
}

function dropRedundantKeywords(schema: JsonSchema) {
  if (typeof schema.format === "string" && SELF_DESCRIBING_FORMATS.has(schema.format)) delete schema.pattern;
  if (schema.minimum === Number.MIN_SAFE_INTEGER) delete schema.minimum;
  if (schema.maximum === Number.MAX_SAFE_INTEGER) delete schema.maximum;
  // A schema whose metadata states its types (decimals: ["string", "number"]) keeps those rather than the union of bare types.
  const statesType = typeof schema.type === "string" || Array.isArray(schema.type);
  if (statesType && Array.isArray(schema.anyOf) && schema.anyOf.every(isBareType)) delete schema.anyOf;
}

function isTransform(schema: z.core.$ZodType): boolean {
  return schema._zod.traits.has("$ZodTransform");
}

function chainTransforms(schema: z.core.$ZodType): boolean {
  const def = schema._zod.def as { type: string; in?: z.core.$ZodType; out?: z.core.$ZodType };
  if (isTransform(schema)) return true;
  if (def.type !== "pipe" || !def.in || !def.out) return false;
  return chainTransforms(def.in) || chainTransforms(def.out);
}

function isBareType(branch: unknown): boolean {
  return typeof branch === "object" && branch !== null && Object.keys(branch).length === 1 && "type" in branch;
}

function jsonSafe(value: unknown): unknown {
  try {
    return JSON.parse(JSON.stringify(value));
  } catch {
    return undefined;
  }
}

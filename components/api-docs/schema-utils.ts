import type { JsonSchema, Schemas } from "./model";

export function refName(ref: string): string {
  return ref.split("/").pop() ?? ref;
}

/** Follows a component `$ref` (one level is enough: components never point at bare refs). */
export function resolveSchema(schema: JsonSchema, schemas: Schemas): JsonSchema {
  return schema.$ref ? (schemas[refName(schema.$ref)] ?? {}) : schema;
}

function types(schema: JsonSchema): string[] {
  if (Array.isArray(schema.type)) return schema.type;
  return schema.type ? [schema.type] : [];
}

/** A short human label: "string (uuid)", "User", "array of User", "string | null". */
export function typeLabel(schema: JsonSchema): string {
  if (schema.$ref) return refName(schema.$ref);
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return variants.map(typeLabel).join(" | ");
  if (schema.allOf?.length === 1) return typeLabel(schema.allOf[0]!);
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  const labels = types(schema).map((type) => {
    if (type === "array") return `array of ${schema.items ? typeLabel(schema.items) : "any"}`;
    if (schema.format && type !== "null") return `${type} (${schema.format})`;
    return type;
  });
  if (schema.enum && labels.length === 0) return "enum";
  return labels.join(" | ") || "any";
}

/** Object properties (possibly behind a ref, an array or a nullable union) that deserve a nested list. */
export function nestedObject(schema: JsonSchema, schemas: Schemas): { schema: JsonSchema; ref?: string } | undefined {
  const candidates = [schema, ...(schema.anyOf ?? schema.oneOf ?? []), ...(schema.allOf ?? [])];
  for (const candidate of candidates) {
    const target = candidate.items ?? candidate;
    const resolved = resolveSchema(target, schemas);
    if (resolved.properties) return { schema: resolved, ref: target.$ref };
  }
  return undefined;
}

export function enumValues(nullable: JsonSchema, schemas: Schemas): unknown[] | undefined {
  const schema = nonNull(nullable);
  const resolved = resolveSchema(schema.items ?? schema, schemas);
  return resolved.enum;
}

/** The non-null branch of a nullable union (`string | null` → the string schema), else the schema itself. */
function nonNull(schema: JsonSchema): JsonSchema {
  const branches = (schema.anyOf ?? schema.oneOf)?.filter((branch) => branch.type !== "null");
  return branches?.length === 1 ? branches[0]! : schema;
}

/** Validation keywords worth showing next to a field, as short phrases. */
export function constraints(nullable: JsonSchema): string[] {
  const schema = nonNull(nullable);
  const out: string[] = [];
  if (schema.minimum !== undefined) out.push(`≥ ${schema.minimum}`);
  if (schema.exclusiveMinimum !== undefined) out.push(`> ${schema.exclusiveMinimum}`);
  if (schema.maximum !== undefined) out.push(`≤ ${schema.maximum}`);
  if (schema.exclusiveMaximum !== undefined) out.push(`< ${schema.exclusiveMaximum}`);
  if (schema.minLength !== undefined && schema.maxLength !== undefined) out.push(`${schema.minLength}–${schema.maxLength} chars`);
  else if (schema.minLength !== undefined) out.push(`at least ${schema.minLength} chars`);
  else if (schema.maxLength !== undefined) out.push(`at most ${schema.maxLength} chars`);
  if (schema.minItems !== undefined) out.push(`at least ${schema.minItems} items`);
  if (schema.maxItems !== undefined) out.push(`at most ${schema.maxItems} items`);
  if (schema.pattern) out.push(`pattern ${schema.pattern}`);
  return out;
}

/** A scalar as it would be typed: strings without JSON quotes, everything else as JSON. */
export function displayValue(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

export function exampleOf(schema: JsonSchema): unknown {
  if (schema.example !== undefined) return schema.example;
  return schema.examples?.[0];
}

const FORMAT_SAMPLES: Record<string, string> = {
  uuid: "00000000-0000-4000-8000-000000000000",
  date: "2025-01-31",
  "date-time": "2025-01-31T12:00:00Z",
  email: "user@example.com",
  uri: "https://example.com",
};

/** A plausible value for a schema: its example, default, first enum value, or one built from its shape. */
export function sampleOf(schema: JsonSchema, schemas: Schemas, seen: ReadonlySet<string> = new Set()): unknown {
  const example = exampleOf(schema);
  if (example !== undefined) return example;
  if (schema.default !== undefined) return schema.default;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  if (schema.$ref) {
    const name = refName(schema.$ref);
    return seen.has(name) ? null : sampleOf(resolveSchema(schema, schemas), schemas, new Set([...seen, name]));
  }
  const variant = (schema.anyOf ?? schema.oneOf)?.find((s) => s.type !== "null") ?? schema.allOf?.[0];
  if (variant) return sampleOf(variant, schemas, seen);
  const type = types(schema).find((t) => t !== "null");
  switch (type) {
    case "object":
      return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([key, value]) => [key, sampleOf(value, schemas, seen)]));
    case "array":
      return schema.items ? [sampleOf(schema.items, schemas, seen)] : [];
    case "string":
      return (schema.format && FORMAT_SAMPLES[schema.format]) ?? "string";
    case "integer":
    case "number":
      return schema.minimum ?? 0;
    case "boolean":
      return false;
    default:
      return null;
  }
}

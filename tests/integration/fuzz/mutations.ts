import fc from "fast-check";
import type { Operation } from "@/lib/http/operation";
import { searchParamsToObject } from "@/lib/http/query";
import type { ApiRequest } from "../isolation/requests";
import { bodyKeys, queryFields } from "../isolation/query-fields";
import { badPathParam, badString, badValue, rawBody } from "./bad-values";

/** One change to a valid request. */
export type Mutation =
  | { kind: "field"; key: string; value: unknown }
  | { kind: "element"; key: string; value: unknown }
  | { kind: "extra"; key: string; value: unknown; inElement: boolean }
  | { kind: "body"; value: unknown }
  | { kind: "raw"; text: string }
  | { kind: "query"; key: string; values: string[] }
  | { kind: "param"; key: string; value: string }
  | { kind: "taint"; in: "body" | "query"; key: string; text: string; atEnd: boolean };

export type MutatedRequest = ApiRequest & { rawBody?: string };

/** Text that is fine in a field's value but troublesome on its way to the database. */
const TAINTS = ["\u0000", "\ud800", "\udfff", "😀", "\u202e", "\ufeff", "%", "_", "\\", "'", "x".repeat(100_000)];

const EXTRA_KEYS = ["tenant_id", "id", "is_deleted", "__proto__", "constructor", "created_at", "version", "role", "password_hash"];

/** The mutations that apply to an operation, given one valid request of it. */
export function mutationsOf(op: Operation, example: ApiRequest): fc.Arbitrary<Mutation> {
  const options: Array<fc.Arbitrary<Mutation>> = [];
  if (op.body && op.textBody) {
    // A file's text: garbage, broken CSV/XML, and the valid file with a tainted line.
    const valid = example.rawBody ?? "";
    options.push(
      fc.record({ kind: fc.constant("raw" as const), text: rawBody }),
      fc.record({
        kind: fc.constant("raw" as const),
        text: fc.constantFrom(...TAINTS).map((taint) => `${valid}${taint},${taint},${taint}\n`),
      }),
      fc.record({ kind: fc.constant("raw" as const), text: fc.string({ unit: "binary", maxLength: 500 }) }),
    );
  } else if (op.body) {
    const body = example.body as Record<string, unknown>;
    const keys = [...new Set([...bodyKeys(op.body), ...Object.keys(body)])];
    const arrays = Object.keys(body).filter((key) => Array.isArray(body[key]));
    const unknownKey = fc
      .oneof(fc.constantFrom(...EXTRA_KEYS), fc.string({ minLength: 1, maxLength: 20 }))
      .filter((key) => !keys.includes(key));
    options.push(
      fc.record({ kind: fc.constant("field" as const), key: fc.constantFrom(...keys), value: badValue }),
      fc.record({ kind: fc.constant("extra" as const), key: unknownKey, value: badValue, inElement: fc.constant(false) }),
      fc.record({ kind: fc.constant("body" as const), value: badValue }),
      fc.record({ kind: fc.constant("raw" as const), text: rawBody }),
    );
    const strings = Object.keys(body).filter((key) => typeof body[key] === "string");
    if (strings.length > 0)
      options.push(
        fc.record({
          kind: fc.constant("taint" as const),
          in: fc.constant("body" as const),
          key: fc.constantFrom(...strings),
          text: fc.constantFrom(...TAINTS),
          atEnd: fc.boolean(),
        }),
      );
    if (arrays.length > 0) {
      options.push(fc.record({ kind: fc.constant("element" as const), key: fc.constantFrom(...arrays), value: badValue }));
      const objectArrays = arrays.filter((key) => typeof (body[key] as unknown[])[0] === "object");
      if (objectArrays.length > 0)
        options.push(
          fc.record({
            kind: fc.constant("extra" as const),
            key: fc.constantFrom(...objectArrays),
            value: badValue,
            inElement: fc.constant(true),
          }),
        );
    }
  }
  if (op.query) {
    const names = queryFields(op.query).map((field) => field.name);
    const key = fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...names) },
      { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 10 }) },
    );
    options.push(
      fc.record({ kind: fc.constant("query" as const), key, values: fc.array(badString, { minLength: 1, maxLength: 3 }) }),
      fc.record({
        kind: fc.constant("taint" as const),
        in: fc.constant("query" as const),
        key: fc.constantFrom(...names),
        text: fc.constantFrom(...TAINTS),
        atEnd: fc.boolean(),
      }),
    );
  }
  for (const name of Object.keys(example.params ?? {}))
    options.push(fc.record({ kind: fc.constant("param" as const), key: fc.constant(name), value: badPathParam }));
  return fc.oneof(...options);
}

/** The request with the mutation applied. */
export function applyMutation(request: ApiRequest, mutation: Mutation): MutatedRequest {
  const body = request.body as Record<string, unknown> | undefined;
  switch (mutation.kind) {
    case "field":
      return {
        ...request,
        body: Object.fromEntries([...Object.entries(body ?? {}).filter(([k]) => k !== mutation.key), [mutation.key, mutation.value]]),
      };
    case "element": {
      const list = [...((body?.[mutation.key] as unknown[]) ?? [])];
      list[0] = mutation.value;
      return { ...request, body: { ...body, [mutation.key]: list } };
    }
    case "extra": {
      if (!mutation.inElement)
        return { ...request, body: Object.fromEntries([...Object.entries(body ?? {}), [mutation.key, mutation.value]]) };
      const list = [...((body?.[mutation.key] as Array<Record<string, unknown>>) ?? [])];
      list[0] = Object.fromEntries([...Object.entries(list[0] ?? {}), ["unexpected", mutation.value]]);
      return { ...request, body: { ...body, [mutation.key]: list } };
    }
    case "body":
      return { ...request, body: undefined, rawBody: JSON.stringify(mutation.value) ?? "null" };
    case "raw":
      return { ...request, body: undefined, rawBody: mutation.text };
    case "query": {
      const pairs = [...new URLSearchParams(request.query ?? {})].filter(([k]) => k !== mutation.key);
      return { ...request, query: [...pairs, ...mutation.values.map((v): [string, string] => [mutation.key, v])] };
    }
    case "param":
      return { ...request, params: { ...request.params, [mutation.key]: mutation.value } };
    case "taint": {
      const stain = (value: string) => (mutation.atEnd ? `${value}${mutation.text}` : `${mutation.text}${value}`);
      if (mutation.in === "body") return { ...request, body: { ...body, [mutation.key]: stain(String(body?.[mutation.key])) } };
      const query = Object.fromEntries(new URLSearchParams(request.query ?? {}));
      return { ...request, query: { ...query, [mutation.key]: stain(query[mutation.key] ?? "a") } };
    }
  }
}

/**
 * What the API must answer, judged by the operation's own schemas as the server will see the input (after JSON
 * and URL encoding): a status it must give, or null when the input is valid and any non-5xx answer may do.
 * An unknown body field, and text with a NUL character, are never valid.
 */
export function requiredStatus(op: Operation, request: MutatedRequest, mutation: Mutation): number | null {
  // PostgreSQL cannot store U+0000 in text: a value carrying one is refused as invalid, never half-written.
  if (mutation.kind === "taint" && mutation.text === "\u0000") return 422;
  if (mutation.kind === "param") return op.params?.safeParse(request.params).success ? null : 404;
  if (mutation.kind === "query" || (mutation.kind === "taint" && mutation.in === "query")) {
    const query = searchParamsToObject(new URLSearchParams(new URLSearchParams(request.query ?? {}).toString()));
    return op.query?.safeParse(query).success ? null : 422;
  }
  // A file's text: the file's own rules decide (every bad row is a 422); any answer below 500 may do.
  if (op.textBody) return null;
  let parsed: unknown;
  const text = request.rawBody ?? JSON.stringify(request.body);
  try {
    parsed = text.trim() === "" ? {} : JSON.parse(text);
  } catch {
    return 400;
  }
  if (text.length > 1_000_000) return 400;
  if (mutation.kind === "extra") return 422;
  return op.body?.safeParse(parsed).success ? null : 422;
}

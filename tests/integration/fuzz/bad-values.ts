import fc from "fast-check";

/** Values no field of the API should choke on: each must end in a 4xx when it is not valid for the field. */
const HUGE = "x".repeat(100_000);

export const badStrings: string[] = [
  "",
  "   ",
  HUGE,
  "é".repeat(60_000),
  "😀".repeat(30_000),
  "\u0000",
  "a\u0000b",
  "\ud800",
  "x\udfffy",
  "\u202e\u200b\ufeff",
  "' OR 1=1 --",
  "%",
  "_",
  "\\",
  "<script>alert(1)</script>",
  "NaN",
  "Infinity",
  "-Infinity",
  "1e309",
  "-1",
  "-0.01",
  "0",
  "0x10",
  "1,000.00",
  "1e3",
  " 12 ",
  "12.345",
  "99999999999999999999.999",
  "999999999999999999999999999999",
  "0000-01-01",
  "275760-09-14",
  "2026-02-30",
  "2026-13-01",
  "2026-1-1",
  "2026-01-01T00:00:00Z",
  "9999-12-31",
  "-001000-01-01",
  "not-a-uuid",
  "00000000-0000-0000-0000-000000000000",
  "ZZZZZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZZZZZZZZZ",
  "true",
  "null",
];

const numbers: number[] = [1e308, -1e308, -1, 0, -0, 0.5, 1.005, 2 ** 53 + 2, -(2 ** 31), 2 ** 31, 101, 1e21];

/** An object or array nested `depth` levels deep. */
export function nested(depth: number, asArray: boolean): unknown {
  let value: unknown = "leaf";
  for (let i = 0; i < depth; i++) value = asArray ? [value] : { a: value };
  return value;
}

export const badString = fc.oneof(fc.constantFrom(...badStrings), fc.string({ unit: "binary", maxLength: 300 }), fc.uuid());

/** A JSON value of any type, biased towards the troublesome ones. */
export const badValue: fc.Arbitrary<unknown> = fc.oneof(
  badString,
  fc.constantFrom<unknown>(null, true, false, {}, [], ...numbers),
  fc.double(),
  fc.integer(),
  fc.integer({ min: 2, max: 2000 }).chain((depth) => fc.boolean().map((asArray) => nested(depth, asArray))),
  fc.array(badString, { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 10 }), badString, { maxKeys: 5 }),
  fc.jsonValue({ maxDepth: 4 }),
);

/** A body that is not JSON at all, or JSON that is not an object. */
export const rawBody = fc.oneof(
  fc.constantFrom("{", '{"a":1}}', "nul\u0000l", "<xml/>", "undefined", "NaN", "'single'", '{"__proto__":{"x":1}', "[", HUGE),
  fc.string({ unit: "binary", maxLength: 200 }),
);

/** A path parameter that is not an id (never empty or a dot segment, which would address another route). */
export const badPathParam = fc
  .oneof(
    fc.constantFrom(...badStrings),
    fc.string({ unit: "binary", maxLength: 100 }),
    fc.uuid(),
    fc.uuid().map((u) => u.toUpperCase()),
  )
  .filter((value) => value !== "" && value !== "." && value !== ".." && encodable(value));

function encodable(value: string): boolean {
  try {
    encodeURIComponent(value);
    return true;
  } catch {
    return false; // a lone surrogate cannot be written in a URL at all
  }
}

import { describe, expect, it } from "vitest";
import { parseStreamId } from "./stream-ids";

describe("parseStreamId", () => {
  it("reads the decimal stream id the stream writes", () => {
    expect(parseStreamId("0")).toBe(0n);
    expect(parseStreamId("42")).toBe(42n);
    expect(parseStreamId(" 42 ")).toBe(42n);
    expect(parseStreamId("9223372036854775807")).toBe(9223372036854775807n);
  });

  it("names no id for anything else", () => {
    for (const value of [null, undefined, "", " ", "abc", "-1", "+1", "1.5", "1e3", "0x1", "4 2", "9223372036854775808", "1".repeat(20)]) {
      expect(parseStreamId(value)).toBeNull();
    }
  });
});

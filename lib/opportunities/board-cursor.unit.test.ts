import { describe, expect, it } from "vitest";
import { ValidationError } from "@/lib/errors";
import { decodeBoardCursor, encodeBoardCursor } from "./board-cursor";

const id = "7d0e3b9c-2f4a-4c1e-9a57-0b6f3c1d2e4f";

describe("board cursor", () => {
  it("round-trips positions exactly, fractional and negative ones included", () => {
    for (const position of [0, 1024, -3072, 0.1 + 0.2, 1 / 3, -1e-300, 123456789.123456]) {
      const cursor = encodeBoardCursor({ position, id });
      expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(decodeBoardCursor(cursor)).toEqual({ position, id });
    }
  });

  it("rejects anything it did not make with a 422 on cursor", () => {
    const bad = [
      "",
      "!!!",
      Buffer.from("abc|" + id).toString("base64url"),
      Buffer.from("1|not-a-uuid").toString("base64url"),
      Buffer.from(`1|${id}|x`).toString("base64url"),
      Buffer.from(`Infinity|${id}`).toString("base64url"),
    ];
    for (const text of bad) {
      expect(() => decodeBoardCursor(text)).toThrow(ValidationError);
    }
  });
});

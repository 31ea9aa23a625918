import { describe, expect, it } from "vitest";
import { bodyLimitFor, DEFAULT_BODY_LIMIT_BYTES } from "./body-limits";

describe("bodyLimitFor", () => {
  it("gives every path 1 MiB unless the table says otherwise, matching whole path segments", () => {
    expect(DEFAULT_BODY_LIMIT_BYTES).toBe(1024 * 1024);
    expect(bodyLimitFor("/api/v1/auth/token")).toBe(DEFAULT_BODY_LIMIT_BYTES);
    expect(bodyLimitFor("/pipeline")).toBe(DEFAULT_BODY_LIMIT_BYTES);
    expect(bodyLimitFor("/api/inngest")).toBe(32 * 1024 * 1024);
    expect(bodyLimitFor("/api/inngest/anything")).toBe(32 * 1024 * 1024);
    expect(bodyLimitFor("/api/inngestion")).toBe(DEFAULT_BODY_LIMIT_BYTES);
  });
});

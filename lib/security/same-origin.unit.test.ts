import { describe, expect, it } from "vitest";
import { isSameOriginWrite } from "./same-origin";

const headers = (values: Record<string, string>) => new Headers(values);

describe("isSameOriginWrite", () => {
  it("accepts an Origin naming the host the request was sent to", () => {
    expect(isSameOriginWrite(headers({ host: "crm.example.com", origin: "https://crm.example.com" }))).toBe(true);
    expect(
      isSameOriginWrite(headers({ host: "10.0.0.5:3000", "x-forwarded-host": "crm.example.com", origin: "https://crm.example.com" })),
    ).toBe(true);
  });

  it("refuses another site, an opaque origin and a malformed one", () => {
    expect(isSameOriginWrite(headers({ host: "crm.example.com", origin: "https://evil.example" }))).toBe(false);
    expect(isSameOriginWrite(headers({ host: "crm.example.com", origin: "null" }))).toBe(false);
    expect(isSameOriginWrite(headers({ host: "crm.example.com", origin: "::" }))).toBe(false);
  });

  it("without an Origin, trusts only a same-origin or user-initiated Sec-Fetch-Site", () => {
    expect(isSameOriginWrite(headers({ host: "crm.example.com", "sec-fetch-site": "same-origin" }))).toBe(true);
    expect(isSameOriginWrite(headers({ host: "crm.example.com", "sec-fetch-site": "none" }))).toBe(true);
    expect(isSameOriginWrite(headers({ host: "crm.example.com", "sec-fetch-site": "cross-site" }))).toBe(false);
    expect(isSameOriginWrite(headers({ host: "crm.example.com" }))).toBe(true);
  });
});

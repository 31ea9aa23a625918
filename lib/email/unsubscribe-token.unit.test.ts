import { describe, expect, it } from "vitest";
import { signUnsubscribeToken, verifyUnsubscribeToken } from "./unsubscribe-token";

const SECRET = "unit-test-secret";
const claim = { userId: "6f1c2b8e-4b8f-4a55-9f5e-0d6b2f7d9a10", category: "QUOTE" as const };

describe("unsubscribe tokens", () => {
  it("round-trips the user id and category", () => {
    const token = signUnsubscribeToken(claim, SECRET);
    expect(token.startsWith(`${claim.userId}.QUOTE.`)).toBe(true);
    expect(verifyUnsubscribeToken(token, SECRET)).toEqual(claim);
  });

  it("is deterministic, so a re-rendered email is byte-identical", () => {
    expect(signUnsubscribeToken(claim, SECRET)).toBe(signUnsubscribeToken(claim, SECRET));
  });

  it("rejects a token signed with another secret", () => {
    expect(verifyUnsubscribeToken(signUnsubscribeToken(claim, "other"), SECRET)).toBeNull();
  });

  it("rejects a token whose category or user was changed", () => {
    const [, , mac] = signUnsubscribeToken(claim, SECRET).split(".");
    expect(verifyUnsubscribeToken(`${claim.userId}.SYSTEM.${mac}`, SECRET)).toBeNull();
    expect(verifyUnsubscribeToken(`0b8f3c1e-2f4a-4f7e-9a51-7c2d9e4b1a23.QUOTE.${mac}`, SECRET)).toBeNull();
  });

  it("rejects any change to the signature, including a non-canonical last character", () => {
    const token = signUnsubscribeToken(claim, SECRET);
    const last = token.at(-1)!;
    for (const replacement of ["A", "B", "C", "D", "-", "_"].filter((c) => c !== last)) {
      expect(verifyUnsubscribeToken(`${token.slice(0, -1)}${replacement}`, SECRET)).toBeNull();
    }
  });

  it("rejects malformed tokens", () => {
    const token = signUnsubscribeToken(claim, SECRET);
    for (const bad of [
      "",
      "abc",
      `${token}.x`,
      token.slice(0, -2),
      token.replace("QUOTE", "quote"),
      `not-a-uuid.QUOTE.${token.split(".")[2]}`,
      `${claim.userId}.NOPE.${token.split(".")[2]}`,
    ]) {
      expect(verifyUnsubscribeToken(bad, SECRET)).toBeNull();
    }
  });
});

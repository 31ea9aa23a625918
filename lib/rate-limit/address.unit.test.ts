import { describe, expect, it } from "vitest";
import { addressUnit, clientIp } from "./address";

describe("clientIp", () => {
  it("reads the address the server edge put in X-Forwarded-For", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "198.51.100.7" }))).toBe("198.51.100.7");
    expect(clientIp(new Headers({ "x-forwarded-for": " 198.51.100.7 , 10.0.0.1" }))).toBe("198.51.100.7");
    expect(clientIp(new Headers({ "x-real-ip": "10.0.0.9" }))).toBe("unknown");
    expect(clientIp(new Headers())).toBe("unknown");
  });
});

describe("addressUnit", () => {
  it("counts IPv4 addresses one by one, IPv4-mapped ones as IPv4, IPv6 per /64", () => {
    expect(addressUnit("203.0.113.9")).toBe("203.0.113.9");
    expect(addressUnit("::ffff:203.0.113.9")).toBe("203.0.113.9");
    expect(addressUnit("2001:db8:1:2:aaaa:bbbb:cccc:dddd")).toBe("2001:db8:1:2::/64");
    expect(addressUnit("2001:db8:1:2::1")).toBe(addressUnit("2001:db8:1:2:ffff::9"));
    expect(addressUnit("2001:db8:1:3::1")).not.toBe(addressUnit("2001:db8:1:2::1"));
    expect(addressUnit("::1")).toBe("::/64");
  });

  it("keeps anything that is not an address as it is (bounded)", () => {
    expect(addressUnit("unknown")).toBe("unknown");
    expect(addressUnit("1.2.3")).toBe("1.2.3");
    expect(addressUnit("x".repeat(100))).toHaveLength(64);
  });
});

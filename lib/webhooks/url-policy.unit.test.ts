import { describe, expect, it } from "vitest";
import { blockedAddressReason, webhookUrlProblem } from "./url-policy";

const strict = {};
const dev = { WEBHOOK_ALLOW_LOOPBACK: "1" };

describe("webhookUrlProblem", () => {
  it.each([
    "https://hooks.example.com/onquota",
    "http://example.com:8080/x?y=1",
    "http://10.0.0.5/hook",
    "http://192.168.1.20:3000/in",
    "https://[fd00::1]/in",
  ])("accepts %s (public hosts and the company's own network)", (url) => expect(webhookUrlProblem(url, strict)).toBeNull());

  it.each([
    ["ftp://example.com/x", "must be an http or https URL"],
    ["file:///etc/passwd", "must be an http or https URL"],
    ["javascript:alert(1)", "must be an http or https URL"],
    ["not a url", "must be an absolute http or https URL"],
    ["https://user:pass@example.com/", "must not contain a user name or password"],
  ])("refuses %s", (url, problem) => expect(webhookUrlProblem(url, strict)).toBe(problem));

  it.each([
    "http://127.0.0.1/x",
    "http://localhost:3000/x",
    "http://api.localhost/x",
    "http://[::1]/x",
    "http://[::ffff:127.0.0.1]/x",
    "http://169.254.169.254/latest/meta-data",
    "http://0.0.0.0/x",
    "http://[fe80::1]/x",
    "http://224.0.0.1/x",
    "http://2130706433/x",
  ])("refuses %s (this machine, link-local, special)", (url) => expect(webhookUrlProblem(url, strict)).not.toBeNull());

  it("allows loopback only when WEBHOOK_ALLOW_LOOPBACK is set", () => {
    expect(webhookUrlProblem("http://127.0.0.1:4000/x", dev)).toBeNull();
    expect(webhookUrlProblem("http://localhost:4000/x", dev)).toBeNull();
    expect(webhookUrlProblem("http://169.254.169.254/x", dev)).not.toBeNull();
  });
});

describe("blockedAddressReason", () => {
  it("judges resolved addresses the same way", () => {
    expect(blockedAddressReason("93.184.216.34", strict)).toBeNull();
    expect(blockedAddressReason("10.1.2.3", strict)).toBeNull();
    expect(blockedAddressReason("127.0.0.1", strict)).toMatch(/loopback/);
    expect(blockedAddressReason("::ffff:169.254.169.254", strict)).toBe(
      "must not point at a link-local address (such as a cloud metadata service)",
    );
    expect(blockedAddressReason("240.0.0.1", strict)).toBe("must not point at a reserved or special-purpose address");
    expect(blockedAddressReason("127.0.0.1", dev)).toBeNull();
  });
});

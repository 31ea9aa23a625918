import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { resolveClient, setForwardingHeaders, trustedProxies } from "./client-address";

function request(peer: string | undefined, headers: Record<string, string> = {}, encrypted = false): IncomingMessage {
  const socket = { remoteAddress: peer, encrypted };
  return { socket, connection: socket, headers } as unknown as IncomingMessage;
}

describe("resolveClient", () => {
  const none = trustedProxies(undefined);
  const proxies = trustedProxies(" 10.0.0.0/8 , 127.0.0.2,::1 ");

  it("without trusted proxies, the socket's peer is the client whatever the headers say", () => {
    const forged = { "x-forwarded-for": "198.51.100.1", "x-forwarded-proto": "https", "x-forwarded-host": "evil.example" };
    expect(resolveClient(request("203.0.113.5", forged), none)).toEqual({ address: "203.0.113.5", https: false });
    expect(resolveClient(request("203.0.113.5", {}, true), none)).toEqual({ address: "203.0.113.5", https: true });
    expect(resolveClient(request(undefined), none)).toEqual({ address: "unknown", https: false });
  });

  it("from an untrusted peer, forwarding headers are ignored even when proxies are declared", () => {
    expect(resolveClient(request("203.0.113.5", { "x-forwarded-for": "10.0.0.1", "x-forwarded-proto": "https" }), proxies)).toEqual({
      address: "203.0.113.5",
      https: false,
    });
  });

  it("from a trusted proxy, the nearest untrusted address in X-Forwarded-For is the client, and its scheme and host count", () => {
    const headers = {
      "x-forwarded-for": "192.0.2.66, 198.51.100.77, 10.1.2.3",
      "x-forwarded-proto": "https, http",
      "x-forwarded-host": "crm.example.com",
      "x-forwarded-port": "443",
    };
    expect(resolveClient(request("127.0.0.2", headers), proxies)).toEqual({
      address: "198.51.100.77",
      https: true,
      forwardedHost: "crm.example.com",
      forwardedPort: "443",
    });
    expect(resolveClient(request("::1"), proxies)).toMatchObject({ address: "::1", https: false });
    expect(resolveClient(request("::ffff:10.9.9.9", { "x-forwarded-for": "198.51.100.8" }), proxies).address).toBe("198.51.100.8");
  });

  it("refuses a TRUSTED_PROXIES entry that is not an address or range", () => {
    expect(() => trustedProxies("10.0.0.0/8, proxy.internal")).toThrow(/TRUSTED_PROXIES/);
  });
});

describe("setForwardingHeaders", () => {
  it("replaces whatever the request came with by what is known", () => {
    const req = request("203.0.113.5", {
      "x-forwarded-for": "198.51.100.1",
      "x-forwarded-proto": "https",
      "x-forwarded-host": "evil.example",
      "x-forwarded-port": "1",
      "x-real-ip": "198.51.100.2",
      forwarded: "for=198.51.100.3",
      host: "crm.example.com",
    });
    setForwardingHeaders(req, { address: "203.0.113.5", https: false });
    expect(req.headers).toEqual({ "x-forwarded-for": "203.0.113.5", "x-forwarded-proto": "http", host: "crm.example.com" });
    setForwardingHeaders(req, { address: "198.51.100.77", https: true, forwardedHost: "crm.example.com", forwardedPort: "443" });
    expect(req.headers).toMatchObject({
      "x-forwarded-for": "198.51.100.77",
      "x-forwarded-proto": "https",
      "x-forwarded-host": "crm.example.com",
      "x-forwarded-port": "443",
    });
  });
});

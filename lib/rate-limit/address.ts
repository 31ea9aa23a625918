import { isIP } from "node:net";
import ipaddr from "ipaddr.js";

/**
 * The client's address as the server edge (lib/server) left it in X-Forwarded-For: the socket's peer, or the
 * address a trusted proxy reported. Under `next dev` (no edge) it is whatever the client sent.
 */
export function clientIp(headers: Headers): string {
  const address = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return address ? address.slice(0, 64) : "unknown";
}

/**
 * The unit a limit counts per address: an IPv4 address (IPv4-mapped IPv6 included), or an IPv6 /64 — one
 * subscriber usually holds a whole /64, so counting single IPv6 addresses would let a client rotate freely.
 */
export function addressUnit(address: string): string {
  if (isIP(address) === 0) return address.slice(0, 64);
  const parsed = ipaddr.process(address);
  if (parsed.kind() === "ipv4") return parsed.toString();
  const prefix = ipaddr.IPv6.networkAddressFromCIDR(`${parsed.toString()}/64`);
  return `${prefix.toString()}/64`;
}

import ipaddr from "ipaddr.js";

/**
 * Where a webhook may point. http and https only, no credentials in the URL. The receiver may be on the public
 * internet or on the company's own network (RFC 1918 / unique-local addresses: a team's server on its LAN is a
 * real use), but never on this machine (loopback), a link-local address (cloud metadata at 169.254.169.254),
 * an unspecified, multicast, broadcast or reserved address, or an IPv6 form embedding an IPv4 address. Loopback is
 * allowed only with WEBHOOK_ALLOW_LOOPBACK=1 (development and tests). A host name is checked again at every
 * delivery, against the addresses it resolves to at that moment (see `guardedLookup`), so DNS cannot redirect a
 * delivery to a forbidden address later.
 */
export type UrlPolicyEnv = Record<string, string | undefined>;

const ALLOWED_RANGES = new Set(["unicast", "private", "uniqueLocal", "carrierGradeNat"]);

export function loopbackAllowed(env: UrlPolicyEnv = process.env): boolean {
  return /^(1|true)$/i.test(env.WEBHOOK_ALLOW_LOOPBACK?.trim() ?? "");
}

const LOOPBACK = "must not point at this server (loopback)";

/** How a refused range reads in a message. */
const RANGE_NAMES: Record<string, string> = {
  linkLocal: "a link-local address (such as a cloud metadata service)",
  unspecified: "an unspecified address",
  multicast: "a multicast address",
  broadcast: "a broadcast address",
};

/** Why a webhook may not be delivered to `address` (an IP address), or null when it may. */
export function blockedAddressReason(address: string, env: UrlPolicyEnv = process.env): string | null {
  if (!ipaddr.isValid(address)) return "must be an IP address";
  const range = ipaddr.process(address).range();
  if (range === "loopback") return loopbackAllowed(env) ? null : LOOPBACK;
  return ALLOWED_RANGES.has(range) ? null : `must not point at ${RANGE_NAMES[range] ?? "a reserved or special-purpose address"}`;
}

/** Why `url` cannot be a webhook's URL, or null when it can (host names are checked again when resolved). */
export function webhookUrlProblem(url: string, env: UrlPolicyEnv = process.env): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "must be an absolute http or https URL";
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return "must be an http or https URL";
  if (parsed.username || parsed.password) return "must not contain a user name or password";
  const host = parsed.hostname.replace(/^\[|\]$/g, "").toLowerCase();
  if (host === "localhost" || host.endsWith(".localhost")) return loopbackAllowed(env) ? null : LOOPBACK;
  return ipaddr.isValid(host) ? blockedAddressReason(host, env) : null;
}

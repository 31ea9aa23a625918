import type { IncomingMessage } from "node:http";
import type { TLSSocket } from "node:tls";
import proxyaddr from "proxy-addr";

export type TrustProxy = (address: string, hop: number) => boolean;

/**
 * The proxies whose forwarding headers are believed: TRUSTED_PROXIES, a comma-separated list of addresses and
 * CIDR ranges (or `loopback`, `linklocal`, `uniquelocal`). Empty or unset: none, the socket's peer is the client.
 * An invalid entry throws, so a typo stops the server at start instead of silently trusting nobody.
 */
export function trustedProxies(setting: string | undefined): TrustProxy {
  const entries = (setting ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  try {
    return proxyaddr.compile(entries);
  } catch (error) {
    throw new Error(`TRUSTED_PROXIES: ${(error as Error).message}`);
  }
}

/** Who is on the other end, as far as the socket and the trusted proxies in between can tell. */
export type Client = {
  address: string;
  https: boolean;
  /** Host and port the client asked for, when a trusted proxy says so. */
  forwardedHost?: string;
  forwardedPort?: string;
};

function firstValue(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  const first = value?.split(",")[0]?.trim();
  return first || undefined;
}

/**
 * The client's address is the socket's peer, or, when the peer is a trusted proxy, the nearest address in
 * X-Forwarded-For that is not itself a trusted proxy. The scheme, host and port come from the X-Forwarded-*
 * headers only when the peer is a trusted proxy.
 */
export function resolveClient(req: IncomingMessage, trust: TrustProxy): Client {
  const peer = req.socket.remoteAddress;
  const encrypted = (req.socket as TLSSocket).encrypted === true;
  if (!peer) return { address: "unknown", https: encrypted };
  if (!trust(peer, 0)) return { address: peer, https: encrypted };
  return {
    address: proxyaddr(req, trust),
    https: encrypted || firstValue(req.headers["x-forwarded-proto"]) === "https",
    forwardedHost: firstValue(req.headers["x-forwarded-host"]),
    forwardedPort: firstValue(req.headers["x-forwarded-port"]),
  };
}

/**
 * Replaces whatever forwarding headers the request came with by what we know, so the app (which reads
 * X-Forwarded-For, -Proto and -Host) sees the truth. Next fills in X-Forwarded-Host and -Port from the Host
 * header when they are absent.
 */
export function setForwardingHeaders(req: IncomingMessage, client: Client): void {
  const headers = req.headers;
  headers["x-forwarded-for"] = client.address;
  headers["x-forwarded-proto"] = client.https ? "https" : "http";
  if (client.forwardedHost) headers["x-forwarded-host"] = client.forwardedHost;
  else delete headers["x-forwarded-host"];
  if (client.forwardedPort) headers["x-forwarded-port"] = client.forwardedPort;
  else delete headers["x-forwarded-port"];
  delete headers["x-real-ip"];
  delete headers["forwarded"];
}

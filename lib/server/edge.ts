import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import { bodyLimitFor } from "@/lib/http";
import { logger } from "@/lib/log";
import { admitBody } from "./body-limit";
import { resolveClient, setForwardingHeaders, type TrustProxy } from "./client-address";

/** Browsers that reached us over https keep to https for a year (subdomains included). */
export const HSTS = "max-age=31536000; includeSubDomains";

type Handle = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

function pathnameOf(url: string | undefined): string {
  try {
    return new URL(url ?? "/", "http://edge.invalid").pathname;
  } catch {
    return "/";
  }
}

/**
 * What every request goes through before the app (Next's handler, or a test's): the client's address and
 * scheme from the socket and the trusted proxies only, HSTS over https, and the body limit of its path.
 */
export function edgeListener(handle: Handle, trust: TrustProxy): RequestListener {
  return (req, res) => {
    const client = resolveClient(req, trust);
    setForwardingHeaders(req, client);
    if (client.https) res.setHeader("strict-transport-security", HSTS);
    admitBody(req, res, bodyLimitFor(pathnameOf(req.url)), () => {
      Promise.resolve(handle(req, res)).catch((error: unknown) => {
        logger.error({ err: error, url: req.url }, "server: request handler failed");
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
    });
  };
}

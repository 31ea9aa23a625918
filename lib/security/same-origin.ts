/**
 * Whether a cookie-authenticated write comes from our own pages (CSRF): its Origin names this host, or — without
 * an Origin — the browser says the request is same-origin (or user-initiated). The host is the one the request
 * was addressed to (`x-forwarded-host` is set by the production server only from trusted proxies).
 */
export function isSameOriginWrite(headers: Headers): boolean {
  const origin = headers.get("origin");
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  if (origin !== null) {
    try {
      return new URL(origin).host === host;
    } catch {
      return false;
    }
  }
  const site = headers.get("sec-fetch-site");
  return site === null || site === "same-origin" || site === "none";
}

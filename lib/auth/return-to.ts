/** The request header through which proxy.ts tells pages the address the user asked for (path and query). */
export const REQUESTED_PATH_HEADER = "x-requested-path";

export const HOME_PATH = "/pipeline";

/**
 * A `next` address the sign-in may send the user to: a path of this site only. Anything else (another host,
 * `//host`, `/\host`, a scheme, control characters, the login page itself) gives undefined.
 */
export function safeNextPath(value: unknown): string | undefined {
  if (typeof value !== "string" || value.length > 2000 || !value.startsWith("/")) return undefined;
  if (/[\u0000-\u001f\\]/.test(value) || value.startsWith("//")) return undefined;
  const base = "http://onquota.invalid";
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return undefined;
  }
  if (url.origin !== base || url.pathname === "/login" || url.pathname.startsWith("/api/")) return undefined;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The login page, asked to come back to `path` afterwards when that is a safe place to return to. */
export function loginPath(path: string | null | undefined): string {
  const next = safeNextPath(path);
  return next && next !== "/" ? `/login?next=${encodeURIComponent(next)}` : "/login";
}

import { PreconditionFailedError } from "@/lib/errors";

/**
 * The version a write expects, from `If-Match: "<version>"` (weak or strong). Absent → undefined.
 * A value that is not a version can never match, so it fails as a stale one would.
 */
export function expectedVersion(request: Request): number | undefined {
  const header = request.headers.get("if-match");
  if (header === null || header.trim() === "" || header.trim() === "*") return undefined;
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(header.trim());
  if (!match) throw new PreconditionFailedError('If-Match must be the resource\'s version, e.g. "3".');
  return Number(match[1]);
}

export function etag(version: number): string {
  return `"${version}"`;
}

/**
 * The fetch Scalar sends "try it" requests (and loads the document) with. An operation's bearer scheme is
 * selected by default, so with no token typed Scalar still sends `Authorization: Bearer`, which the API rejects
 * without looking at the cookie; dropping that empty header lets a signed-in visitor's session cookie answer.
 */
export function sessionFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const request = new Request(input, init);
  if (isEmptyBearer(request.headers.get("authorization"))) request.headers.delete("authorization");
  return fetch(request);
}

export function isEmptyBearer(authorization: string | null): boolean {
  return authorization !== null && /^\s*bearer\s*$/i.test(authorization);
}

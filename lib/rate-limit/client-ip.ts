/**
 * The client's IP as reported by the reverse proxy: the first hop of `x-forwarded-for`, else `x-real-ip`.
 * The app trusts these headers, so in production a proxy in front of it must set (overwrite) them;
 * without either header every caller shares the "unknown" IP bucket.
 */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  const ip = forwarded || headers.get("x-real-ip")?.trim();
  return ip ? ip.slice(0, 64) : "unknown";
}

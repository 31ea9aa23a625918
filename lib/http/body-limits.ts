/**
 * How many bytes a request body may have, by path: the one table both the server edge (which counts bytes as
 * they arrive) and the route wrapper (which counts them again while reading) use. A route that takes files
 * adds its own line here.
 */
export const DEFAULT_BODY_LIMIT_BYTES = 1024 * 1024;

const LIMITS: { prefix: string; bytes: number }[] = [
  // A rates file: the ECB's whole history since 1999 is about 8 MB.
  { prefix: "/api/v1/exchange-rates/import", bytes: 10 * 1024 * 1024 },
  // The settings page posts the same files through a server action.
  { prefix: "/settings/exchange-rates", bytes: 10 * 1024 * 1024 },
  // A spreadsheet of 50,000 deals is about 10 MB as CSV.
  { prefix: "/api/v1/imports", bytes: 20 * 1024 * 1024 },
  // Inngest sends a function's whole run state, which Inngest caps at 32 MB.
  { prefix: "/api/inngest", bytes: 32 * 1024 * 1024 },
];

export function bodyLimitFor(pathname: string): number {
  const match = LIMITS.find(({ prefix }) => pathname === prefix || pathname.startsWith(`${prefix}/`));
  return match?.bytes ?? DEFAULT_BODY_LIMIT_BYTES;
}

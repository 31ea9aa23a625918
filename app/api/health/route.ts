export const dynamic = "force-dynamic";

/** Liveness: the process is up and serving. Says nothing about the database (that is /api/ready). */
export function GET() {
  return Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
}

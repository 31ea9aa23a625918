import { readiness } from "@/lib/health";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** Readiness for load balancers and orchestrators: 200 when this instance should get traffic, else 503. */
export async function GET() {
  const { ready, ...body } = await readiness();
  return Response.json(body, { status: ready ? 200 : 503, headers: { "cache-control": "no-store" } });
}

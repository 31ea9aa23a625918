import { openApiDocument } from "@/lib/openapi";

/** The OpenAPI 3.1 document of this API; public. */
export function GET() {
  return Response.json(openApiDocument(), { headers: { "cache-control": "public, max-age=300" } });
}

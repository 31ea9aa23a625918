import { etag } from "@/lib/http/if-match";
import { serializeOpportunity, type OpportunityRow } from "./serialize";

/** A single opportunity as JSON, with its version as the ETag a client sends back in If-Match. */
export function opportunityResponse(row: OpportunityRow, status: 200 | 201 = 200): Response {
  return Response.json(serializeOpportunity(row), { status, headers: { etag: etag(row.version) } });
}

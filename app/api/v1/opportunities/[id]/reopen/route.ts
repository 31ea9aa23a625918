import { apiRoute, expectedVersion } from "@/lib/http";
import { opportunityResponse, reopenOpportunity, reopenOpportunityOperation } from "@/lib/opportunities";

export const POST = apiRoute(reopenOpportunityOperation, async ({ scope, params, body, request }) =>
  opportunityResponse(await reopenOpportunity(scope, params.id, body, { expectedVersion: expectedVersion(request) })),
);

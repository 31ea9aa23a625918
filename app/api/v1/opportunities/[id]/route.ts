import { apiRoute, expectedVersion } from "@/lib/http";
import {
  deleteOpportunity,
  deleteOpportunityOperation,
  getOpportunityById,
  getOpportunityOperation,
  opportunityResponse,
  updateOpportunity,
  updateOpportunityOperation,
} from "@/lib/opportunities";

export const GET = apiRoute(getOpportunityOperation, async ({ scope, params }) =>
  opportunityResponse(await getOpportunityById(scope, params.id)),
);

export const PUT = apiRoute(updateOpportunityOperation, async ({ scope, params, body, request }) =>
  opportunityResponse(await updateOpportunity(scope, params.id, body, { expectedVersion: expectedVersion(request) })),
);

export const DELETE = apiRoute(deleteOpportunityOperation, async ({ scope, params, request }) => {
  await deleteOpportunity(scope, params.id, { expectedVersion: expectedVersion(request) });
});

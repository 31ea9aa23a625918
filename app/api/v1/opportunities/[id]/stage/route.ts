import { apiRoute, expectedVersion } from "@/lib/http";
import { changeStageOperation, opportunityResponse, updateStage } from "@/lib/opportunities";

export const PATCH = apiRoute(changeStageOperation, async ({ scope, params, body, request }) =>
  opportunityResponse(await updateStage(scope, params.id, body, { expectedVersion: expectedVersion(request) })),
);

import { apiRoute } from "@/lib/http";
import { getOpportunityChanges, opportunityChangesOperation, serializeChanges } from "@/lib/analytics";

export const GET = apiRoute(opportunityChangesOperation, async ({ scope, params }) =>
  serializeChanges(await getOpportunityChanges(scope, params.id)),
);

import { exportResponse } from "@/lib/exports";
import { apiRoute } from "@/lib/http";
import { exportOpportunities, exportOpportunitiesOperation } from "@/lib/opportunities";

export const GET = apiRoute(exportOpportunitiesOperation, async ({ scope, query }) =>
  exportResponse({ format: query.format, name: "opportunities", ...exportOpportunities(scope, query) }),
);

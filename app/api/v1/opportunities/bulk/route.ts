import { apiRoute } from "@/lib/http";
import { bulkOpportunitiesOperation, bulkUpdateOpportunities } from "@/lib/opportunities";

export const POST = apiRoute(bulkOpportunitiesOperation, ({ scope, body }) => bulkUpdateOpportunities(scope, body));

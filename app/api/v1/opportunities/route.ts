import { apiRoute, pageOf } from "@/lib/http";
import {
  createOpportunity,
  createOpportunityOperation,
  getOpportunities,
  listOpportunitiesOperation,
  opportunityResponse,
  serializeOpportunity,
} from "@/lib/opportunities";

export const POST = apiRoute(createOpportunityOperation, async ({ scope, body }) =>
  opportunityResponse(await createOpportunity(scope, body), 201),
);

export const GET = apiRoute(listOpportunitiesOperation, async ({ scope, query }) => {
  const { items, total } = await getOpportunities(scope, query);
  return pageOf(
    items.map((row) => serializeOpportunity(row)),
    total,
    query,
  );
});

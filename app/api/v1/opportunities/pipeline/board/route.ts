import { apiRoute } from "@/lib/http/api-route";
import { getOpportunitiesByStage, pipelineBoardOperation, serializeBoardColumn } from "@/lib/opportunities";

export const GET = apiRoute(pipelineBoardOperation, async ({ scope, query }) => ({
  stages: (await getOpportunitiesByStage(scope, query)).map(serializeBoardColumn),
}));

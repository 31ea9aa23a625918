import { apiRoute } from "@/lib/http";
import { boardResponse, getOpportunitiesByStage, pipelineBoardOperation } from "@/lib/opportunities";

export const GET = apiRoute(pipelineBoardOperation, async ({ scope, query }) => boardResponse(await getOpportunitiesByStage(scope, query)));

import { apiRoute } from "@/lib/http";
import { getOpportunitiesByStage, pipelineBoardOperation, serializeBoard } from "@/lib/opportunities";

export const GET = apiRoute(pipelineBoardOperation, async ({ scope, query }) =>
  serializeBoard(await getOpportunitiesByStage(scope, query)),
);

import { apiRoute } from "@/lib/http";
import { getStageHistory, serializeHistory, stageHistoryOperation } from "@/lib/opportunities";

export const GET = apiRoute(stageHistoryOperation, async ({ scope, params }) => serializeHistory(await getStageHistory(scope, params.id)));

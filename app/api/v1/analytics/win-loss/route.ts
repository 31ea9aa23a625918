import { apiRoute } from "@/lib/http";
import { getWinLoss, winLossOperation } from "@/lib/analytics";

export const GET = apiRoute(winLossOperation, ({ scope, query }) => getWinLoss(scope, query));

import { apiRoute } from "@/lib/http/api-route";
import { getPipelineSummary, pipelineSummaryOperation } from "@/lib/opportunities";

export const GET = apiRoute(pipelineSummaryOperation, ({ scope, query }) => getPipelineSummary(scope, query));

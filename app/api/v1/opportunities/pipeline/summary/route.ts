import { apiRoute } from "@/lib/http";
import { getPipelineSummary, pipelineSummaryOperation, serializeSummary } from "@/lib/opportunities";

export const GET = apiRoute(pipelineSummaryOperation, async ({ scope, query }) => serializeSummary(await getPipelineSummary(scope, query)));

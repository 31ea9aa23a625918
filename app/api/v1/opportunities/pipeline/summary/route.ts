import { apiRoute } from "@/lib/http";
import { getPipelineSummaryAsOf } from "@/lib/analytics";
import { getPipelineSummary, pipelineSummaryOperation, serializeSummary } from "@/lib/opportunities";

export const GET = apiRoute(pipelineSummaryOperation, async ({ scope, query }) =>
  serializeSummary(query.as_of ? await getPipelineSummaryAsOf(scope, query.as_of, query) : await getPipelineSummary(scope, query)),
);

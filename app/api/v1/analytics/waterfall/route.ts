import { apiRoute } from "@/lib/http";
import { getWaterfall, waterfallOperation } from "@/lib/analytics";

export const GET = apiRoute(waterfallOperation, ({ scope, query }) => getWaterfall(scope, query));

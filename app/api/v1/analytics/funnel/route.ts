import { apiRoute } from "@/lib/http";
import { getFunnel, funnelOperation } from "@/lib/analytics";

export const GET = apiRoute(funnelOperation, ({ scope, query }) => getFunnel(scope, query));

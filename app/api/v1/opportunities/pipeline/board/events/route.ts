import { apiRoute } from "@/lib/http";
import { boardEventStream, boardEventsOperation } from "@/lib/opportunities";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export const GET = apiRoute(boardEventsOperation, async ({ scope, request }) => boardEventStream(scope, request.signal));

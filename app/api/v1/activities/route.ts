import { apiRoute } from "@/lib/http";
import { createActivity, createActivityOperation, listActivities, listActivitiesOperation } from "@/lib/activities";

export const GET = apiRoute(listActivitiesOperation, async ({ scope, query }) => listActivities(scope, query));

export const POST = apiRoute(createActivityOperation, async ({ scope, body }) => createActivity(scope, body));

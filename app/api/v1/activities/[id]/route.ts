import { apiRoute } from "@/lib/http";
import {
  deleteActivity,
  deleteActivityOperation,
  getActivity,
  getActivityOperation,
  updateActivity,
  updateActivityOperation,
} from "@/lib/activities";

export const GET = apiRoute(getActivityOperation, async ({ scope, params }) => getActivity(scope, params.id));

export const PUT = apiRoute(updateActivityOperation, async ({ scope, params, body }) => updateActivity(scope, params.id, body));

export const DELETE = apiRoute(deleteActivityOperation, async ({ scope, params }) => deleteActivity(scope, params.id));

import { apiRoute } from "@/lib/http";
import { getStageSettings, getStageSettingsOperation, putStageSettings, putStageSettingsOperation } from "@/lib/opportunities";

export const GET = apiRoute(getStageSettingsOperation, async ({ scope }) => getStageSettings(scope));

export const PUT = apiRoute(putStageSettingsOperation, async ({ scope, body }) => putStageSettings(scope, body));

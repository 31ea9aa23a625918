import { getEmailPreferences, getEmailPreferencesOperation, updateEmailPreferences, updateEmailPreferencesOperation } from "@/lib/email";
import { apiRoute } from "@/lib/http";

export const GET = apiRoute(getEmailPreferencesOperation, async ({ scope }) => getEmailPreferences(scope));

export const PUT = apiRoute(updateEmailPreferencesOperation, async ({ scope, body }) => updateEmailPreferences(scope, body.preferences));

import { apiRoute } from "@/lib/http";
import { createWebhook, createWebhookOperation, listWebhooks, listWebhooksOperation } from "@/lib/webhooks";

export const GET = apiRoute(listWebhooksOperation, async ({ scope }) => ({ items: await listWebhooks(scope) }));
export const POST = apiRoute(createWebhookOperation, ({ scope, body }) => createWebhook(scope, body));

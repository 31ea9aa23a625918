import { apiRoute } from "@/lib/http";
import { createLossReason, createLossReasonOperation, listLossReasons, listLossReasonsOperation } from "@/lib/loss-reasons";

export const GET = apiRoute(listLossReasonsOperation, async ({ scope }) => ({ items: await listLossReasons(scope) }));
export const POST = apiRoute(createLossReasonOperation, ({ scope, body }) => createLossReason(scope, body));

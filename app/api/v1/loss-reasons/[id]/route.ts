import { apiRoute } from "@/lib/http";
import { deleteLossReason, deleteLossReasonOperation, updateLossReason, updateLossReasonOperation } from "@/lib/loss-reasons";

export const PUT = apiRoute(updateLossReasonOperation, ({ scope, params, body }) => updateLossReason(scope, params.id, body));
export const DELETE = apiRoute(deleteLossReasonOperation, ({ scope, params }) => deleteLossReason(scope, params.id));
